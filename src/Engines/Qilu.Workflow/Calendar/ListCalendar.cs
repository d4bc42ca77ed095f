using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Qilu.SharedKernel.Time;
using Qilu.Workflow.Data;

namespace Qilu.Workflow.Calendar;

/// <summary>GET /api/workflow/calendar?year=: the holidays and adjusted working days of a year (any signed-in actor: deadlines are public facts).</summary>
internal static class ListCalendar
{
    /// <summary>One dated entry.</summary>
    internal sealed record Day(DateOnly Date, CalendarDayKind Kind, string Name);

    /// <summary>A year's arrangement.</summary>
    internal sealed record Year(int Value, IReadOnlyList<Day> Days, DateTimeOffset? UpdatedAt, string? UpdatedBy)
    {
        /// <summary>The concurrency token a per-day edit sends back (<see cref="SetCalendarDay"/>).</summary>
        public string Stamp => CalendarStamp.Of(UpdatedAt, Days.Count);
    }

    public static void Map(IEndpointRouteBuilder api) => api.MapGet("/calendar", EndpointAsync)
        .RequireAuthorization()
        .WithName("ListWorkflowCalendar").WithSummary("节假日与调休 / Holidays and adjusted working days").Produces<Year>();

    private static async Task<IResult> EndpointAsync(int? year, WorkflowDbContext db, TimeProvider clock, HttpContext ctx) =>
        Results.Ok(await HandleAsync(year ?? WorkingCalendar.ChinaDate(clock.GetUtcNow()).Year, db, ctx.RequestAborted));

    internal static async Task<Year> HandleAsync(int year, WorkflowDbContext db, CancellationToken ct)
    {
        var rows = await db.Calendar.AsNoTracking().Where(c => c.Year == year).ToListAsync(ct);
        var last = rows.MaxBy(r => r.UpdatedAt);
        return new Year(year, [.. rows.OrderBy(r => r.Date).Select(r => new Day(r.Date, r.Kind, r.Name))], last?.UpdatedAt, last?.UpdatedBy);
    }
}
