namespace Qilu.Sharing.Subscriptions;

/// <summary>
/// 订阅: a consumer follows the changes of one resource under its grant — by polling the change feed from its cursor,
/// and, when a callback is given, through signed webhook notifications on every ResourceRowsChanged.
/// </summary>
internal sealed class Subscription
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid GrantId { get; init; }
    public Guid ResourceId { get; init; }
    public Guid ConsumerUnitId { get; init; }
    public required string ClientId { get; init; }
    public string? CallbackUrl { get; init; }
    /// <summary>Last change sequence delivered by webhook.</summary>
    public long DeliveredSequence { get; set; }
    public bool Active { get; set; } = true;
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? LastDeliveryAt { get; set; }
    public int? LastDeliveryStatus { get; set; }
    public int Failures { get; set; }
}
