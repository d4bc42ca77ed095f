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

/// <summary>
/// POST /api/identity/users/{id}/disable: stops an account. Its refresh tokens stop working at the next refresh
/// (the token endpoint re-reads the account); nothing is deleted, so audit history stays attributable.
/// </summary>
internal static class DisableAccount
{
    public static void Map(IEndpointRouteBuilder api) => api.MapPost("/users/{id:guid}/disable", EndpointAsync)
        .RequirePermission(IdentityPermissions.UsersManage)
        .WithName("DisableAccount").WithSummary("停用账号 / Disable an account").Produces<ListAccounts.Item>();

    private static async Task<IResult> EndpointAsync(Guid id, HttpContext ctx, ActorAccessor actors, IdentityDbContext db, TimeProvider clock, IdentityAudit audit) =>
        Outcomes.Ok(await HandleAsync(actors.FromContext(ctx), id, db, clock, audit, ctx.RequestAborted));

    /// <summary>The use case, for the endpoint and the admin page alike.</summary>
    internal static async Task<Result<ListAccounts.Item>> HandleAsync(Actor actor, Guid id, IdentityDbContext db, TimeProvider clock, IdentityAudit audit, CancellationToken ct)
    {
        if (Outcomes.Lacks(actor, IdentityPermissions.UsersManage) is { } denied) return Outcomes.Denied<ListAccounts.Item>(denied);
        var account = await GetAccount.FindInScopeAsync(db, actor, id, ct);
        if (account is null) return Outcomes.NotFound<ListAccounts.Item>("账号", "Account");
        if (account.Id.ToString() == actor.SubjectId)
            return Outcomes.Forbidden<ListAccounts.Item>("account.self_disable", "不能停用自己的账号", "You cannot disable your own account");
        var result = account.Disable();
        if (!result.IsSuccess) return Result<ListAccounts.Item>.Failure(result.Errors, result.Kind);
        await db.SaveChangesAsync(ct);
        await audit.WriteAsync("identity.users.disabled", "account", id.ToString(), "success", actor: actor, ct: ct);
        return ListAccounts.ToItem(account, clock.GetUtcNow());
    }
}
