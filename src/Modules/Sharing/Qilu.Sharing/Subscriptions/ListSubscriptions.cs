using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qilu.Sharing.Data;
using Qilu.Sharing.Gateway;

namespace Qilu.Sharing.Subscriptions;

/// <summary>
/// GET /api/sharing/gateway/{grantId}/subscriptions: the grant's subscriptions (the grant is the caller's unit's, or the
/// pipeline answers 404), oldest first, with their state, cursor and delivery record, cancelled ones included.
/// </summary>
internal static class ListSubscriptions
{
    /// <summary>A subscription as its consumer sees it.</summary>
    public sealed record View(Guid Id, Guid ResourceId, string? CallbackUrl, string State, string? StateReason, DateTimeOffset? StateChangedAt,
        long DeliveredSequence, DateTimeOffset CreatedAt, DateTimeOffset? LastDeliveryAt, int? LastDeliveryStatus, int Failures, DateTimeOffset? NextAttemptAt)
    {
        public static View Of(Subscription s) => new(s.Id, s.ResourceId, s.CallbackUrl, s.State.ToString(), s.StateReason, s.StateChangedAt,
            s.DeliveredSequence, s.CreatedAt, s.LastDeliveryAt, s.LastDeliveryStatus, s.Failures, s.NextAttemptAt);
    }

    public sealed record Response(Guid GrantId, IReadOnlyList<View> Subscriptions);

    public static void Map(IEndpointRouteBuilder gateway) => gateway.MapGet("/{grantId:guid}/subscriptions",
            (Guid grantId, HttpContext ctx, GatewayPipeline p, IServiceProvider sp) => p.RunAsync(ctx, grantId, "subscriptions", false, (r, ct) => HandleAsync(r, sp, ct)))
        .WithName("GatewayListSubscriptions").WithSummary("查看订阅 / List subscriptions").Produces<Response>();

    internal static async Task<(GatewayAnswer?, GatewayRefusal?)> HandleAsync(GatewayRequest r, IServiceProvider sp, CancellationToken ct)
    {
        // Managing one's own subscriptions releases no data and must work with the quota used up (to stop unwanted
        // pushes): not charged, still audited and metered (docs/sharing-gateway.md, Subscriptions).
        r.Waive();
        var db = sp.GetRequiredService<SharingDbContext>();
        var list = await db.Subscriptions.AsNoTracking().Where(s => s.GrantId == r.Grant.Id && s.ConsumerUnitId == r.Grant.ConsumerUnitId)
            .OrderBy(s => s.CreatedAt).ThenBy(s => s.Id).ToListAsync(ct);
        return (new GatewayAnswer(new Response(r.Grant.Id, [.. list.Select(View.Of)]), 0, [], null), null);
    }
}
