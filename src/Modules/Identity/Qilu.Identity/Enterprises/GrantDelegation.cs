using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Qilu.Identity.Accounts;
using Qilu.Identity.Auditing;
using Qilu.Identity.Data;
using Qilu.Platform.Auth;
using Qilu.Platform.Cryptography.Fields;
using Qilu.Platform.Http;
using Qilu.SharedKernel.Actors;
using Qilu.SharedKernel.Identifiers;
using Qilu.SharedKernel.Results;

namespace Qilu.Identity.Enterprises;

/// <summary>
/// POST /api/identity/enterprises/{creditCode}/delegations: the legal representative (signed in personally) authorises
/// a registered citizen, identified by ID number, as 经办人 until an optional expiry.
/// </summary>
internal static class GrantDelegation
{
    public sealed record Request(string? AgentIdNumber, DateTimeOffset? ExpiresAt);

    public sealed record Response(Guid Id, string AgentName, string AgentIdNumberMasked, DateTimeOffset GrantedAt, DateTimeOffset? ExpiresAt);

    public static void Map(IEndpointRouteBuilder api) => api.MapPost("/enterprises/{creditCode}/delegations", EndpointAsync)
        .WithName("GrantDelegation").WithSummary("授权经办人 / Authorise an agent").Produces<Response>(StatusCodes.Status201Created);

    private static async Task<IResult> EndpointAsync(string creditCode, Request request, HttpContext ctx, ActorAccessor actors, IdentityDbContext db,
        IFieldProtector protector, TimeProvider clock, IdentityAudit audit) =>
        Outcomes.Created(await HandleAsync(actors.FromContext(ctx), creditCode, request, db, protector, clock, audit, ctx.RequestAborted),
            r => $"/api/identity/enterprises/{creditCode}/delegations/{r.Id}");

    /// <summary>The use case, for the endpoint and the portal page alike.</summary>
    internal static async Task<Result<Response>> HandleAsync(Actor actor, string creditCode, Request request, IdentityDbContext db,
        IFieldProtector protector, TimeProvider clock, IdentityAudit audit, CancellationToken ct)
    {
        if (actor.Kind != ActorKind.Citizen)
            return Outcomes.Forbidden<Response>("delegation.personal_only", "请以个人身份登录后由法定代表人授权", "Sign in personally as the legal representative");
        var v = new Validation();
        var code = v.Parse("creditCode", creditCode, CreditCode.Parse, "统一社会信用代码");
        var agentId = v.Parse("agentIdNumber", request.AgentIdNumber, s => IdNumber.Parse(s, clock), "经办人身份证号");
        var now = clock.GetUtcNow();
        v.Rule(request.ExpiresAt is null || request.ExpiresAt > now, "expiresAt", "expires_at.past", "到期时间须晚于当前时间", "expiresAt must be in the future");
        if (!v.IsValid) return v.Invalid<Response>();
        var enterprise = await db.Enterprises.SingleOrDefaultAsync(e => e.CreditCode == code!.Value.ToString(), ct);
        if (enterprise is null || enterprise.LegalRepresentativeId.ToString() != actor.SubjectId) return Outcomes.NotFound<Response>("企业", "Enterprise");
        var index = protector.BlindIndex(agentId!.Value.ToString(), AccountFields.IdNumberPurpose);
        var agent = await db.Accounts.SingleOrDefaultAsync(a => a.IdNumberIndex == index && a.Kind == AccountKind.Citizen, ct);
        if (agent is null)
            return Outcomes.Invalid<Response>("delegation.agent_unregistered", "该经办人尚未注册个人账号", "The agent has no registered account", "agentIdNumber");
        var active = await db.Delegations.Where(d => d.EnterpriseId == enterprise.Id && d.AgentAccountId == agent.Id && d.RevokedAt == null).ToListAsync(ct);
        if (active.Any(d => d.IsActive(now)))
            return Outcomes.Conflict<Response>("delegation.exists", "该经办人已获授权", "The agent is already authorised", "agentIdNumber");
        var delegation = new Delegation { EnterpriseId = enterprise.Id, AgentAccountId = agent.Id, GrantedBy = actor.SubjectId, GrantedAt = now, ExpiresAt = request.ExpiresAt?.ToUniversalTime() };
        db.Delegations.Add(delegation);
        await db.SaveChangesAsync(ct);
        await audit.WriteAsync("identity.delegation.granted", "delegation", delegation.Id.ToString(), "success", new { enterprise = enterprise.CreditCode, agent = agent.Id }, actor, ct);
        return new Response(delegation.Id, agent.DisplayName, agent.IdNumberMasked ?? "", now, delegation.ExpiresAt);
    }
}
