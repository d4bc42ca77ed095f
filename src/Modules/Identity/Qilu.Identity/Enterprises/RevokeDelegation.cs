using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Qilu.Identity.Auditing;
using Qilu.Identity.Data;
using Qilu.Platform.Auth;
using Qilu.Platform.Http;

namespace Qilu.Identity.Enterprises;

/// <summary>
/// DELETE /api/identity/enterprises/{creditCode}/delegations/{id}: the legal representative revokes an agent. The
/// agent's tokens stop carrying the enterprise at their next refresh (the token endpoint re-checks the delegation).
/// </summary>
internal static class RevokeDelegation
{
    public static void Map(IEndpointRouteBuilder api) => api.MapDelete("/enterprises/{creditCode}/delegations/{id:guid}", HandleAsync)
        .WithName("RevokeDelegation").WithSummary("撤销经办人授权 / Revoke an agent").Produces(StatusCodes.Status204NoContent);

    private static async Task<IResult> HandleAsync(string creditCode, Guid id, HttpContext ctx, ActorAccessor actors, IdentityDbContext db,
        TimeProvider clock, IdentityAudit audit)
    {
        var actor = actors.FromContext(ctx);
        var enterprise = await db.Enterprises.SingleOrDefaultAsync(e => e.CreditCode == creditCode, ctx.RequestAborted);
        if (enterprise is null || enterprise.LegalRepresentativeId.ToString() != actor.SubjectId) return Problems.NotFound("企业", "Enterprise");
        var delegation = await db.Delegations.SingleOrDefaultAsync(d => d.Id == id && d.EnterpriseId == enterprise.Id, ctx.RequestAborted);
        if (delegation is null) return Problems.NotFound("授权", "Delegation");
        if (delegation.RevokedAt is not null) return Problems.Conflict("delegation.revoked", "该授权已撤销", "The delegation is already revoked");
        delegation.RevokedAt = clock.GetUtcNow();
        delegation.RevokedBy = actor.SubjectId;
        await db.SaveChangesAsync(ctx.RequestAborted);
        await audit.WriteAsync("identity.delegation.revoked", "delegation", id.ToString(), "success", new { enterprise = creditCode });
        return Results.NoContent();
    }
}
