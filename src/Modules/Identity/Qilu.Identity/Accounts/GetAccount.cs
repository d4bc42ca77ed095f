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

namespace Qilu.Identity.Accounts;

/// <summary>GET /api/identity/users/{id}: one account, 404 when it is outside the caller's scope (scope hides existence).</summary>
internal static class GetAccount
{
    public static void Map(IEndpointRouteBuilder api) => api.MapGet("/users/{id:guid}", HandleAsync)
        .RequirePermission(IdentityPermissions.UsersRead)
        .WithName("GetAccount").WithSummary("用户详情 / Get account").Produces<ListAccounts.Item>();

    private static async Task<IResult> HandleAsync(Guid id, HttpContext ctx, ActorAccessor actors, IdentityDbContext db, TimeProvider clock, IdentityAudit audit)
    {
        var actor = actors.FromContext(ctx);
        var account = await FindInScopeAsync(db, actor, id, ctx.RequestAborted);
        if (account is null) return Problems.NotFound("账号", "Account");
        await audit.WriteAsync("identity.users.read", "account", id.ToString(), "success");
        return Results.Ok(ListAccounts.ToItem(account, clock.GetUtcNow()));
    }

    /// <summary>The account if it exists and lies in the actor's division subtree, else null.</summary>
    internal static async Task<Account?> FindInScopeAsync(IdentityDbContext db, Actor actor, Guid id, CancellationToken ct)
    {
        if (actor.DivisionCode is null) return null;
        var account = await db.Accounts.Include(a => a.Roles).SingleOrDefaultAsync(a => a.Id == id, ct);
        return account is not null && actor.CanSeeDivision(account.DivisionCode) ? account : null;
    }
}
