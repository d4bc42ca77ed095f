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
/// PUT /api/workflow/calendar/days/{date}: adds one holiday or adjusted working day (调休上班), or changes it; DELETE
/// removes it (the day falls back to the weekday rule). <c>stamp</c> is the year's <see cref="CalendarStamp"/> as the
/// editor loaded it: 409 when the year changed meanwhile. The engine's calendar is reloaded at once.
/// </summary>
internal static class SetCalendarDay
{
    /// <summary>The day's entry and the stamp the editor saw.</summary>
    internal sealed record Request(CalendarDayKind Kind, string? Name, string? Stamp);

    /// <summary>The year after the change, with its new stamp.</summary>
    internal sealed record Response(ListCalendar.Year Year, string Stamp);

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPut("/calendar/days/{date}", PutAsync)
            .RequirePermission(WorkflowPermissions.CalendarManage)
            .WithName("SetWorkflowCalendarDay").WithSummary("新增或修改一天（节假日/调休） / Add or change a day").Produces<Response>();
        api.MapDelete("/calendar/days/{date}", DeleteAsync)
            .RequirePermission(WorkflowPermissions.CalendarManage)
            .WithName("RemoveWorkflowCalendarDay").WithSummary("删除一天 / Remove a day").Produces<Response>();
    }

    private static async Task<IResult> PutAsync(DateOnly date, Request request, HttpContext ctx, ActorAccessor actors, WorkflowDbContext db,
        CalendarProvider calendar, IAuditWriter audit, TimeProvider clock) =>
        Outcomes.Ok(await HandleAsync(actors.FromContext(ctx), date, request, db, calendar, audit, clock, ctx.RequestAborted));

    private static async Task<IResult> DeleteAsync(DateOnly date, string? stamp, HttpContext ctx, ActorAccessor actors, WorkflowDbContext db,
        CalendarProvider calendar, IAuditWriter audit, TimeProvider clock) =>
        Outcomes.Ok(await HandleAsync(actors.FromContext(ctx), date, null, db, calendar, audit, clock, ctx.RequestAborted, stamp));

    /// <summary>Sets the day when <paramref name="request"/> is given, else removes it (with <paramref name="removeStamp"/>).</summary>
    internal static async Task<Result<Response>> HandleAsync(Actor actor, DateOnly date, Request? request, WorkflowDbContext db,
        CalendarProvider calendar, IAuditWriter audit, TimeProvider clock, CancellationToken ct, string? removeStamp = null)
    {
        if (Outcomes.Lacks(actor, WorkflowPermissions.CalendarManage) is { } denied) return Outcomes.Denied<Response>(denied);
        var v = new Validation();
        v.Rule(date.Year is >= 2000 and <= 2100, "date", "year", "年份必须在 2000–2100 之间", "year must be 2000–2100");
        if (request is not null)
        {
            v.Rule(Enum.IsDefined(request.Kind), "kind", "calendar.kind", "类型只能是 Holiday 或 AdjustedWorkingDay", "kind is Holiday or AdjustedWorkingDay");
            v.Rule(!string.IsNullOrWhiteSpace(request.Name) && request.Name.Trim().Length <= 64, "name", "calendar.name", "必须填写节日名称（至多 64 字）", "name is required (at most 64 characters)");
            v.Rule(request.Kind != CalendarDayKind.AdjustedWorkingDay || date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday,
                "kind", "calendar.adjusted_weekday", $"调休上班日只能是周六或周日（{date:yyyy-MM-dd} 是工作日）", $"An adjusted working day falls on a Saturday or Sunday ({date:yyyy-MM-dd} is a weekday)");
        }
        if (!v.IsValid) return Result<Response>.Failure(v.Errors);
        var stamp = request?.Stamp ?? removeStamp;
        var current = await CalendarStamp.OfAsync(db, date.Year, ct);
        if (stamp != current)
            return Result<Response>.Failure(new Error("calendar.stale", $"{date.Year} 年的节假日安排已被他人修改，请刷新后重试",
                $"The {date.Year} arrangement was changed by someone else; reload and retry", "stamp"), ErrorKind.Conflict);
        var existing = await db.Calendar.FirstOrDefaultAsync(c => c.Date == date, ct);
        var now = clock.GetUtcNow();
        if (request is null)
        {
            if (existing is null)
                return Result<Response>.Failure(new Error("not_found", $"{date:yyyy-MM-dd} 不在节假日安排中", $"{date:yyyy-MM-dd} is not in the arrangement", "date"), ErrorKind.NotFound);
            db.Calendar.Remove(existing);
            // The remaining rows carry the change time, so the year's stamp moves even when the last change was a removal.
            await db.Calendar.Where(c => c.Year == date.Year && c.Date != date).ExecuteUpdateAsync(s => s.SetProperty(c => c.UpdatedAt, now), ct);
        }
        else if (existing is null)
        {
            db.Calendar.Add(new CalendarEntry { Date = date, Kind = request.Kind, Name = request.Name!.Trim(), Year = date.Year, UpdatedAt = now, UpdatedBy = actor.SubjectId });
        }
        else
        {
            existing.Kind = request.Kind;
            existing.Name = request.Name!.Trim();
            existing.UpdatedAt = now;
            existing.UpdatedBy = actor.SubjectId;
        }
        await db.SaveChangesAsync(ct);
        await calendar.ReloadAsync(db, ct);
        await audit.WriteAsync(new AuditEvent(request is null ? "workflow.calendar.day_removed" : "workflow.calendar.day_set", "workflow_calendar",
            date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), "success", actor,
            new { date, kind = request?.Kind.ToString(), name = request?.Name, previous = existing is null ? null : new { existing.Kind, existing.Name } }), ct);
        return new Response(await ListCalendar.HandleAsync(date.Year, db, ct), await CalendarStamp.OfAsync(db, date.Year, ct));
    }
}
