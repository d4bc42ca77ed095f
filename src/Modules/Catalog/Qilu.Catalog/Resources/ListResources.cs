using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Qilu.Catalog.Contracts;
using Qilu.Catalog.Data;
using Qilu.Catalog.Entries;
using Qilu.Identity.Contracts;
using Qilu.Platform.Auth;
using Qilu.SharedKernel.Actors;
using Qilu.SharedKernel.Results;

namespace Qilu.Catalog.Resources;

/// <summary>GET /api/catalog/entries/{entryId}/resources: the resources mounted on an entry the actor can see (metadata only).</summary>
internal static class ListResources
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/entries/{entryId:guid}/resources", EndpointAsync).RequirePermission(CatalogPermissions.EntriesRead)
            .WithName("ListCatalogResources").WithSummary("挂接资源 / Mounted resources").Produces<List<ResourceView>>();
        api.MapGet("/resources/{id:guid}", GetAsync).RequirePermission(CatalogPermissions.EntriesRead)
            .WithName("GetCatalogResource").WithSummary("资源详情 / Resource").Produces<ResourceView>();
    }

    private static async Task<IResult> EndpointAsync(Guid entryId, HttpContext ctx, ActorAccessor actors, CatalogDbContext db, IOrganisationDirectory directory) =>
        Outcomes.Ok(await HandleAsync(actors.FromContext(ctx), entryId, db, directory, ctx.RequestAborted));

    private static async Task<IResult> GetAsync(Guid id, HttpContext ctx, ActorAccessor actors, CatalogDbContext db, IOrganisationDirectory directory) =>
        Outcomes.Ok(await GetHandleAsync(actors.FromContext(ctx), id, db, directory, ctx.RequestAborted));

    internal static async Task<Result<List<ResourceView>>> HandleAsync(Actor actor, Guid entryId, CatalogDbContext db, IOrganisationDirectory directory, CancellationToken ct)
    {
        if (Outcomes.Lacks(actor, CatalogPermissions.EntriesRead) is { } denied) return Outcomes.Denied<List<ResourceView>>(denied);
        var unit = await EntryAccess.UnitOfAsync(actor, directory, ct);
        var entry = await ResourceAccess.VisibleEntryAsync(db, actor, unit, entryId, ct);
        if (entry is null) return Outcomes.NotFound<List<ResourceView>>("目录", "Catalog entry");
        var resources = await db.Resources.AsNoTracking().Where(r => r.EntryId == entryId).OrderBy(r => r.CreatedAt).ToListAsync(ct);
        return resources.Select(r => ResourceView.Of(r, ResourceAccess.CanManage(actor, r.ProviderUnitId))).ToList();
    }

    internal static async Task<Result<ResourceView>> GetHandleAsync(Actor actor, Guid id, CatalogDbContext db, IOrganisationDirectory directory, CancellationToken ct)
    {
        if (Outcomes.Lacks(actor, CatalogPermissions.EntriesRead) is { } denied) return Outcomes.Denied<ResourceView>(denied);
        var resource = await db.Resources.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (resource is null) return Outcomes.NotFound<ResourceView>("资源", "Resource");
        var unit = await EntryAccess.UnitOfAsync(actor, directory, ct);
        if (await ResourceAccess.VisibleEntryAsync(db, actor, unit, resource.EntryId, ct) is null) return Outcomes.NotFound<ResourceView>("资源", "Resource");
        return ResourceView.Of(resource, ResourceAccess.CanManage(actor, resource.ProviderUnitId));
    }
}
