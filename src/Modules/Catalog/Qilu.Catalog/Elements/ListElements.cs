using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Qilu.Catalog.Contracts;
using Qilu.Catalog.Data;
using Qilu.Platform.Auth;
using Qilu.SharedKernel.Actors;
using Qilu.SharedKernel.Results;

namespace Qilu.Catalog.Elements;

/// <summary>GET /api/catalog/elements: the data-element registry (every status), filtered by name or identifier.</summary>
internal static class ListElements
{
    /// <summary>An element with its concurrency token, for the registry and the editor.</summary>
    public sealed record Item(DataElementInfo Element, uint RowVersion);

    public static void Map(IEndpointRouteBuilder api) => api.MapGet("/elements", EndpointAsync)
        .RequirePermission(CatalogPermissions.ElementsRead)
        .WithName("ListDataElements").WithSummary("数据元列表 / Data elements").Produces<IReadOnlyList<Item>>();

    private static async Task<IResult> EndpointAsync(string? q, HttpContext ctx, ActorAccessor actors, CatalogDbContext db) =>
        Outcomes.Ok(await HandleAsync(actors.FromContext(ctx), q, db, ctx.RequestAborted));

    internal static async Task<Result<IReadOnlyList<Item>>> HandleAsync(Actor actor, string? q, CatalogDbContext db, CancellationToken ct)
    {
        if (Outcomes.Lacks(actor, CatalogPermissions.ElementsRead) is { } denied) return Outcomes.Denied<IReadOnlyList<Item>>(denied);
        var query = db.Elements.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(q))
        {
            var t = q.Trim();
            query = query.Where(e => e.Identifier.Contains(t) || e.NameZh.Contains(t) || e.NameEn.Contains(t));
        }
        var rows = await query.OrderBy(e => e.Identifier).Take(500).ToListAsync(ct);
        return rows.Select(e => new Item(e.ToInfo(), e.RowVersion)).ToList();
    }
}
