using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Qilu.Identity.Contracts;
using Qilu.Platform.Auth;
using Qilu.SharedKernel.Actors;
using Qilu.SharedKernel.Results;
using Qilu.Sharing.Auditing;
using Qilu.Sharing.Contracts;
using Qilu.Sharing.Data;
using Qilu.Sharing.Gateway;

namespace Qilu.Sharing.Grants;

/// <summary>
/// PUT /api/sharing/grants/{id}/clients {version, clientIds}: the consumer unit names which of its department systems
/// (调用系统, client-credentials clients registered for the unit) may call the gateway under the grant. A system not
/// named is refused at its next call (403 <c>grant.client_not_bound</c>); an empty list lets every system of the unit
/// call, as grants issued before binding did. Ids are checked by <see cref="CallingSystems"/> (400 naming those that
/// are not the consumer's systems); a stale version is a 409. Only while the grant can still serve (active or suspended, inside its period).
/// </summary>
internal static class BindGrantClients
{
    public sealed record Request(uint Version, string[]? ClientIds);

    public static void Map(IEndpointRouteBuilder api) => api.MapPut("/grants/{id:guid}/clients", EndpointAsync)
        .RequirePermission(SharingPermissions.ApplicationsApply)
        .WithName("BindSharingGrantClients").WithSummary("绑定调用系统 / Bind the consumer's calling systems to a grant").Produces<GrantView>();

    private static async Task<IResult> EndpointAsync(Guid id, Request request, HttpContext ctx, ActorAccessor actors, SharingDbContext db,
        IOrganisationDirectory directory, ISystemClientDirectory clients, QuotaLedger quota, TimeProvider clock, SharingAudit audit) =>
        Outcomes.Ok(await HandleAsync(actors.FromContext(ctx), id, request, db, directory, clients, quota, clock, audit, ctx.RequestAborted));

    internal static async Task<Result<GrantView>> HandleAsync(Actor actor, Guid id, Request request, SharingDbContext db, IOrganisationDirectory directory,
        ISystemClientDirectory clients, QuotaLedger quota, TimeProvider clock, SharingAudit audit, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (Outcomes.Lacks(actor, SharingPermissions.ApplicationsApply) is { } denied) return Outcomes.Denied<GrantView>(denied);
        var unit = await GrantAccess.UnitOfAsync(actor, directory, ct);
        var grant = await db.Grants.FirstOrDefaultAsync(g => g.Id == id, ct);
        if (grant is null || !GrantAccess.CanSee(actor, unit, grant)) return Outcomes.NotFound<GrantView>("授权", "Grant");
        if (!GrantAccess.CanBindClients(actor, grant))
            return Outcomes.Forbidden<GrantView>("grant.not_consumer", "只有使用单位可以绑定调用系统", "Only the consumer unit binds its calling systems");
        if (request.ClientIds is null)
            return Outcomes.Invalid<GrantView>("required", "请提供调用系统列表（可为空，表示本单位全部系统）", "clientIds is required (empty: every system of the unit)", "clientIds");
        var checkedIds = await CallingSystems.CheckAsync(clients, grant.ConsumerUnitId, request.ClientIds, ct);
        if (!checkedIds.IsSuccess) return Result<GrantView>.Failure(checkedIds.Errors, checkedIds.Kind);
        var now = clock.GetUtcNow();
        var state = grant.EffectiveStatus(now);
        if (state is not ("Active" or "Suspended" or "NotYetValid"))
            return Outcomes.Conflict<GrantView>("grant.state", $"授权当前状态为「{GrantStatusNames.Of(state).Zh}」，不能再绑定调用系统",
                $"The grant is {state}; its systems can no longer be bound");
        if (grant.Version != request.Version) return Outcomes.Stale<GrantView>(request.Version, grant.Version);
        var before = grant.ClientIdList;
        grant.ClientIds = checkedIds.Value;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcomes.Stale<GrantView>(request.Version, request.Version + 1);
        }
        await audit.WriteAsync("sharing.grants.clients", "grant", grant.Id.ToString(), actor,
            new { grant.ConsumerName, grant.EntryCode, before, after = grant.ClientIdList }, ct: ct);
        return GrantView.Of(grant, now, await quota.UsedAsync(grant.Id, now, ct), GrantAccess.CanManage(actor, unit, grant), true);
    }
}
