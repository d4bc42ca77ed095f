using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Qilu.Platform.Auth;
using Qilu.SharedKernel.Actors;
using Qilu.SharedKernel.Results;
using Qilu.SharedKernel.Time;
using Qilu.Sharing.Applications;
using Qilu.Sharing.Contracts;

namespace Qilu.Sharing.Usage;

/// <summary>
/// GET /api/sharing/usage?days=14: gateway usage from the metering records, within the actor's division (consumer or
/// provider inside it): calls per China day, and the top consumers, providers and resources, with refusals counted.
/// Metering records are written from the audit log a moment after each call (ADR 0018 addendum 7); the dashboard first
/// projects what the log already holds, so it counts every call answered before it was asked.
/// </summary>
internal static class UsageDashboard
{
    public sealed record Point(string Label, long Calls);

    public sealed record Response(int Days, long Calls, long Served, long Refused, long Rows, double AverageMs, IReadOnlyList<Point> ByDay,
        IReadOnlyList<Point> ByConsumer, IReadOnlyList<Point> ByProvider, IReadOnlyList<Point> ByResource, IReadOnlyList<Point> ByOperation);

    public static void Map(IEndpointRouteBuilder api) => api.MapGet("/usage", async (int? days, HttpContext ctx, ActorAccessor actors, SharingServices s, MeteringProjector projector) =>
            Outcomes.Ok(await HandleAsync(actors.FromContext(ctx), days ?? 14, s, projector, ctx.RequestAborted)))
        .RequirePermission(SharingPermissions.UsageRead)
        .WithName("SharingUsage").WithSummary("网关调用统计 / Gateway usage").Produces<Response>();

    internal static async Task<Result<Response>> HandleAsync(Actor actor, int days, SharingServices s, MeteringProjector projector, CancellationToken ct)
    {
        if (Outcomes.Lacks(actor, SharingPermissions.UsageRead) is { } denied) return Outcomes.Denied<Response>(denied);
        if (days is < 1 or > 90) return Outcomes.Invalid<Response>("days.range", "统计天数须为 1–90", "days must be 1–90", "days");
        if (actor.DivisionCode is null) return Outcomes.Forbidden<Response>("division.required", "须以单位身份查看", "Only officials of a unit see usage");
        await projector.CatchUpAsync(ct);
        var prefix = DivisionScope.PrefixOf(actor.DivisionCode);
        var now = s.Clock.GetUtcNow();
        var firstDay = WorkingCalendar.ChinaDate(now).AddDays(1 - days);
        var from = WorkingCalendar.StartOfChinaDay(firstDay);
        var rows = await s.Db.Metering.AsNoTracking()
            .Where(m => m.At >= from && ((m.ConsumerDivision != null && m.ConsumerDivision.StartsWith(prefix)) || (m.ProviderDivision != null && m.ProviderDivision.StartsWith(prefix))))
            .Select(m => new { m.At, m.ConsumerName, m.ProviderName, m.EntryName, m.Operation, m.Status, m.Rows, m.DurationMs }).ToListAsync(ct);
        var byDay = Enumerable.Range(0, days).Select(i => firstDay.AddDays(i))
            .Select(d => new Point(d.ToString("MM-dd", System.Globalization.CultureInfo.InvariantCulture), rows.LongCount(r => WorkingCalendar.ChinaDate(r.At) == d))).ToList();
        static List<Point> Top(IEnumerable<string?> keys) => [.. keys.GroupBy(k => k ?? "（未识别）").Select(g => new Point(g.Key, g.LongCount()))
            .OrderByDescending(p => p.Calls).ThenBy(p => p.Label, StringComparer.Ordinal).Take(10)];
        var served = rows.LongCount(r => r.Status is >= 200 and < 300);
        return new Response(days, rows.Count, served, rows.Count - served, rows.Sum(r => (long)r.Rows), rows.Count == 0 ? 0 : rows.Average(r => r.DurationMs),
            byDay, Top(rows.Select(r => r.ConsumerName)), Top(rows.Select(r => r.ProviderName)), Top(rows.Select(r => r.EntryName)), Top(rows.Select(r => r.Operation)));
    }
}
