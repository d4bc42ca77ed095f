using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Qilu.Catalog.Auditing;
using Qilu.Catalog.Contracts;
using Qilu.Catalog.Data;
using Qilu.Catalog.Entries;
using Qilu.Identity.Contracts;
using Qilu.Platform.Auth;
using Qilu.SharedKernel.Actors;
using Qilu.SharedKernel.Results;

namespace Qilu.Catalog.BaseList;

/// <summary>
/// POST /api/catalog/base-list/{code}/claim: 认领 — a unit of the item's department kind takes a base-list item as its
/// own draft entry (fields bound to the same elements, grades from the elements). Once per unit and item (409 after).
/// </summary>
internal static class ClaimBaseItem
{
    public static void Map(IEndpointRouteBuilder api) => api.MapPost("/base-list/{code}/claim", EndpointAsync)
        .RequirePermission(CatalogPermissions.EntriesEdit)
        .WithName("ClaimCatalogBaseItem").WithSummary("认领目录 / Claim a base-list item").Produces<EntryDetail>(StatusCodes.Status201Created);

    private static async Task<IResult> EndpointAsync(string code, HttpContext ctx, ActorAccessor actors, CatalogDbContext db,
        IOrganisationDirectory directory, TimeProvider clock, CatalogAudit audit) =>
        Outcomes.Created(await HandleAsync(actors.FromContext(ctx), code, db, directory, clock, audit, ctx.RequestAborted),
            e => $"/api/catalog/entries/{e.Id}");

    internal static async Task<Result<EntryDetail>> HandleAsync(Actor actor, string code, CatalogDbContext db, IOrganisationDirectory directory,
        TimeProvider clock, CatalogAudit audit, CancellationToken ct)
    {
        if (Outcomes.Lacks(actor, CatalogPermissions.EntriesEdit) is { } denied) return Outcomes.Denied<EntryDetail>(denied);
        var item = await db.BaseList.AsNoTracking().FirstOrDefaultAsync(b => b.Code == code, ct);
        if (item is null) return Outcomes.NotFound<EntryDetail>("清单条目", "Base-list item");
        var unit = await EntryAccess.UnitOfAsync(actor, directory, ct);
        if (unit is null || unit.Kind != item.DepartmentKind)
            return Outcomes.Forbidden<EntryDetail>("claim.wrong_kind", $"该条目应由“{item.DepartmentKind}”类部门认领，本单位不能认领",
                $"This item is for units of kind {item.DepartmentKind}; your unit cannot claim it");
        if (await db.Entries.AnyAsync(e => e.ProviderUnitId == unit.Id && e.BaseItemCode == code, ct))
            return Outcomes.Conflict<EntryDetail>("claim.already", "本单位已认领该条目", "Your unit has already claimed this item");
        var input = new EntryInput(item.Name, item.Category, item.Theme, item.Abstract, item.ShareType, item.ShareCondition, item.LegalBasis,
            item.ShareType == ShareType.NotShared ? [] : [ShareMethod.Api], item.OpenType, item.Format, item.UpdateCycle, null,
            null, new GradingInput(["领域", "群体", "规模"], item.ImpactObject, item.ImpactDegree, $"认领自省级基础清单 {item.Code}"),
            [.. ListBaseList.Fields(item).Select(f => new ItemInput(f.Name, f.Element, null, null))]);
        var created = await CreateEntry.HandleAsync(actor, input, db, directory, clock, audit, ct, baseItemCode: code);
        if (created.IsSuccess)
            await audit.WriteAsync("catalog.base_list.claimed", "catalog_base_item", code, actor, new { entryId = created.Value.Id }, ct);
        return created;
    }
}
