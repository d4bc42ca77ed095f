using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Qilu.Identity.Contracts;
using Qilu.Platform.Auth;
using Qilu.SharedKernel.Actors;
using Qilu.SharedKernel.Results;
using Qilu.SharedKernel.Time;
using Qilu.Sharing.Auditing;
using Qilu.Sharing.Contracts;
using Qilu.Sharing.Data;
using Qilu.Sharing.Subscriptions;
using Qilu.Sharing.Gateway;

namespace Qilu.Sharing.Grants;

/// <summary>
/// POST /api/sharing/grants/{id}/suspend | resume | revoke {version, reason}: the provider unit or the big-data bureau
/// changes a grant's state, with a reason. The gateway reads the grant on every call, so the next call on any node is
/// refused (403 naming the state and the reason); revocation is final.
/// </summary>
internal static class ChangeGrantStatus
{
    public sealed record Request(uint Version, string? Reason);

    public static void Map(IEndpointRouteBuilder api)
    {
        foreach (var action in new[] { "suspend", "resume", "revoke" })
        {
            api.MapPost($"/grants/{{id:guid}}/{action}", (Guid id, Request request, HttpContext ctx, ActorAccessor actors, SharingDbContext db,
                    IOrganisationDirectory directory, QuotaLedger quota, TimeProvider clock, SharingAudit audit) => EndpointAsync(action, id, request, ctx, actors, db, directory, quota, clock, audit))
                .RequirePermission(SharingPermissions.GrantsManage)
                .WithName($"{char.ToUpperInvariant(action[0])}{action[1..]}SharingGrant").WithSummary(action switch
                {
                    "suspend" => "暂停授权 / Suspend a grant",
                    "resume" => "恢复授权 / Resume a grant",
                    _ => "撤销授权 / Revoke a grant",
                }).Produces<GrantView>();
        }
    }

    private static async Task<IResult> EndpointAsync(string action, Guid id, Request request, HttpContext ctx, ActorAccessor actors, SharingDbContext db,
        IOrganisationDirectory directory, QuotaLedger quota, TimeProvider clock, SharingAudit audit) =>
        Outcomes.Ok(await HandleAsync(actors.FromContext(ctx), action, id, request, db, directory, quota, clock, audit, ctx.RequestAborted));

    internal static async Task<Result<GrantView>> HandleAsync(Actor actor, string action, Guid id, Request request, SharingDbContext db,
        IOrganisationDirectory directory, QuotaLedger quota, TimeProvider clock, SharingAudit audit, CancellationToken ct)
    {
        if (Outcomes.Lacks(actor, SharingPermissions.GrantsManage) is { } denied) return Outcomes.Denied<GrantView>(denied);
        var unit = await GrantAccess.UnitOfAsync(actor, directory, ct);
        var grant = await db.Grants.FirstOrDefaultAsync(g => g.Id == id, ct);
        if (grant is null || !GrantAccess.CanSee(actor, unit, grant)) return Outcomes.NotFound<GrantView>("授权", "Grant");
        if (!GrantAccess.CanManage(actor, unit, grant))
            return Outcomes.Forbidden<GrantView>("grant.not_manager", "只有提供单位或大数据局可以变更授权状态", "Only the provider unit or the big-data bureau may change a grant");
        var reason = request.Reason?.Trim();
        if (action != "resume" && (string.IsNullOrEmpty(reason) || reason.Length > 1000))
            return Outcomes.Invalid<GrantView>("reason.required", "暂停或撤销授权须写明理由（不超过1000字）", "Suspending or revoking needs a reason (at most 1000 characters)", "reason");
        if (grant.Version != request.Version) return Outcomes.Stale<GrantView>(request.Version, grant.Version);
        var now = clock.GetUtcNow();
        // A grant whose period has ended serves nothing whatever its state; suspending, resuming or revoking it would
        // record a decision that changes nothing (and "revoked after it expired" misleads whoever reads its history).
        if (now >= grant.ValidUntil)
        {
            var ended = grant.ValidUntil.ToOffset(WorkingCalendar.ChinaOffset).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
            return Outcomes.Conflict<GrantView>("grant.ended", $"授权已于 {ended} 到期，状态不能再变更", $"The grant ended at {ended} (China time); its state can no longer change");
        }
        var (from, to) = action switch
        {
            "suspend" => (GrantStatus.Active, GrantStatus.Suspended),
            "resume" => (GrantStatus.Suspended, GrantStatus.Active),
            _ => (grant.Status is GrantStatus.Active or GrantStatus.Suspended ? grant.Status : GrantStatus.Active, GrantStatus.Revoked),
        };
        if (grant.Status != from)
            return Outcomes.Conflict<GrantView>("grant.state", $"授权当前状态为「{GrantStatusNames.Of(grant.Status.ToString()).Zh}」，不能{ActionName(action)}", $"The grant is {grant.Status}; cannot {action}");
        grant.Status = to;
        grant.StatusReason = action == "resume" ? null : reason;
        grant.StatusChangedAt = now;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcomes.Stale<GrantView>(request.Version, request.Version + 1);
        }
        // A suspended grant's subscriptions were put off for the longest back-off; resumed, they are due now (the
        // delivery loop looks every couple of seconds), so consumers receive what changed meanwhile at once.
        if (action == "resume")
            await db.Subscriptions.Where(s => s.GrantId == grant.Id && s.State == SubscriptionState.Active && s.CallbackUrl != null)
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.NextAttemptAt, now), ct);
        await audit.WriteAsync($"sharing.grants.{action}", "grant", grant.Id.ToString(), actor, new { grant.ConsumerName, grant.EntryCode, reason }, ct: ct);
        return GrantView.Of(grant, now, await quota.UsedAsync(grant.Id, now, ct), true, GrantAccess.CanBindClients(actor, grant));
    }

    private static string ActionName(string action) => action switch
    {
        "suspend" => "暂停",
        "resume" => "恢复",
        _ => "撤销",
    };
}
