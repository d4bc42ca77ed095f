using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Qilu.Hotline.Categories;
using Qilu.Hotline.Contracts;
using Qilu.Hotline.Data;
using Qilu.Platform.Auth;
using Qilu.SharedKernel.Actors;
using Qilu.SharedKernel.Results;

namespace Qilu.Hotline.Analytics;

/// <summary>
/// GET /api/hotline/alerts: 热点预警. For each category in each county of the actor's subtree, the tickets of the last
/// 24 hours against the daily average of the 28 days before. An alert needs at least <see cref="MinCount"/> tickets
/// and <see cref="Factor"/> times the baseline (a baseline under one a day counts as one, so a new problem that
/// suddenly brings five calls is flagged).
/// </summary>
internal static class SpikeAlerts
{
    public const int MinCount = 5;
    public const double Factor = 3;

    public sealed record Alert(string CategoryCode, string CategoryName, string DivisionCode, int Last24Hours, double DailyBaseline, double Ratio);

    public static void Map(IEndpointRouteBuilder api) => api.MapGet("/alerts", async (HttpContext ctx, ActorAccessor actors, HotlineDbContext db,
            CategoryCatalog categories, TimeProvider clock) => Outcomes.Ok(await HandleAsync(actors.FromContext(ctx), db, categories, clock, ctx.RequestAborted)))
        .RequireAuthorization()
        .WithName("HotlineSpikeAlerts").WithSummary("热点预警 / Spike alerts").Produces<IReadOnlyList<Alert>>();

    internal static async Task<Result<IReadOnlyList<Alert>>> HandleAsync(Actor actor, HotlineDbContext db, CategoryCatalog categories, TimeProvider clock, CancellationToken ct)
    {
        if (!actor.Has(HotlinePermissions.Supervise) && !actor.Has(HotlinePermissions.Dispatch))
            return Outcomes.Denied<IReadOnlyList<Alert>>(Outcomes.Lacks(actor, HotlinePermissions.Supervise)!);
        if (actor.DivisionCode is null) return Array.Empty<Alert>();
        var now = clock.GetUtcNow();
        var dayStart = now.AddHours(-24);
        var baseStart = dayStart.AddDays(-28);
        var pattern = DivisionScope.LikePattern(actor.DivisionCode);
        var rows = await db.Tickets.AsNoTracking()
            .Where(t => EF.Functions.Like(t.DivisionCode, pattern) && t.CreatedAt >= baseStart && t.CreatedAt <= now)
            .Select(t => new { t.CategoryCode, t.DivisionCode, t.CreatedAt }).ToListAsync(ct);
        // Counties are the unit of comparison: a town's tickets count towards its county.
        var alerts = rows.GroupBy(r => (r.CategoryCode, County: r.DivisionCode.Length > 6 ? r.DivisionCode[..6] : r.DivisionCode))
            .Select(g =>
            {
                var recent = g.Count(r => r.CreatedAt >= dayStart);
                var baseline = g.Count(r => r.CreatedAt < dayStart) / 28.0;
                return new Alert(g.Key.CategoryCode, categories.PathName(g.Key.CategoryCode), g.Key.County, recent, Math.Round(baseline, 2),
                    Math.Round(recent / Math.Max(baseline, 1), 2));
            })
            .Where(a => a.Last24Hours >= MinCount && a.Ratio >= Factor)
            .OrderByDescending(a => a.Ratio).ToList();
        return alerts;
    }
}
