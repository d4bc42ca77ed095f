using Microsoft.EntityFrameworkCore;
using Qilu.Workflow.Data;

namespace Qilu.Workflow.Calendar;

/// <summary>
/// The optimistic-concurrency token of a year's arrangement: the last change's time and the number of entries. An
/// editor sends back the stamp it loaded; a different stamp means someone else changed the year since (409).
/// </summary>
internal static class CalendarStamp
{
    public static async Task<string> OfAsync(WorkflowDbContext db, int year, CancellationToken ct)
    {
        var rows = await db.Calendar.AsNoTracking().Where(c => c.Year == year).Select(c => c.UpdatedAt).ToListAsync(ct);
        return Of(rows.Count == 0 ? null : rows.Max(), rows.Count);
    }

    public static string Of(DateTimeOffset? updatedAt, int count) =>
        $"{(updatedAt?.UtcTicks / TimeSpan.TicksPerMillisecond)?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "0"}-{count.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
}
