using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Qilu.Catalog.Contracts;
using Qilu.Catalog.Data;
using Qilu.Identity.Contracts;
using Qilu.Platform.Auth;
using Qilu.SharedKernel.Actors;
using Qilu.SharedKernel.Results;

namespace Qilu.Catalog.Entries;

/// <summary>
/// GET /api/catalog/entries/{id}: the published version for every reader; the working version too for the providing
/// unit and the reviewing bureau. An entry never published is visible only to those two (else 404).
/// </summary>
internal static class GetEntry
{
    public static void Map(IEndpointRouteBuilder api) => api.MapGet("/entries/{id:guid}", EndpointAsync)
        .RequirePermission(CatalogPermissions.EntriesRead)
        .WithName("GetCatalogEntry").WithSummary("目录详情 / Catalog entry").Produces<EntryDetail>();

    private static async Task<IResult> EndpointAsync(Guid id, HttpContext ctx, ActorAccessor actors, CatalogDbContext db, IOrganisationDirectory directory) =>
        Outcomes.Ok(await HandleAsync(actors.FromContext(ctx), id, db, directory, ctx.RequestAborted));

    internal static async Task<Result<EntryDetail>> HandleAsync(Actor actor, Guid id, CatalogDbContext db, IOrganisationDirectory directory, CancellationToken ct)
    {
        if (Outcomes.Lacks(actor, CatalogPermissions.EntriesRead) is { } denied) return Outcomes.Denied<EntryDetail>(denied);
        var entry = await EntryAccess.WithVersions(db).AsNoTracking().AsSplitQuery().FirstOrDefaultAsync(e => e.Id == id, ct);
        if (entry is null) return Outcomes.NotFound<EntryDetail>("目录", "Catalog entry");
        var unit = await EntryAccess.UnitOfAsync(actor, directory, ct);
        var canEdit = EntryAccess.CanEdit(actor, entry);
        var canReview = EntryAccess.CanReview(actor, unit, entry);
        var own = actor.DepartmentId == entry.ProviderUnitId;
        if (entry.PublishedNumber is null && !own && !canReview) return Outcomes.NotFound<EntryDetail>("目录", "Catalog entry");
        return EntryViews.ToDetail(entry, own || canReview, canEdit, canReview);
    }
}
