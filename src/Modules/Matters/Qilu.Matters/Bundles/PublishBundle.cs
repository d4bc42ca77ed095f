using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Qilu.Matters.Auditing;
using Qilu.Matters.Catalog;
using Qilu.Matters.Contracts;
using Qilu.Matters.Data;
using Qilu.Matters.UseCases;
using Qilu.Platform.Auth;
using Qilu.SharedKernel.Actors;
using Qilu.SharedKernel.Results;

namespace Qilu.Matters.Bundles;

/// <summary>POST /api/matters/bundles/{division}/{code}/publish: the draft (re-validated against today's catalog) becomes what applicants see.</summary>
internal static class PublishBundle
{
    public sealed record Request(uint Revision);

    public static void Map(IEndpointRouteBuilder api) => api.MapPost("/bundles/{division}/{code}/publish", EndpointAsync)
        .RequirePermission(MattersPermissions.CatalogPublish)
        .WithName("PublishBundle").WithSummary("发布一件事 / Publish a bundle").Produces<BundleViews.Item>();

    private static async Task<IResult> EndpointAsync(string division, string code, Request request, HttpContext ctx, ActorAccessor actors, MattersDbContext db,
        MatterCatalog catalog, TimeProvider clock, MattersAudit audit) =>
        Outcomes.Ok(await HandleAsync(actors.FromContext(ctx), division, code, request.Revision, db, catalog, clock, audit, ctx.RequestAborted));

    internal static async Task<Result<BundleViews.Item>> HandleAsync(Actor actor, string division, string code, uint revision, MattersDbContext db,
        MatterCatalog catalog, TimeProvider clock, MattersAudit audit, CancellationToken ct)
    {
        if (Outcomes.Lacks(actor, MattersPermissions.CatalogPublish) is { } denied) return Outcomes.Denied<BundleViews.Item>(denied);
        var bundle = await db.Bundles.FirstOrDefaultAsync(b => b.Code == code && b.DivisionCode == division, ct);
        if (bundle is null || !actor.CanSeeDivision(division)) return Outcomes.NotFound<BundleViews.Item>("一件事", "Bundle");
        if (bundle.Revision != revision) return RevisionConflict.Stale<BundleViews.Item>(bundle.Revision);
        if (!bundle.HasDraft) return Outcomes.Conflict<BundleViews.Item>("bundle.no_draft", "没有待发布的草稿", "There is no draft to publish");
        var errors = await BundleValidation.CheckAsync(BundleContent.FromJson(bundle.Content), division, catalog, ct);
        if (errors.Count > 0) return Outcomes.Invalid<BundleViews.Item>(errors);
        bundle.PublishedContent = bundle.Content;
        bundle.PublishedVersion++;
        bundle.HasDraft = false;
        bundle.UpdatedAt = clock.GetUtcNow();
        bundle.Revision++;
        await db.SaveChangesAsync(ct);
        await audit.WriteAsync("matters.bundle.published", "bundle", $"{division}/{code}", actor, new { bundle.PublishedVersion }, ct: ct);
        return BundleViews.ToItem(bundle);
    }
}
