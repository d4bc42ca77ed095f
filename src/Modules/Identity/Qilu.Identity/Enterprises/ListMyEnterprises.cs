using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Qilu.Identity.Data;
using Qilu.Platform.Auth;
using Qilu.SharedKernel.Actors;
using Qilu.SharedKernel.Results;

namespace Qilu.Identity.Enterprises;

/// <summary>
/// GET /api/identity/enterprises/mine: the enterprises whose legal representative is the signed-in citizen, with
/// their 经办人 delegations (active, expired and revoked), so the representative can manage them.
/// </summary>
internal static class ListMyEnterprises
{
    public sealed record DelegationItem(Guid Id, string AgentName, string? AgentIdNumberMasked, DateTimeOffset GrantedAt,
        DateTimeOffset? ExpiresAt, DateTimeOffset? RevokedAt, bool Active);

    public sealed record Item(string CreditCode, string Name, string DivisionCode, DelegationItem[] Delegations);

    public static void Map(IEndpointRouteBuilder api) => api.MapGet("/enterprises/mine", EndpointAsync)
        .WithName("ListMyEnterprises").WithSummary("我担任法定代表人的企业 / Enterprises I represent").Produces<Item[]>();

    private static async Task<IResult> EndpointAsync(HttpContext ctx, ActorAccessor actors, IdentityDbContext db, TimeProvider clock) =>
        Outcomes.Ok(await HandleAsync(actors.FromContext(ctx), db, clock, ctx.RequestAborted));

    /// <summary>The use case, for the endpoint and the portal page alike.</summary>
    internal static async Task<Result<Item[]>> HandleAsync(Actor actor, IdentityDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (actor.Kind != ActorKind.Citizen || !Guid.TryParse(actor.SubjectId, out var me))
            return Outcomes.Forbidden<Item[]>("delegation.personal_only", "请以个人身份登录", "Sign in personally");
        var now = clock.GetUtcNow();
        var enterprises = await db.Enterprises.AsNoTracking().Where(e => e.LegalRepresentativeId == me).OrderBy(e => e.Name).ToListAsync(ct);
        var ids = enterprises.Select(e => e.Id).ToList();
        var delegations = await db.Delegations.AsNoTracking().Where(d => ids.Contains(d.EnterpriseId)).ToListAsync(ct);
        var agentIds = delegations.Select(d => d.AgentAccountId).Distinct().ToList();
        var agents = await db.Accounts.AsNoTracking().Where(a => agentIds.Contains(a.Id))
            .Select(a => new { a.Id, a.DisplayName, a.IdNumberMasked }).ToDictionaryAsync(a => a.Id, ct);
        return enterprises.Select(e => new Item(e.CreditCode, e.Name, e.DivisionCode,
            [.. delegations.Where(d => d.EnterpriseId == e.Id).OrderByDescending(d => d.GrantedAt).Select(d => new DelegationItem(d.Id,
                agents.TryGetValue(d.AgentAccountId, out var a) ? a.DisplayName : "?", agents.TryGetValue(d.AgentAccountId, out var b) ? b.IdNumberMasked : null,
                d.GrantedAt, d.ExpiresAt, d.RevokedAt, d.IsActive(now)))])).ToArray();
    }
}
