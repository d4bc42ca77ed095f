using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Qilu.Identity.Contracts;
using Qilu.Identity.Data;
using Qilu.Platform.Auth;
using Qilu.SharedKernel.Actors;
using Qilu.SharedKernel.Results;

namespace Qilu.Identity.Roles;

/// <summary>GET /api/identity/roles: roles with their duty group and permissions.</summary>
internal static class ListRoles
{
    public sealed record Item(string Code, string NameZh, string NameEn, string Group, bool BuiltIn, string[] Permissions, uint Version);

    public static void Map(IEndpointRouteBuilder api) => api.MapGet("/roles", EndpointAsync)
        .RequirePermission(IdentityPermissions.RolesRead)
        .WithName("ListRoles").WithSummary("角色列表 / List roles").Produces<Item[]>();

    internal static async Task<IResult> EndpointAsync(IdentityDbContext db, CancellationToken ct) =>
        Results.Ok(await QueryAsync(db, ct));

    /// <summary>The use case for the admin page (the endpoint's filter checks the same permission).</summary>
    internal static async Task<Result<List<Item>>> HandleAsync(Actor actor, IdentityDbContext db, CancellationToken ct) =>
        Outcomes.Lacks(actor, IdentityPermissions.RolesRead) is { } denied ? Outcomes.Denied<List<Item>>(denied) : await QueryAsync(db, ct);

    internal static async Task<List<Item>> QueryAsync(IdentityDbContext db, CancellationToken ct) =>
        [.. (await db.Roles.AsNoTracking().Include(r => r.Permissions).OrderBy(r => r.Group).ThenBy(r => r.Code).ToListAsync(ct))
            .Select(r => new Item(r.Code, r.NameZh, r.NameEn, r.Group.ToString(), r.BuiltIn, [.. r.Permissions.Select(p => p.Permission).Order()], r.Version))];
}
