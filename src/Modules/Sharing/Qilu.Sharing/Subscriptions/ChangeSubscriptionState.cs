using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qilu.Sharing.Auditing;
using Qilu.Sharing.Data;
using Qilu.Sharing.Gateway;

namespace Qilu.Sharing.Subscriptions;

/// <summary>
/// DELETE /api/sharing/gateway/{grantId}/subscriptions/{id}: the consumer cancels a subscription (final; no more pushes,
/// at most the page already in flight). POST …/{id}/resume: a suspended subscription is active again and is pushed from
/// its cursor at once, its failures forgotten. Only under the consumer's own grant (another's: 404, as every gateway call).
/// </summary>
internal static class ChangeSubscriptionState
{
    public static void Map(IEndpointRouteBuilder gateway)
    {
        gateway.MapDelete("/{grantId:guid}/subscriptions/{id:guid}", (Guid grantId, Guid id, HttpContext ctx, GatewayPipeline p, IServiceProvider sp) =>
                p.RunAsync(ctx, grantId, "unsubscribe", false, (r, ct) => HandleAsync(r, id, resume: false, sp, ct)))
            .WithName("GatewayCancelSubscription").WithSummary("取消订阅 / Cancel a subscription").Produces<ListSubscriptions.View>();
        gateway.MapPost("/{grantId:guid}/subscriptions/{id:guid}/resume", (Guid grantId, Guid id, HttpContext ctx, GatewayPipeline p, IServiceProvider sp) =>
                p.RunAsync(ctx, grantId, "subscription-resume", false, (r, ct) => HandleAsync(r, id, resume: true, sp, ct)))
            .WithName("GatewayResumeSubscription").WithSummary("恢复已暂停的订阅 / Resume a suspended subscription").Produces<ListSubscriptions.View>();
    }

    internal static async Task<(GatewayAnswer?, GatewayRefusal?)> HandleAsync(GatewayRequest r, Guid id, bool resume, IServiceProvider sp, CancellationToken ct)
    {
        var db = sp.GetRequiredService<SharingDbContext>();
        var mine = db.Subscriptions.Where(s => s.Id == id && s.GrantId == r.Grant.Id && s.ConsumerUnitId == r.Grant.ConsumerUnitId);
        var s = await mine.AsNoTracking().FirstOrDefaultAsync(ct);
        if (s is null) return (null, GatewayRefusal.NotFound("订阅", "Subscription"));
        if (resume && s.State == SubscriptionState.Cancelled)
            return (null, GatewayRefusal.BadRequest("subscription.cancelled", "订阅已取消，不能恢复，请重新订阅", "The subscription was cancelled; subscribe again"));
        // Managing one's own subscriptions releases no data and must work with the quota used up (to stop unwanted
        // pushes): not charged, still audited and metered (docs/sharing-gateway.md, Subscriptions).
        r.Waive();
        var now = r.Now;
        // Conditional UPDATEs that bump the version: a drain in progress on any node fails its next compare-and-set and
        // stops (SubscriptionDelivery). Repeating either call changes nothing (no row matches) and answers the same.
        var changed = resume
            ? await mine.Where(x => x.State == SubscriptionState.Suspended).ExecuteUpdateAsync(u => u
                .SetProperty(x => x.State, SubscriptionState.Active).SetProperty(x => x.StateReason, (string?)null).SetProperty(x => x.StateChangedAt, now)
                .SetProperty(x => x.Failures, 0).SetProperty(x => x.NextAttemptAt, now).SetProperty(x => x.LeaseUntil, (DateTimeOffset?)null)
                .SetProperty(x => x.Version, x => x.Version + 1), ct)
            : await mine.Where(x => x.State != SubscriptionState.Cancelled).ExecuteUpdateAsync(u => u
                .SetProperty(x => x.State, SubscriptionState.Cancelled).SetProperty(x => x.StateReason, "使用单位取消订阅 / Cancelled by the consumer")
                .SetProperty(x => x.StateChangedAt, now).SetProperty(x => x.NextAttemptAt, (DateTimeOffset?)null).SetProperty(x => x.LeaseUntil, (DateTimeOffset?)null)
                .SetProperty(x => x.Version, x => x.Version + 1), ct);
        if (changed > 0)
        {
            await sp.GetRequiredService<SharingAudit>().WriteAsync(resume ? "sharing.subscription.resumed" : "sharing.subscription.cancelled", "subscription",
                id.ToString(), r.Actor, new { grant = r.Grant.Id, resource = s.ResourceId }, "success", ct);
            if (resume) sp.GetRequiredService<SubscriptionDelivery>().Wake();
        }
        var current = await mine.AsNoTracking().FirstAsync(ct);
        return (new GatewayAnswer(ListSubscriptions.View.Of(current), 0, [], s.ResourceId), null);
    }
}
