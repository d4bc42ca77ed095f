using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Qilu.Identity.Contracts;
using Qilu.Identity.Data;
using Qilu.Platform.Auth;
using Qilu.SharedKernel.Results;
using Qilu.SharedKernel.Actors;

namespace Qilu.Identity.Divisions;

/// <summary>
/// GET /api/identity/divisions: the division tree within the caller's scope, filtered by parent or name.
/// A county official sees their county and its towns; the province sees everything.
/// </summary>
internal static class ListDivisions
{
    public sealed record Item(string Code, string Name, int Level, string? ParentCode, bool HasChildren);

    public static void Map(IEndpointRouteBuilder api) => api.MapGet("/divisions", EndpointAsync)
        .RequirePermission(IdentityPermissions.DivisionsRead)
        .WithName("ListDivisions").WithSummary("行政区划列表 / List divisions").Produces<Item[]>();

    internal static async Task<IResult> EndpointAsync(string? parent, string? q, HttpContext ctx, ActorAccessor actors, IdentityDbContext db)
    {
        var actor = actors.FromContext(ctx);
        var items = await QueryAsync(db, actor, parent, q, ctx.RequestAborted);
        return Results.Ok(items);
    }

    /// <summary>The use case for the admin page (the endpoint's filter checks the same permission).</summary>
    internal static async Task<Result<List<Item>>> HandleAsync(Actor actor, string? parent, string? q, IdentityDbContext db, CancellationToken ct) =>
        Outcomes.Lacks(actor, IdentityPermissions.DivisionsRead) is { } denied ? Outcomes.Denied<List<Item>>(denied) : await QueryAsync(db, actor, parent, q, ct);

    internal static async Task<List<Item>> QueryAsync(IdentityDbContext db, Actor actor, string? parent, string? q, CancellationToken ct)
    {
        if (actor.DivisionCode is null) return [];
        var scope = DivisionScope.PrefixOf(actor.DivisionCode);
        var query = db.Divisions.AsNoTracking().Where(d => d.Code.StartsWith(scope));
        if (!string.IsNullOrWhiteSpace(q)) query = query.Where(d => d.Name.Contains(q) || d.Code.StartsWith(q));
        else if (!string.IsNullOrWhiteSpace(parent)) query = query.Where(d => d.ParentCode == parent);
        else query = query.Where(d => d.Code == actor.DivisionCode);
        var rows = await query.OrderBy(d => d.Code).Take(500).ToListAsync(ct);
        var codes = rows.Select(r => r.Code).ToList();
        var parents = await db.Divisions.AsNoTracking().Where(d => d.ParentCode != null && codes.Contains(d.ParentCode))
            .Select(d => d.ParentCode!).Distinct().ToListAsync(ct);
        return [.. rows.Select(r => new Item(r.Code, r.Name, r.Level, r.ParentCode, parents.Contains(r.Code)))];
    }
}
