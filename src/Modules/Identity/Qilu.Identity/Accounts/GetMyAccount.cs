using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Qilu.Identity.Data;
using Qilu.Platform.Auth;
using Qilu.SharedKernel.Actors;
using Qilu.SharedKernel.Results;

namespace Qilu.Identity.Accounts;

/// <summary>GET /api/identity/me/account: the signed-in person's own account (masked identifiers, 实名 level, TOTP state).</summary>
internal static class GetMyAccount
{
    public sealed record Response(ListAccounts.Item Account, DateTimeOffset CreatedAt, DateTimeOffset? LastSignInAt, string? UnitName);

    public static void Map(IEndpointRouteBuilder api) => api.MapGet("/me/account", async (HttpContext ctx, ActorAccessor actors, IdentityDbContext db, TimeProvider clock) =>
            Outcomes.Ok(await HandleAsync(actors.FromContext(ctx), db, clock, ctx.RequestAborted)))
        .WithName("GetMyAccount").WithSummary("我的账号 / My account").Produces<Response>();

    /// <summary>The use case, for the endpoint and the portal/workbench pages alike.</summary>
    internal static async Task<Result<Response>> HandleAsync(Actor actor, IdentityDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (actor.Kind is not (ActorKind.Official or ActorKind.Citizen or ActorKind.EnterpriseAgent) || !Guid.TryParse(actor.SubjectId, out var id))
            return Outcomes.Forbidden<Response>("account.personal_only", "请以个人或工作人员身份登录", "Sign in as a person");
        var account = await db.Accounts.AsNoTracking().Include(a => a.Roles).SingleOrDefaultAsync(a => a.Id == id, ct);
        if (account is null) return Outcomes.NotFound<Response>("账号", "Account");
        var unit = account.DepartmentId is { } dep ? await db.Departments.AsNoTracking().Where(d => d.Id == dep).Select(d => d.Name).SingleOrDefaultAsync(ct) : null;
        return new Response(ListAccounts.ToItem(account, clock.GetUtcNow()), account.CreatedAt, account.LastSignInAt, unit);
    }
}
