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
}
