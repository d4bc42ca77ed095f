using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Qilu.Platform.Audit;
using Qilu.Platform.Auth;
using Qilu.Platform.Http;
using Qilu.SharedKernel.Actors;
using Qilu.SharedKernel.Results;
using Qilu.SharedKernel.Time;
using Qilu.Workflow.Contracts;
using Qilu.Workflow.Data;
using Qilu.Workflow.UseCases;

namespace Qilu.Workflow.Calendar;

/// <summary>
/// PUT /api/workflow/calendar/{year}: replaces a year's arrangement (as published by the State Council General Office
/// each November). Limits started afterwards, and clocks restarted after a suspension, use the new calendar;
/// deadlines already scheduled keep their instants.
/// </summary>
internal static class PutCalendarYear
{
    /// <summary>The year's entries.</summary>
    internal sealed record Request(IReadOnlyList<ListCalendar.Day>? Days);

    public static void Map(IEndpointRouteBuilder api) => api.MapPut("/calendar/{year:int}", EndpointAsync)
        .RequirePermission(WorkflowPermissions.CalendarManage)
        .WithName("PutWorkflowCalendarYear").WithSummary("维护年度节假日安排 / Set a year's holiday arrangement").Produces<ListCalendar.Year>();

    private static async Task<IResult> EndpointAsync(int year, Request request, HttpContext ctx, ActorAccessor actors, WorkflowDbContext db,
        CalendarProvider calendar, IAuditWriter audit, TimeProvider clock) =>
        Outcomes.Ok(await HandleAsync(actors.FromContext(ctx), year, request, db, calendar, audit, clock, ctx.RequestAborted));

    internal static async Task<Result<ListCalendar.Year>> HandleAsync(Actor actor, int year, Request request, WorkflowDbContext db,
        CalendarProvider calendar, IAuditWriter audit, TimeProvider clock, CancellationToken ct)
    {
        if (Outcomes.Lacks(actor, WorkflowPermissions.CalendarManage) is { } denied) return Outcomes.Denied<ListCalendar.Year>(denied);
        var v = new Validation();
        v.Rule(year is >= 2000 and <= 2100, "year", "year", "年份必须在 2000–2100 之间", "year must be 2000–2100");
        var days = request?.Days ?? [];
        for (var i = 0; i < days.Count; i++)
        {
            var d = days[i];
            var field = $"days[{i}]";
            v.Rule(d.Date.Year == year, field + ".date", "calendar.year", $"日期 {d.Date} 不属于 {year} 年", $"{d.Date} is not in {year}");
            v.Rule(Enum.IsDefined(d.Kind), field + ".kind", "calendar.kind", "类型只能是 Holiday 或 AdjustedWorkingDay", "kind is Holiday or AdjustedWorkingDay");
            v.Rule(!string.IsNullOrWhiteSpace(d.Name) && d.Name.Length <= 64, field + ".name", "calendar.name", "必须填写节日名称（至多 64 字）", "name is required (at most 64 characters)");
            v.Rule(d.Kind != CalendarDayKind.AdjustedWorkingDay || d.Date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday,
                field + ".kind", "calendar.adjusted_weekday", "调休上班日只能是周六或周日", "An adjusted working day falls on a Saturday or Sunday");
            v.Rule(days.Take(i).All(o => o.Date != d.Date), field + ".date", "calendar.duplicate", $"日期 {d.Date} 重复", $"{d.Date} appears twice");
        }
        if (!v.IsValid) return Result<ListCalendar.Year>.Failure(v.Errors);
        var now = clock.GetUtcNow();
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            await db.Calendar.Where(c => c.Year == year).ExecuteDeleteAsync(ct);
            db.Calendar.AddRange(days.Select(d => new CalendarEntry { Date = d.Date, Kind = d.Kind, Name = d.Name, Year = year, UpdatedAt = now, UpdatedBy = actor.SubjectId }));
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        await calendar.ReloadAsync(db, ct);
        await audit.WriteAsync(new AuditEvent("workflow.calendar.updated", "workflow_calendar", year.ToString(System.Globalization.CultureInfo.InvariantCulture), "success", actor,
            new { year, holidays = days.Count(d => d.Kind == CalendarDayKind.Holiday), adjusted = days.Count(d => d.Kind == CalendarDayKind.AdjustedWorkingDay) }), ct);
        return await ListCalendar.HandleAsync(year, db, ct);
    }
}
