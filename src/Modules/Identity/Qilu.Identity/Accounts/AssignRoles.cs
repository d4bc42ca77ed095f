using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Qilu.Identity.Auditing;
using Qilu.Identity.Contracts;
using Qilu.Identity.Data;
using Qilu.Identity.Roles;
using Qilu.Platform.Auth;
using Qilu.Platform.Http;
using Qilu.SharedKernel.Actors;
using Qilu.SharedKernel.Results;

namespace Qilu.Identity.Accounts;

/// <summary>
/// PUT /api/identity/users/{id}/roles: the security administrator sets an account's roles. The request carries the
/// version the caller saw; a concurrent change answers 409. Separation of duties is enforced, and nobody may change
/// their own roles.
/// </summary>
internal static class AssignRoles
{
    public sealed record Request(string[]? Roles, uint? Version);

    public static void Map(IEndpointRouteBuilder api) => api.MapPut("/users/{id:guid}/roles", EndpointAsync)
        .RequirePermission(IdentityPermissions.RolesAssign)
        .WithName("AssignRoles").WithSummary("设置用户角色 / Set an account's roles").Produces<ListAccounts.Item>();

    private static async Task<IResult> EndpointAsync(Guid id, Request request, HttpContext ctx, ActorAccessor actors, IdentityDbContext db,
        RolePermissionCache cache, TimeProvider clock, IdentityAudit audit) =>
        Outcomes.Ok(await HandleAsync(actors.FromContext(ctx), id, request, db, cache, clock, audit, ctx.RequestAborted));

    /// <summary>The use case, for the endpoint and the admin page alike.</summary>
    internal static async Task<Result<ListAccounts.Item>> HandleAsync(Actor actor, Guid id, Request request, IdentityDbContext db,
        RolePermissionCache cache, TimeProvider clock, IdentityAudit audit, CancellationToken ct)
    {
        if (Outcomes.Lacks(actor, IdentityPermissions.RolesAssign) is { } denied) return Outcomes.Denied<ListAccounts.Item>(denied);
        var v = new Validation()
            .Rule(request.Roles is not null, "roles", "required", "角色列表不能为空", "roles is required")
            .Rule(request.Version is not null, "version", "required", "请提供版本号以防并发覆盖", "version is required (optimistic concurrency)");
        if (!v.IsValid) return v.Invalid<ListAccounts.Item>();
        var account = await GetAccount.FindInScopeAsync(db, actor, id, ct);
        if (account is null) return Outcomes.NotFound<ListAccounts.Item>("账号", "Account");
        if (account.Id.ToString() == actor.SubjectId)
            return Outcomes.Forbidden<ListAccounts.Item>("roles.self_assignment", "不能修改自己的角色", "You cannot change your own roles");
        if (account.Version != request.Version) return Stale();
        var roles = request.Roles!.Distinct().ToArray();
        var roleRows = await db.Roles.Where(r => roles.Contains(r.Code)).ToListAsync(ct);
        foreach (var missing in roles.Except(roleRows.Select(r => r.Code)))
            v.Add(new Error("role.unknown", $"角色不存在：{missing}", $"Unknown role: {missing}", "roles"));
        if (SeparationOfDuties.Check(roleRows) is { } sod) v.Add(sod);
        if (!v.IsValid)
        {
            await audit.WriteAsync("identity.roles.assign_refused", "account", id.ToString(), "denied", new { roles }, actor, ct);
            return v.Invalid<ListAccounts.Item>();
        }
        var before = account.Roles.Select(r => r.RoleCode).Order().ToArray();
        var now = clock.GetUtcNow();
        account.Roles.RemoveAll(r => !roles.Contains(r.RoleCode));
        foreach (var r in roles.Where(r => account.Roles.All(x => x.RoleCode != r)))
            account.Roles.Add(new AccountRole { AccountId = account.Id, RoleCode = r, GrantedAt = now, GrantedBy = actor.SubjectId });
        db.Entry(account).Property(a => a.Version).IsModified = true;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Stale();
        }
        cache.Invalidate();
        await audit.WriteAsync("identity.roles.assigned", "account", id.ToString(), "success", new { before, after = roles }, actor, ct);
        return ListAccounts.ToItem(account, now);
    }

    private static Result<ListAccounts.Item> Stale() =>
        Outcomes.Conflict<ListAccounts.Item>("concurrency.version", "该账号已被他人修改，请刷新后重试", "The account was changed by someone else; reload and retry");
}
