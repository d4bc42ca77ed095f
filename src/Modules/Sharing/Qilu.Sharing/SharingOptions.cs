namespace Qilu.Sharing;

/// <summary>Settings of the Sharing module (<c>Qilu:Sharing</c>).</summary>
internal sealed class SharingOptions
{
    /// <summary>Working days the big-data bureau has for the conformity review.</summary>
    public int ConformityDays { get; set; } = 5;

    /// <summary>Working days each provider approval level has.</summary>
    public int ApprovalDays { get; set; } = 5;

    /// <summary>Calls per second a grant allows unless its approver sets another rate.</summary>
    public int DefaultRatePerSecond { get; set; } = 1000;

    /// <summary>Largest page of the row query.</summary>
    public int MaxPageSize { get; set; } = 500;

    /// <summary>Timeout of proxied upstream API calls and webhook deliveries, in seconds.</summary>
    public int UpstreamTimeoutSeconds { get; set; } = 15;

    /// <summary>Changes per webhook notification (1–1000); a subscription is pushed page after page until it is caught up.</summary>
    public int SubscriptionPageSize { get; set; } = 500;

    /// <summary>
    /// Consecutive failed pushes after which a subscription is suspended. With retries after 10 s, 20 s … at most 15 min
    /// apart, 100 failures span about a day of an unreachable callback.
    /// </summary>
    public int SubscriptionFailureLimit { get; set; } = 100;
}
