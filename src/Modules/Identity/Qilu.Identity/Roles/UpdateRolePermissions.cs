using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Qilu.Identity.Auditing;
using Qilu.Identity.Contracts;
using Qilu.Identity.Data;
using Qilu.Platform.Auth;
using Qilu.Platform.Http;
using Qilu.SharedKernel.Actors;
using Qilu.SharedKernel.Results;

namespace Qilu.Identity.Roles;

/// <summary>
/// PUT /api/identity/roles/{code}/permissions: the security administrator edits a role's permissions, with the
/// version seen (409 on a concurrent edit). Audit-log access stays reserved to the audit administrator role.
/// </summary>
internal static class UpdateRolePermissions
{
    public sealed record Request(string[]? Permissions, uint? Version);

    public static void Map(IEndpointRouteBuilder api) => api.MapPut("/roles/{code}/permissions", EndpointAsync)
        .RequirePermission(IdentityPermissions.RolesManage)
        .WithName("UpdateRolePermissions").WithSummary("修改角色权限 / Edit a role's permissions").Produces<ListRoles.Item>();

    private static async Task<IResult> EndpointAsync(string code, Request request, HttpContext ctx, ActorAccessor actors, IdentityDbContext db,
        RolePermissionCache cache, IdentityAudit audit) =>
        Outcomes.Ok(await HandleAsync(actors.FromContext(ctx), code, request, db, cache, audit, ctx.RequestAborted));

    /// <summary>The use case, for the endpoint and the admin page alike.</summary>
    internal static async Task<Result<ListRoles.Item>> HandleAsync(Actor actor, string code, Request request, IdentityDbContext db,
        RolePermissionCache cache, IdentityAudit audit, CancellationToken ct)
    {
        if (Outcomes.Lacks(actor, IdentityPermissions.RolesManage) is { } denied) return Outcomes.Denied<ListRoles.Item>(denied);
        var v = new Validation()
            .Rule(request.Permissions is not null, "permissions", "required", "权限列表不能为空", "permissions is required")
            .Rule(request.Version is not null, "version", "required", "请提供版本号", "version is required");
        if (!v.IsValid) return v.Invalid<ListRoles.Item>();
        var role = await db.Roles.Include(r => r.Permissions).SingleOrDefaultAsync(r => r.Code == code, ct);
        if (role is null) return Outcomes.NotFound<ListRoles.Item>("角色", "Role");
        if (role.Version != request.Version) return Stale();
        var wanted = request.Permissions!.Distinct().ToArray();
        foreach (var p in wanted.Where(p => !System.Text.RegularExpressions.Regex.IsMatch(p, "^[a-z]+(\\.[a-z_]+){1,3}$")))
            v.Add(new Error("permission.format", $"权限名格式不正确：{p}", $"Malformed permission name: {p}", "permissions"));
        if (SeparationOfDuties.CheckPermissionEdit(role, wanted) is { } sod) v.Add(sod);
        if (!v.IsValid) return v.Invalid<ListRoles.Item>();
        var before = role.Permissions.Select(p => p.Permission).Order().ToArray();
        role.Permissions.RemoveAll(p => !wanted.Contains(p.Permission));
        foreach (var p in wanted.Where(p => role.Permissions.All(x => x.Permission != p)))
            role.Permissions.Add(new RolePermission { RoleCode = role.Code, Permission = p });
        db.Entry(role).Property(r => r.Version).IsModified = true;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Stale();
        }
        cache.Invalidate();
        await audit.WriteAsync("identity.roles.permissions_changed", "role", code, "success", new { before, after = wanted }, actor, ct);
        return (await ListRoles.QueryAsync(db, ct)).Single(r => r.Code == code);
    }

    private static Result<ListRoles.Item> Stale() =>
        Outcomes.Conflict<ListRoles.Item>("concurrency.version", "该角色已被他人修改，请刷新后重试", "The role was changed by someone else");
}
