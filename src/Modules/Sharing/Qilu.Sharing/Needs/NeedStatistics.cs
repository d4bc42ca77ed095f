using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Qilu.Platform.Auth;
using Qilu.SharedKernel.Actors;
using Qilu.SharedKernel.Results;
using Qilu.Sharing.Applications;
using Qilu.Sharing.Contracts;

namespace Qilu.Sharing.Needs;

/// <summary>GET /api/sharing/needs/statistics: per unit — needs posted by status, and answers given as a provider.</summary>
internal static class NeedStatistics
{
    public sealed record UnitRow(Guid UnitId, string UnitName, int Posted, int Open, int Answered, int Linked, int Planned, int Closed, int AnswersGiven);

    public static void Map(IEndpointRouteBuilder api) => api.MapGet("/needs/statistics", async (HttpContext ctx, ActorAccessor actors, SharingServices s) =>
            Outcomes.Ok(await HandleAsync(actors.FromContext(ctx), s, ctx.RequestAborted)))
        .RequirePermission(SharingPermissions.NeedsPost)
        .WithName("DataNeedStatistics").WithSummary("数据需求统计 / Need statistics by unit").Produces<IReadOnlyList<UnitRow>>();

    internal static async Task<Result<IReadOnlyList<UnitRow>>> HandleAsync(Actor actor, SharingServices s, CancellationToken ct)
    {
        if (Outcomes.Lacks(actor, SharingPermissions.NeedsPost) is { } denied) return Outcomes.Denied<IReadOnlyList<UnitRow>>(denied);
        var posted = await s.Db.Needs.AsNoTracking().GroupBy(n => new { n.UnitId, n.UnitName, n.Status })
            .Select(g => new { g.Key.UnitId, g.Key.UnitName, g.Key.Status, Count = g.Count() }).ToListAsync(ct);
        var answers = await s.Db.NeedAnswers.AsNoTracking().GroupBy(a => new { a.ProviderUnitId, a.ProviderName })
            .Select(g => new { g.Key.ProviderUnitId, g.Key.ProviderName, Count = g.Count() }).ToListAsync(ct);
        var units = posted.Select(p => (p.UnitId, p.UnitName)).Concat(answers.Select(a => (UnitId: a.ProviderUnitId, UnitName: a.ProviderName))).DistinctBy(u => u.UnitId);
        int Count(Guid u, NeedStatus st) => posted.Where(p => p.UnitId == u && p.Status == st).Sum(p => p.Count);
        return units.Select(u => new UnitRow(u.UnitId, u.UnitName, posted.Where(p => p.UnitId == u.UnitId).Sum(p => p.Count), Count(u.UnitId, NeedStatus.Open),
                Count(u.UnitId, NeedStatus.Answered), Count(u.UnitId, NeedStatus.Linked), Count(u.UnitId, NeedStatus.Planned), Count(u.UnitId, NeedStatus.Closed),
                answers.Where(a => a.ProviderUnitId == u.UnitId).Sum(a => a.Count)))
            .OrderByDescending(r => r.Posted + r.AnswersGiven).ThenBy(r => r.UnitName, StringComparer.Ordinal).ToList();
    }
}
