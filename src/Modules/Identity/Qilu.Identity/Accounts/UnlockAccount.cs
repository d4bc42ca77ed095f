using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Qilu.Identity.Auditing;
using Qilu.Identity.Contracts;
using Qilu.Identity.Data;
using Qilu.Platform.Auth;
using Qilu.SharedKernel.Actors;
using Qilu.SharedKernel.Results;

namespace Qilu.Identity.Accounts;

/// <summary>POST /api/identity/users/{id}/unlock: the security administrator lifts a lockout before it expires.</summary>
internal static class UnlockAccount
{
    public static void Map(IEndpointRouteBuilder api) => api.MapPost("/users/{id:guid}/unlock", EndpointAsync)
        .RequirePermission(IdentityPermissions.UsersUnlock)
        .WithName("UnlockAccount").WithSummary("解锁账号 / Unlock an account").Produces<ListAccounts.Item>();

    private static async Task<IResult> EndpointAsync(Guid id, HttpContext ctx, ActorAccessor actors, IdentityDbContext db, TimeProvider clock, IdentityAudit audit) =>
        Outcomes.Ok(await HandleAsync(actors.FromContext(ctx), id, db, clock, audit, ctx.RequestAborted));

    /// <summary>The use case, for the endpoint and the admin page alike.</summary>
    internal static async Task<Result<ListAccounts.Item>> HandleAsync(Actor actor, Guid id, IdentityDbContext db, TimeProvider clock, IdentityAudit audit, CancellationToken ct)
    {
        if (Outcomes.Lacks(actor, IdentityPermissions.UsersUnlock) is { } denied) return Outcomes.Denied<ListAccounts.Item>(denied);
        var account = await GetAccount.FindInScopeAsync(db, actor, id, ct);
        if (account is null) return Outcomes.NotFound<ListAccounts.Item>("账号", "Account");
        var now = clock.GetUtcNow();
        if (!account.IsLockedOut(now) && account.FailedSignIns == 0)
            return Outcomes.Conflict<ListAccounts.Item>("account.not_locked", "账号未被锁定", "The account is not locked");
        account.Unlock();
        await db.SaveChangesAsync(ct);
        await audit.WriteAsync("identity.users.unlocked", "account", id.ToString(), "success", actor: actor, ct: ct);
        return ListAccounts.ToItem(account, now);
    }
}
