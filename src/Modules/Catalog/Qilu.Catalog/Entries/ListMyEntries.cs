using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Qilu.Catalog.Contracts;
using Qilu.Catalog.Data;
using Qilu.Platform.Auth;
using Qilu.SharedKernel.Actors;
using Qilu.SharedKernel.Paging;
using Qilu.SharedKernel.Results;

namespace Qilu.Catalog.Entries;

/// <summary>GET /api/catalog/my/entries: every entry of the actor's own unit, in any state, newest change first.</summary>
internal static class ListMyEntries
{
    public static void Map(IEndpointRouteBuilder api) => api.MapGet("/my/entries", EndpointAsync)
        .RequirePermission(CatalogPermissions.EntriesEdit)
        .WithName("ListMyCatalogEntries").WithSummary("本单位目录 / My unit's entries").Produces<Paged<EntrySummary>>();

    private static async Task<IResult> EndpointAsync(int? page, int? size, HttpContext ctx, ActorAccessor actors, CatalogDbContext db) =>
        Outcomes.Ok(await HandleAsync(actors.FromContext(ctx), new PageRequest(page ?? 1, size ?? 20), db, ctx.RequestAborted));

    internal static async Task<Result<Paged<EntrySummary>>> HandleAsync(Actor actor, PageRequest paging, CatalogDbContext db, CancellationToken ct)
    {
        if (Outcomes.Lacks(actor, CatalogPermissions.EntriesEdit) is { } denied) return Outcomes.Denied<Paged<EntrySummary>>(denied);
        paging = paging.Normalized();
        if (actor.DepartmentId is not { } unit) return new Paged<EntrySummary>([], paging.Page, paging.Size, 0);
        var query = db.Entries.AsNoTracking().Where(e => e.ProviderUnitId == unit);
        var total = await query.LongCountAsync(ct);
        var rows = await query.OrderByDescending(e => e.UpdatedAt).Skip(paging.Skip).Take(paging.Size)
            .Include(e => e.Versions).AsSplitQuery().ToListAsync(ct);
        return new Paged<EntrySummary>([.. rows.Select(EntryViews.ToSummary)], paging.Page, paging.Size, total);
    }
}
