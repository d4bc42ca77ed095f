using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Qilu.Platform.Auth;
using Qilu.SharedKernel.Actors;
using Qilu.SharedKernel.Results;
using Qilu.Sharing.Contracts;
using Qilu.Sharing.Data;
using Qilu.Sharing.Gateway;
using Qilu.Sharing.Grants;

namespace Qilu.Sharing.Grassroots;

/// <summary>
/// 数据直达基层. A grant approved "for grassroots use" lets officials anywhere inside the consumer's division (a town's
/// or community's staff under a county grant) read the rows of their own area, without an application per dataset:
/// GET /api/sharing/grassroots/grants lists such grants; GET /api/sharing/grassroots/{grantId}/resources/{resourceId}/rows
/// answers through the gateway pipeline (quota, audit, metering, binding hash) with the row scope narrowed to the
/// official's own division — never wider than the grant's own row scope.
/// </summary>
internal static class ReadMyAreaRows
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/grassroots/grants", async (HttpContext ctx, ActorAccessor actors, SharingDbContext db, TimeProvider clock, QuotaLedger quota) =>
                Outcomes.Ok(await ListAsync(actors.FromContext(ctx), db, clock, quota, ctx.RequestAborted)))
            .RequirePermission(SharingPermissions.GrassrootsRead)
            .WithName("ListGrassrootsGrants").WithSummary("直达基层的数据 / Datasets for my area").Produces<IReadOnlyList<GrantView>>();
        api.MapGet("/grassroots/{grantId:guid}/resources/{resourceId:guid}/rows", RowsAsync)
            .WithName("GrassrootsRows").WithSummary("本辖区数据 / Rows of my area");
    }

    /// <summary>
    /// The rows endpoint. <see cref="MyAreaReads"/> (the 本辖区数据 page) calls this same method with a request built for
    /// the signed-in official, so the page's reads are authenticated, scoped, charged, audited and metered exactly as
    /// the API's are.
    /// </summary>
    internal static Task<IResult> RowsAsync(Guid grantId, Guid resourceId, HttpContext ctx, GatewayPipeline pipeline, IServiceProvider services,
        IOptions<SharingOptions> options, ActorAccessor actors) =>
        pipeline.RunAsync(ctx, grantId, "grassroots", true, (r, ct) =>
        {
            var own = DivisionScope.PrefixOf(actors.FromContext(ctx).DivisionCode!);
            // The narrower of the two scopes; disjoint scopes release nothing.
            var scope = r.Grant.RowScope is null || own.StartsWith(r.Grant.RowScope, StringComparison.Ordinal) ? own
                : r.Grant.RowScope.StartsWith(own, StringComparison.Ordinal) ? r.Grant.RowScope : null;
            return scope is null
                ? Task.FromResult<(GatewayAnswer?, GatewayRefusal?)>((null, GatewayRefusal.Forbidden("grassroots.out_of_scope", "您所在区域不在该授权的行范围内", "Your area lies outside the grant's row scope")))
                : QueryRows.HandleAsync(r, resourceId, scope, services, options.Value, ct);
        });

    internal static async Task<Result<IReadOnlyList<GrantView>>> ListAsync(Actor actor, SharingDbContext db, TimeProvider clock, QuotaLedger quota,
        CancellationToken ct)
    {
        if (Outcomes.Lacks(actor, SharingPermissions.GrassrootsRead) is { } denied) return Outcomes.Denied<IReadOnlyList<GrantView>>(denied);
        if (actor.DivisionCode is null) return Array.Empty<GrantView>();
        var now = clock.GetUtcNow();
        var grants = await db.Grants.AsNoTracking().Where(g => g.Grassroots && g.Status == GrantStatus.Active).ToListAsync(ct);
        var list = new List<GrantView>();
        // With the calls used today and in total, as the grant list shows them (the quota is the grant's, shared by
        // every caller of it: the consumer's systems and its grassroots officials).
        foreach (var g in grants.Where(g => actor.CanSeeDivisionOf(g.ConsumerDivision) && g.EffectiveStatus(now) == "Active"))
            list.Add(GrantView.Of(g, now, await quota.UsedAsync(g.Id, now, ct), false));
        return list;
    }
}
