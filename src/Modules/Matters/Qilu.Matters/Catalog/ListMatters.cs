using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Qilu.Matters.Contracts;
using Qilu.Matters.Data;
using Qilu.Platform.Auth;
using Qilu.SharedKernel.Actors;
using Qilu.SharedKernel.Paging;
using Qilu.SharedKernel.Results;

namespace Qilu.Matters.Catalog;

/// <summary>
/// GET /api/matters?q=&amp;division=&amp;kind=standard|implementation&amp;page=&amp;pageSize=: the admin catalog list, scoped:
/// every official sees the standard; implementations only within the actor's division subtree.
/// </summary>
internal static class ListMatters
{
    public static void Map(IEndpointRouteBuilder api) => api.MapGet("/", EndpointAsync)
        .RequirePermission(MattersPermissions.CatalogRead)
        .WithName("ListMatters").WithSummary("事项目录（管理） / Catalog list").Produces<Paged<MatterDrafts.Item>>();

    private static async Task<IResult> EndpointAsync(string? q, string? division, string? kind, int? page, int? pageSize, HttpContext ctx, ActorAccessor actors, MattersDbContext db) =>
        Outcomes.Ok(await HandleAsync(actors.FromContext(ctx), q, division, kind, page ?? 1, pageSize ?? 20, db, ctx.RequestAborted));

    internal static async Task<Result<Paged<MatterDrafts.Item>>> HandleAsync(Actor actor, string? q, string? division, string? kind, int page, int pageSize, MattersDbContext db, CancellationToken ct)
    {
        if (Outcomes.Lacks(actor, MattersPermissions.CatalogRead) is { } denied) return Outcomes.Denied<Paged<MatterDrafts.Item>>(denied);
        if (page < 1 || pageSize is < 1 or > 200)
            return Outcomes.Invalid<Paged<MatterDrafts.Item>>("paging.range", "页码从1开始，每页1-200条", "Pages start at 1 with 1-200 items", "pageSize");
        var scope = Qilu.SharedKernel.Actors.DivisionScope.PrefixOf(actor.DivisionCode ?? "-");
        var query = db.Matters.AsNoTracking().Where(m => m.StandardId == null || m.DivisionCode.StartsWith(scope));
        if (kind == "standard") query = query.Where(m => m.StandardId == null);
        else if (kind == "implementation") query = query.Where(m => m.StandardId != null);
        if (!string.IsNullOrWhiteSpace(division)) query = query.Where(m => m.DivisionCode == division);
        if (!string.IsNullOrWhiteSpace(q))
        {
            var t = q.Trim();
            query = query.Where(m => m.Name.Contains(t) || m.BasicCode.StartsWith(t) || m.Keywords.Contains(t) || (m.ImplementationCode != null && m.ImplementationCode.Contains(t)));
        }
        var total = await query.CountAsync(ct);
        var rows = await query.OrderBy(m => m.BasicCode).ThenBy(m => m.DivisionCode).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return new Paged<MatterDrafts.Item>([.. rows.Select(MatterDrafts.ToItem)], page, pageSize, total);
    }
}
