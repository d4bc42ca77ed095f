using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Qilu.Identity.Auditing;
using Qilu.Identity.Contracts;
using Qilu.Identity.Data;
using Qilu.Platform.Auth;
using Qilu.Platform.Http;

namespace Qilu.Identity.Accounts;

/// <summary>POST /api/identity/users/{id}/unlock: the security administrator lifts a lockout before it expires.</summary>
internal static class UnlockAccount
{
    public static void Map(IEndpointRouteBuilder api) => api.MapPost("/users/{id:guid}/unlock", HandleAsync)
        .RequirePermission(IdentityPermissions.UsersUnlock)
        .WithName("UnlockAccount").WithSummary("解锁账号 / Unlock an account").Produces<ListAccounts.Item>();

    private static async Task<IResult> HandleAsync(Guid id, HttpContext ctx, ActorAccessor actors, IdentityDbContext db, TimeProvider clock, IdentityAudit audit)
    {
        var account = await GetAccount.FindInScopeAsync(db, actors.FromContext(ctx), id, ctx.RequestAborted);
        if (account is null) return Problems.NotFound("账号", "Account");
        var now = clock.GetUtcNow();
        if (!account.IsLockedOut(now) && account.FailedSignIns == 0)
            return Problems.Conflict("account.not_locked", "账号未被锁定", "The account is not locked");
        account.Unlock();
        await db.SaveChangesAsync(ctx.RequestAborted);
        await audit.WriteAsync("identity.users.unlocked", "account", id.ToString(), "success");
        return Results.Ok(ListAccounts.ToItem(account, now));
    }
}
