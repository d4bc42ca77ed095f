using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Qilu.Identity.Contracts;
using Qilu.Identity.Data;
using Qilu.Platform.Auth;
using Qilu.SharedKernel.Results;
using Qilu.SharedKernel.Actors;
using Qilu.SharedKernel.Paging;

namespace Qilu.Identity.Departments;

/// <summary>GET /api/identity/departments: units within the caller's division subtree, by division, kind or name.</summary>
internal static class ListDepartments
{
    public sealed record Item(Guid Id, string Name, string CreditCode, string DivisionCode, string Kind, bool Active);

    public static void Map(IEndpointRouteBuilder api) => api.MapGet("/departments", EndpointAsync)
        .RequirePermission(IdentityPermissions.DepartmentsRead)
        .WithName("ListDepartments").WithSummary("部门单位列表 / List departments").Produces<Paged<Item>>();

    private static async Task<IResult> EndpointAsync(string? division, string? kind, string? q, int? page, int? size,
        HttpContext ctx, ActorAccessor actors, IdentityDbContext db) =>
        Results.Ok(await QueryAsync(db, actors.FromContext(ctx), division, kind, q, new PageRequest(page ?? 1, size ?? 20), ctx.RequestAborted));

    /// <summary>The use case for the admin page (the endpoint's filter checks the same permission).</summary>
    internal static async Task<Result<Paged<Item>>> HandleAsync(Actor actor, string? division, string? kind, string? q, PageRequest paging,
        IdentityDbContext db, CancellationToken ct) =>
        Outcomes.Lacks(actor, IdentityPermissions.DepartmentsRead) is { } denied ? Outcomes.Denied<Paged<Item>>(denied)
            : await QueryAsync(db, actor, division, kind, q, paging, ct);

    internal static async Task<Paged<Item>> QueryAsync(IdentityDbContext db, Actor actor, string? division, string? kind, string? q,
        PageRequest paging, CancellationToken ct)
    {
        paging = paging.Normalized();
        if (actor.DivisionCode is null) return new Paged<Item>([], paging.Page, paging.Size, 0);
        var scope = DivisionScope.PrefixOf(actor.DivisionCode);
        var query = db.Departments.AsNoTracking().Where(d => d.DivisionCode.StartsWith(scope));
        if (!string.IsNullOrWhiteSpace(division)) query = query.Where(d => d.DivisionCode == division);
        if (!string.IsNullOrWhiteSpace(kind)) query = query.Where(d => d.Kind == kind);
        if (!string.IsNullOrWhiteSpace(q)) query = query.Where(d => d.Name.Contains(q) || d.CreditCode == q);
        var total = await query.LongCountAsync(ct);
        var items = await query.OrderBy(d => d.DivisionCode).ThenBy(d => d.Order).Skip(paging.Skip).Take(paging.Size)
            .Select(d => new Item(d.Id, d.Name, d.CreditCode, d.DivisionCode, d.Kind, d.Active)).ToListAsync(ct);
        return new Paged<Item>(items, paging.Page, paging.Size, total);
    }
}
