using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qilu.Catalog.Contracts;
using Qilu.Platform.Auth;
using Qilu.SharedKernel.Actors;
using Qilu.SharedKernel.Results;
using Qilu.SharedKernel.Time;
using Qilu.Sharing.Applications;
using Qilu.Sharing.Contracts;

namespace Qilu.Sharing.Usage;

/// <summary>
/// GET /api/sharing/usage?days=14: gateway usage from the metering records, within the actor's division (consumer or
/// provider inside it): calls per China day, the top consumers, providers and resources with the busiest ones' calls per
/// day, with refusals counted.
/// Metering records are written from the audit log a moment after each call (ADR 0018 addendum 7); the dashboard first
/// projects what the log already holds, so it counts every call answered before it was asked.
/// </summary>
internal static class UsageDashboard
{
    public sealed record Point(string Label, long Calls);

    /// <summary>Calls per day of one consumer, provider or resource, aligned with <see cref="Response.ByDay"/>.</summary>
    public sealed record Trend(string Label, IReadOnlyList<long> Calls);

    public sealed record Response(int Days, long Calls, long Served, long Refused, long Rows, double AverageMs, IReadOnlyList<Point> ByDay,
        IReadOnlyList<Point> ByConsumer, IReadOnlyList<Point> ByProvider, IReadOnlyList<Point> ByResource, IReadOnlyList<Point> ByOperation)
    {
        /// <summary>The busiest consumers' calls per day (at most <see cref="TrendLines"/>).</summary>
        public IReadOnlyList<Trend> ConsumersOverTime { get; init; } = [];

        /// <summary>The busiest providers' calls per day.</summary>
        public IReadOnlyList<Trend> ProvidersOverTime { get; init; } = [];

        /// <summary>The busiest resources' calls per day.</summary>
        public IReadOnlyList<Trend> ResourcesOverTime { get; init; } = [];
    }

    /// <summary>Lines per over-time chart: more do not read apart.</summary>
    public const int TrendLines = 5;

    public static void Map(IEndpointRouteBuilder api) => api.MapGet("/usage", async (int? days, HttpContext ctx, ActorAccessor actors, SharingServices s, MeteringProjector projector) =>
            Outcomes.Ok(await HandleAsync(actors.FromContext(ctx), days ?? 14, s, projector, ctx.RequestServices.GetService<IResourceRows>(), ctx.RequestAborted)))
        .RequirePermission(SharingPermissions.UsageRead)
        .WithName("SharingUsage").WithSummary("网关调用统计 / Gateway usage").Produces<Response>();

    private const string Unidentified = "（未识别）";

    /// <summary>
    /// Counts in the database (grouped and summed there): a busy gateway writes millions of metering records a day, and
    /// the dashboard must not bring them into memory to count them.
    /// </summary>
    internal static async Task<Result<Response>> HandleAsync(Actor actor, int days, SharingServices s, MeteringProjector projector, IResourceRows? resources,
        CancellationToken ct)
    {
        if (Outcomes.Lacks(actor, SharingPermissions.UsageRead) is { } denied) return Outcomes.Denied<Response>(denied);
        if (days is < 1 or > 90) return Outcomes.Invalid<Response>("days.range", "统计天数须为 1–90", "days must be 1–90", "days");
        if (actor.DivisionCode is null) return Outcomes.Forbidden<Response>("division.required", "须以单位身份查看", "Only officials of a unit see usage");
        await projector.CatchUpAsync(ct);
        var prefix = DivisionScope.PrefixOf(actor.DivisionCode);
        var now = s.Clock.GetUtcNow();
        var firstDay = WorkingCalendar.ChinaDate(now).AddDays(1 - days);
        var from = WorkingCalendar.StartOfChinaDay(firstDay);
        var scoped = s.Db.Metering.AsNoTracking()
            .Where(m => m.At >= from && ((m.ConsumerDivision != null && m.ConsumerDivision.StartsWith(prefix)) || (m.ProviderDivision != null && m.ProviderDivision.StartsWith(prefix))));

        // China days are not UTC days, and the stored time is not something SQL can shift portably: one range query per day
        // (the At index), at most 90, each grouped by consumer, provider and resource — a day has as many groups as grants
        // in use, not as calls — so that the over-time charts need no query of their own.
        var byDay = new List<Point>(days);
        var daily = new List<IReadOnlyList<DayGroup>>(days);
        for (var i = 0; i < days; i++)
        {
            var day = firstDay.AddDays(i);
            var (start, end) = (WorkingCalendar.StartOfChinaDay(day), WorkingCalendar.StartOfChinaDay(day.AddDays(1)));
            var groups = await scoped.Where(m => m.At >= start && m.At < end)
                .GroupBy(m => new { m.ConsumerName, m.ProviderName, m.ResourceId, m.EntryName })
                .Select(g => new DayGroup(g.Key.ConsumerName, g.Key.ProviderName, g.Key.ResourceId, g.Key.EntryName, g.LongCount())).ToListAsync(ct);
            daily.Add(groups);
            byDay.Add(new Point(day.ToString("MM-dd", System.Globalization.CultureInfo.InvariantCulture), groups.Sum(g => g.Calls)));
        }
        var totals = await scoped.GroupBy(_ => 1).Select(g => new
        {
            Calls = g.LongCount(),
            Served = g.LongCount(m => m.Status >= 200 && m.Status < 300),
            Rows = g.Sum(m => (long)m.Rows),
            AverageMs = g.Average(m => m.DurationMs),
        }).FirstOrDefaultAsync(ct);
        var byConsumer = Top(await scoped.GroupBy(m => m.ConsumerName).Select(g => new { g.Key, Calls = g.LongCount() })
            .OrderByDescending(g => g.Calls).Take(10).ToListAsync(ct), g => g.Key, g => g.Calls);
        var byProvider = Top(await scoped.GroupBy(m => m.ProviderName).Select(g => new { g.Key, Calls = g.LongCount() })
            .OrderByDescending(g => g.Calls).Take(10).ToListAsync(ct), g => g.Key, g => g.Calls);
        var byOperation = Top(await scoped.GroupBy(m => m.Operation).Select(g => new { g.Key, Calls = g.LongCount() })
            .OrderByDescending(g => g.Calls).Take(10).ToListAsync(ct), g => g.Key, g => g.Calls);
        // By resource, not by entry: an entry may mount several tables and an API. Labelled with the entry's name and the
        // resource's (verification calls name no resource and count under their entry).
        var resourceGroups = await scoped.GroupBy(m => new { m.ResourceId, m.EntryName }).Select(g => new { g.Key.ResourceId, g.Key.EntryName, Calls = g.LongCount() })
            .OrderByDescending(g => g.Calls).Take(10).ToListAsync(ct);
        var byResource = new List<Point>(resourceGroups.Count);
        var resourceLabels = new Dictionary<(Guid?, string?), string>();
        foreach (var g in resourceGroups)
        {
            var resource = g.ResourceId is { } id && resources is not null ? await resources.FindResourceAsync(id, ct) : null;
            var entry = g.EntryName ?? Unidentified;
            var label = resource is null ? entry : $"{entry}／{resource.Name}";
            resourceLabels[(g.ResourceId, g.EntryName)] = label;
            byResource.Add(new Point(label, g.Calls));
        }
        byResource = [.. byResource.OrderByDescending(p => p.Calls).ThenBy(p => p.Label, StringComparer.Ordinal)];
        return new Response(days, totals?.Calls ?? 0, totals?.Served ?? 0, (totals?.Calls ?? 0) - (totals?.Served ?? 0), totals?.Rows ?? 0, totals?.AverageMs ?? 0,
            byDay, byConsumer, byProvider, byResource, byOperation)
        {
            ConsumersOverTime = Trends(byConsumer, daily, g => g.Consumer ?? Unidentified),
            ProvidersOverTime = Trends(byProvider, daily, g => g.Provider ?? Unidentified),
            ResourcesOverTime = Trends(byResource, daily, g => resourceLabels.GetValueOrDefault((g.ResourceId, g.EntryName)) ?? ""),
        };
    }

    private sealed record DayGroup(string? Consumer, string? Provider, Guid? ResourceId, string? EntryName, long Calls);

    /// <summary>Calls per day of the busiest <see cref="TrendLines"/> of <paramref name="top"/>, each day's groups summed under their label.</summary>
    private static List<Trend> Trends(IReadOnlyList<Point> top, IReadOnlyList<IReadOnlyList<DayGroup>> daily, Func<DayGroup, string> label) =>
        [.. top.Take(TrendLines).Select(p => new Trend(p.Label, [.. daily.Select(day => day.Where(g => label(g) == p.Label).Sum(g => g.Calls))]))];

    private static List<Point> Top<T>(IEnumerable<T> groups, Func<T, string?> label, Func<T, long> calls) =>
        [.. groups.Select(g => new Point(label(g) ?? Unidentified, calls(g))).OrderByDescending(p => p.Calls).ThenBy(p => p.Label, StringComparer.Ordinal)];
}
