using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Qilu.Catalog.Contracts;
using Qilu.Catalog.Data;
using Qilu.Identity.Contracts;
using Qilu.Platform.Auth;
using Qilu.SharedKernel.Actors;
using Qilu.SharedKernel.Paging;
using Qilu.SharedKernel.Results;

namespace Qilu.Catalog.Entries;

/// <summary>GET /api/catalog/review: the big-data bureau's inbox, submitted versions in its division subtree, oldest first.</summary>
internal static class ListReviewInbox
{
    public static void Map(IEndpointRouteBuilder api) => api.MapGet("/review", EndpointAsync)
        .RequirePermission(CatalogPermissions.EntriesReview)
        .WithName("ListCatalogReviewInbox").WithSummary("目录审核待办 / Review inbox").Produces<Paged<EntrySummary>>();

    private static async Task<IResult> EndpointAsync(int? page, int? size, HttpContext ctx, ActorAccessor actors, CatalogDbContext db, IOrganisationDirectory directory) =>
        Outcomes.Ok(await HandleAsync(actors.FromContext(ctx), new PageRequest(page ?? 1, size ?? 20), db, directory, ctx.RequestAborted));

    internal static async Task<Result<Paged<EntrySummary>>> HandleAsync(Actor actor, PageRequest paging, CatalogDbContext db,
        IOrganisationDirectory directory, CancellationToken ct)
    {
        if (Outcomes.Lacks(actor, CatalogPermissions.EntriesReview) is { } denied) return Outcomes.Denied<Paged<EntrySummary>>(denied);
        paging = paging.Normalized();
        var unit = await EntryAccess.UnitOfAsync(actor, directory, ct);
        if (!EntryAccess.IsBigDataBureau(unit) || actor.DivisionCode is null)
            return Outcomes.Forbidden<Paged<EntrySummary>>("review.not_bigdata", "只有大数据主管部门可以审核目录", "Only a big-data bureau reviews catalog entries");
        var prefix = DivisionScope.PrefixOf(actor.DivisionCode);
        var submitted = db.Versions.AsNoTracking().Where(v => v.Status == EntryStatus.Submitted && v.ProviderDivisionCode.StartsWith(prefix));
        var total = await submitted.LongCountAsync(ct);
        var ids = await submitted.OrderBy(v => v.SubmittedAt).Skip(paging.Skip).Take(paging.Size).Select(v => v.EntryId).ToListAsync(ct);
        var rows = await db.Entries.AsNoTracking().Where(e => ids.Contains(e.Id)).Include(e => e.Versions).AsSplitQuery().ToListAsync(ct);
        return new Paged<EntrySummary>([.. ids.Select(id => rows.First(r => r.Id == id)).Select(EntryViews.ToSummary)], paging.Page, paging.Size, total);
    }
}
