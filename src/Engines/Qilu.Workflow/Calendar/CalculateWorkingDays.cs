using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Qilu.Platform.Http;
using Qilu.SharedKernel.Results;
using Qilu.SharedKernel.Time;

namespace Qilu.Workflow.Calendar;

/// <summary>
/// GET /api/workflow/calendar/working-days?from=2026-09-30&amp;days=5: the Nth working day after a date on the engine's
/// current calendar (as a time limit counts: from the day after the start), the deadline instant (24:00 China time of
/// that day) and the holidays and weekend days skipped on the way, so a deadline can be explained.
/// </summary>
internal static class CalculateWorkingDays
{
    /// <summary>A day passed over, and why.</summary>
    internal sealed record Skipped(DateOnly Date, string Reason, string? Name);

    /// <summary>The answer.</summary>
    internal sealed record Response(DateOnly From, int Days, DateOnly Date, DateTimeOffset Deadline, IReadOnlyList<Skipped> Skipped, IReadOnlyList<DateOnly> AdjustedWorkingDays);

    public static void Map(IEndpointRouteBuilder api) => api.MapGet("/calendar/working-days", Endpoint)
        .RequireAuthorization()
        .WithName("CalculateWorkingDays").WithSummary("工作日计算 / Add working days").Produces<Response>();

    private static IResult Endpoint(DateOnly? from, int? days, CalendarProvider calendar)
    {
        var r = Handle(from, days, calendar.Current);
        return r.IsSuccess ? Results.Ok(r.Value) : Problems.From(r);
    }

    internal static Result<Response> Handle(DateOnly? from, int? days, WorkingCalendar calendar)
    {
        var v = new Validation();
        v.Rule(from is not null, "from", "required", "请填写起算日期（yyyy-MM-dd）", "from (yyyy-MM-dd) is required");
        v.Rule(days is >= 0 and <= 365, "days", "range", "工作日数应为 0–365", "days must be 0–365");
        if (!v.IsValid) return Result<Response>.Failure(v.Errors);
        var start = from!.Value;
        var n = days!.Value;
        var date = calendar.AddWorkingDays(start, n);
        var skipped = new List<Skipped>();
        var adjusted = new List<DateOnly>();
        for (var d = start.AddDays(1); d <= date; d = d.AddDays(1))
        {
            var entry = calendar.Find(d);
            if (calendar.IsWorkingDay(d))
            {
                if (entry?.Kind == CalendarDayKind.AdjustedWorkingDay) adjusted.Add(d);
                continue;
            }
            skipped.Add(new Skipped(d, entry?.Kind == CalendarDayKind.Holiday ? "holiday" : "weekend", entry?.Name));
        }
        return new Response(start, n, date, WorkingCalendar.StartOfChinaDay(date.AddDays(1)), skipped, adjusted);
    }
}
