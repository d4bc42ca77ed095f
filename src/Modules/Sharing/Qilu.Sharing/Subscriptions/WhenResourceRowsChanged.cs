using Microsoft.EntityFrameworkCore;
using Qilu.Catalog.Contracts;
using Qilu.Platform.Events;
using Qilu.Sharing.Data;

namespace Qilu.Sharing.Subscriptions;

/// <summary>
/// Marks the resource's idle subscriptions with a callback due and wakes this node's <see cref="SubscriptionDelivery"/>,
/// which pushes them (any node's loop would find them within its interval). The mark is durable, so a crash after it
/// loses nothing; it is idempotent, so a redelivered event changes nothing. A subscription already due or waiting for
/// a retry is left alone: its drain reads every change after its cursor anyway, and a failing callback keeps its
/// back-off instead of being called on every import.
/// </summary>
internal sealed class WhenResourceRowsChanged(SharingDbContext db, TimeProvider clock, SubscriptionDelivery delivery) : IIntegrationEventHandler<ResourceRowsChanged>
{
    public async Task HandleAsync(ResourceRowsChanged integrationEvent, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        // Not a compare-and-set on the version: it only turns "nothing pending" into "due now", which no drain's write
        // contradicts (a drain that finds nothing clears it and then looks once more, SubscriptionDelivery.ReleaseCaughtUpAsync).
        var marked = await db.Subscriptions
            .Where(s => s.ResourceId == integrationEvent.ResourceId && s.State == SubscriptionState.Active && s.CallbackUrl != null && s.NextAttemptAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.NextAttemptAt, now), cancellationToken);
        if (marked > 0) delivery.Wake();
    }
}
