using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Qilu.Identity.Auditing;
using Qilu.Identity.Contracts;
using Qilu.Identity.Data;
using Qilu.Platform.Auth;
using Qilu.Platform.Http;
using Qilu.SharedKernel.Results;

namespace Qilu.Identity.Accounts;

/// <summary>
/// POST /api/identity/users/{id}/disable: stops an account. Its refresh tokens stop working at the next refresh
/// (the token endpoint re-reads the account); nothing is deleted, so audit history stays attributable.
/// </summary>
internal static class DisableAccount
{
    public static void Map(IEndpointRouteBuilder api) => api.MapPost("/users/{id:guid}/disable", HandleAsync)
        .RequirePermission(IdentityPermissions.UsersManage)
        .WithName("DisableAccount").WithSummary("停用账号 / Disable an account").Produces<ListAccounts.Item>();

    private static async Task<IResult> HandleAsync(Guid id, HttpContext ctx, ActorAccessor actors, IdentityDbContext db, TimeProvider clock, IdentityAudit audit)
    {
        var actor = actors.FromContext(ctx);
        var account = await GetAccount.FindInScopeAsync(db, actor, id, ctx.RequestAborted);
        if (account is null) return Problems.NotFound("账号", "Account");
        if (account.Id.ToString() == actor.SubjectId)
            return Problems.From(ErrorKind.Forbidden, [new Error("account.self_disable", "不能停用自己的账号", "You cannot disable your own account")]);
        var result = account.Disable();
        if (!result.IsSuccess) return Problems.From(result);
        await db.SaveChangesAsync(ctx.RequestAborted);
        await audit.WriteAsync("identity.users.disabled", "account", id.ToString(), "success");
        return Results.Ok(ListAccounts.ToItem(account, clock.GetUtcNow()));
    }
}
