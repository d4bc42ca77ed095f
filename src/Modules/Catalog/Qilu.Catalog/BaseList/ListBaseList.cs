using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Qilu.Catalog.Contracts;
using Qilu.Catalog.Data;
using Qilu.Platform.Auth;
using Qilu.SharedKernel.Actors;
using Qilu.SharedKernel.Results;

namespace Qilu.Catalog.BaseList;

/// <summary>GET /api/catalog/base-list: the provincial base list, marking what the actor's unit has claimed.</summary>
internal static class ListBaseList
{
    public sealed record Item(string Code, string Name, string DepartmentKind, CatalogCategory Category, string? Theme, string Abstract,
        ShareType ShareType, OpenType OpenType, string UpdateCycle, string[] Fields, Guid? ClaimedEntryId);

    public static void Map(IEndpointRouteBuilder api) => api.MapGet("/base-list", EndpointAsync)
        .RequirePermission(CatalogPermissions.EntriesRead)
        .WithName("ListCatalogBaseList").WithSummary("目录基础清单 / Provincial base list").Produces<IReadOnlyList<Item>>();

    private static async Task<IResult> EndpointAsync(string? kind, HttpContext ctx, ActorAccessor actors, CatalogDbContext db) =>
        Outcomes.Ok(await HandleAsync(actors.FromContext(ctx), kind, db, ctx.RequestAborted));

    internal static async Task<Result<IReadOnlyList<Item>>> HandleAsync(Actor actor, string? kind, CatalogDbContext db, CancellationToken ct)
    {
        if (Outcomes.Lacks(actor, CatalogPermissions.EntriesRead) is { } denied) return Outcomes.Denied<IReadOnlyList<Item>>(denied);
        var query = db.BaseList.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(kind)) query = query.Where(b => b.DepartmentKind == kind);
        var items = await query.OrderBy(b => b.Code).ToListAsync(ct);
        var claims = actor.DepartmentId is { } unit
            ? await db.Entries.AsNoTracking().Where(e => e.ProviderUnitId == unit && e.BaseItemCode != null)
                .ToDictionaryAsync(e => e.BaseItemCode!, e => e.Id, ct)
            : [];
        return items.Select(b => new Item(b.Code, b.Name, b.DepartmentKind, b.Category, b.Theme, b.Abstract, b.ShareType, b.OpenType, b.UpdateCycle,
            [.. Fields(b).Select(f => f.Name)], claims.TryGetValue(b.Code, out var id) ? id : null)).ToList();
    }

    public static IEnumerable<(string Element, string Name)> Fields(BaseListItem b) =>
        b.ItemsText.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(l => l.Split('|')).Select(p => (p[0], p.Length > 1 ? p[1] : p[0]));
}
