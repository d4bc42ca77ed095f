namespace Qilu.Sharing.Subscriptions;

/// <summary>State of a subscription's pushes.</summary>
internal enum SubscriptionState
{
    /// <summary>在用: pushed when it has changes.</summary>
    Active = 0,
    /// <summary>已暂停: its callback failed <see cref="SharingOptions.SubscriptionFailureLimit"/> times in a row; the consumer may resume it.</summary>
    Suspended = 1,
    /// <summary>已取消 (final): the consumer cancelled it; subscribing again creates a new one.</summary>
    Cancelled = 2,
}

/// <summary>
/// 订阅: a consumer follows the changes of one resource under its grant — by polling the change feed from its cursor,
/// and, when a callback is given, through signed webhook notifications pushed by <see cref="SubscriptionDelivery"/>.
/// </summary>
/// <remarks>
/// Every write by the delivery loop, the consumer's cancel and resume is a compare-and-set on <see cref="Version"/>
/// (a conditional UPDATE), so a node whose lease ran out, or whose subscription was cancelled meanwhile, cannot move the
/// cursor. <see cref="NextAttemptAt"/> null means nothing is known to be pending (the next change event sets it).
/// </remarks>
internal sealed class Subscription
{
    /// <summary>The first retry waits this long; each further failure doubles it up to <see cref="MaxBackoff"/>.</summary>
    public static readonly TimeSpan FirstBackoff = TimeSpan.FromSeconds(10);

    public static readonly TimeSpan MaxBackoff = TimeSpan.FromMinutes(15);

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid GrantId { get; init; }
    public Guid ResourceId { get; init; }
    public Guid ConsumerUnitId { get; init; }
    public required string ClientId { get; init; }
    public string? CallbackUrl { get; init; }
    /// <summary>Last change sequence delivered by webhook (the cursor).</summary>
    public long DeliveredSequence { get; set; }
    public SubscriptionState State { get; set; }
    /// <summary>Why it was suspended or cancelled.</summary>
    public string? StateReason { get; set; }
    public DateTimeOffset? StateChangedAt { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? LastDeliveryAt { get; set; }
    /// <summary>HTTP status of the last push (0: no answer — refused connection, timeout).</summary>
    public int? LastDeliveryStatus { get; set; }
    /// <summary>Consecutive failed pushes.</summary>
    public int Failures { get; set; }
    /// <summary>When the delivery loop should push next; null when nothing is known to be pending.</summary>
    public DateTimeOffset? NextAttemptAt { get; set; }
    /// <summary>Until when one node's delivery loop holds the subscription (it pushes one page at a time under it).</summary>
    public DateTimeOffset? LeaseUntil { get; set; }
    public uint Version { get; set; }

    /// <summary>10 s, 20 s, 40 s … after the 1st, 2nd, 3rd consecutive failure, at most 15 min.</summary>
    public static TimeSpan BackoffAfter(int failures) =>
        TimeSpan.FromSeconds(Math.Min(MaxBackoff.TotalSeconds, FirstBackoff.TotalSeconds * Math.Pow(2, Math.Clamp(failures - 1, 0, 20))));
}
