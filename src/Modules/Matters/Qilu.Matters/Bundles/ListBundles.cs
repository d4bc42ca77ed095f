using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Qilu.Matters.Catalog;
using Qilu.Matters.Contracts;
using Qilu.Matters.Data;
using Qilu.Platform.Auth;
using Qilu.SharedKernel.Actors;
using Qilu.SharedKernel.Results;

namespace Qilu.Matters.Bundles;

/// <summary>GET /api/matters/bundles: bundles configured for the province and for divisions in the actor's subtree.</summary>
internal static class ListBundles
{
    public static void Map(IEndpointRouteBuilder api) => api.MapGet("/bundles", EndpointAsync)
        .RequirePermission(MattersPermissions.CatalogRead)
        .WithName("ListBundles").WithSummary("一件事列表 / Bundles").Produces<IReadOnlyList<BundleViews.Item>>();

    private static async Task<IResult> EndpointAsync(HttpContext ctx, ActorAccessor actors, MattersDbContext db) =>
        Outcomes.Ok(await HandleAsync(actors.FromContext(ctx), db, ctx.RequestAborted));

    internal static async Task<Result<IReadOnlyList<BundleViews.Item>>> HandleAsync(Actor actor, MattersDbContext db, CancellationToken ct)
    {
        if (Outcomes.Lacks(actor, MattersPermissions.CatalogRead) is { } denied) return Outcomes.Denied<IReadOnlyList<BundleViews.Item>>(denied);
        var prefix = DivisionScope.PrefixOf(actor.DivisionCode ?? "-");
        var rows = await db.Bundles.AsNoTracking().Where(b => b.DivisionCode == CatalogScope.Province || b.DivisionCode.StartsWith(prefix))
            .OrderBy(b => b.DivisionCode).ThenBy(b => b.Code).ToListAsync(ct);
        return rows.Select(BundleViews.ToItem).ToList();
    }
}
