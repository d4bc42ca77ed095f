using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Qilu.Identity.Auditing;
using Qilu.Identity.Data;
using Qilu.Platform.Auth;
using Qilu.Platform.Http;
using Qilu.SharedKernel.Actors;
using Qilu.SharedKernel.Results;

namespace Qilu.Identity.Enterprises;

/// <summary>
/// DELETE /api/identity/enterprises/{creditCode}/delegations/{id}: the legal representative revokes an agent. The
/// agent's tokens stop carrying the enterprise at their next refresh (the token endpoint re-checks the delegation).
/// </summary>
internal static class RevokeDelegation
{
    public static void Map(IEndpointRouteBuilder api) => api.MapDelete("/enterprises/{creditCode}/delegations/{id:guid}", EndpointAsync)
        .WithName("RevokeDelegation").WithSummary("撤销经办人授权 / Revoke an agent").Produces(StatusCodes.Status204NoContent);

    private static async Task<IResult> EndpointAsync(string creditCode, Guid id, HttpContext ctx, ActorAccessor actors, IdentityDbContext db,
        TimeProvider clock, IdentityAudit audit)
    {
        var result = await HandleAsync(actors.FromContext(ctx), creditCode, id, db, clock, audit, ctx.RequestAborted);
        return result.IsSuccess ? Results.NoContent() : Problems.From(result);
    }

    /// <summary>The use case, for the endpoint and the portal page alike; the value is the revocation time.</summary>
    internal static async Task<Result<DateTimeOffset>> HandleAsync(Actor actor, string creditCode, Guid id, IdentityDbContext db,
        TimeProvider clock, IdentityAudit audit, CancellationToken ct)
    {
        var enterprise = await db.Enterprises.SingleOrDefaultAsync(e => e.CreditCode == creditCode, ct);
        if (enterprise is null || enterprise.LegalRepresentativeId.ToString() != actor.SubjectId) return Outcomes.NotFound<DateTimeOffset>("企业", "Enterprise");
        var delegation = await db.Delegations.SingleOrDefaultAsync(d => d.Id == id && d.EnterpriseId == enterprise.Id, ct);
        if (delegation is null) return Outcomes.NotFound<DateTimeOffset>("授权", "Delegation");
        if (delegation.RevokedAt is not null) return Outcomes.Conflict<DateTimeOffset>("delegation.revoked", "该授权已撤销", "The delegation is already revoked");
        var now = clock.GetUtcNow();
        delegation.RevokedAt = now;
        delegation.RevokedBy = actor.SubjectId;
        await db.SaveChangesAsync(ct);
        await audit.WriteAsync("identity.delegation.revoked", "delegation", id.ToString(), "success", new { enterprise = creditCode }, actor, ct);
        return now;
    }
}
