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

/// <summary>
/// GET /api/matters/bundles/{division}/{code}: a bundle's draft configuration and, for review, the merged form and
/// materials of the draft's members as offered in its division.
/// </summary>
internal static class GetBundle
{
    public sealed record Response(BundleViews.Item Bundle, BundleContent Draft, BundleContent? Published, IReadOnlyList<MergedFormField> MergedForm,
        IReadOnlyList<MergedMaterial> MergedMaterials, int MemberFields, int MemberMaterials);

    public static void Map(IEndpointRouteBuilder api) => api.MapGet("/bundles/{division}/{code}", EndpointAsync)
        .RequirePermission(MattersPermissions.CatalogRead)
        .WithName("GetBundle").WithSummary("一件事配置 / A bundle's configuration").Produces<Response>();

    private static async Task<IResult> EndpointAsync(string division, string code, HttpContext ctx, ActorAccessor actors, MattersDbContext db, MatterCatalog catalog) =>
        Outcomes.Ok(await HandleAsync(actors.FromContext(ctx), division, code, db, catalog, ctx.RequestAborted));

    internal static async Task<Result<Response>> HandleAsync(Actor actor, string division, string code, MattersDbContext db, MatterCatalog catalog, CancellationToken ct)
    {
        if (Outcomes.Lacks(actor, MattersPermissions.CatalogRead) is { } denied) return Outcomes.Denied<Response>(denied);
        var bundle = await db.Bundles.AsNoTracking().FirstOrDefaultAsync(b => b.Code == code && b.DivisionCode == division, ct);
        // Provincial bundles are the standard every official works from; local ones are visible within the subtree.
        if (bundle is null || (division != CatalogScope.Province && !actor.CanSeeDivision(division))) return Outcomes.NotFound<Response>("一件事", "Bundle");
        var draft = BundleContent.FromJson(bundle.Content);
        var members = new List<MatterDefinition>();
        foreach (var m in draft.Members)
            if (await catalog.FindMatterAsync(m.BasicCode, division, ct) is { } d) members.Add(d);
        var (form, _) = BundleMerger.MergeForm(members);
        return new Response(BundleViews.ToItem(bundle), draft, bundle.PublishedContent is null ? null : BundleContent.FromJson(bundle.PublishedContent),
            form, BundleMerger.MergeMaterials(members), members.Sum(m => m.Form.Fields.Count), members.Sum(m => m.Materials.Count));
    }
}
