namespace Qilu.Sharing.Usage;

/// <summary>计量记录: one per gateway call (served or refused), for usage statistics and billing between units.</summary>
internal sealed class MeteringRecord
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public DateTimeOffset At { get; init; }
    public Guid? GrantId { get; init; }
    public required string ClientId { get; init; }
    public Guid? ConsumerUnitId { get; init; }
    public string? ConsumerName { get; init; }
    public string? ConsumerDivision { get; init; }
    public Guid? ProviderUnitId { get; init; }
    public string? ProviderName { get; init; }
    public string? ProviderDivision { get; init; }
    public Guid? EntryId { get; init; }
    public string? EntryName { get; init; }
    public Guid? ResourceId { get; init; }
    /// <summary>key, rows, api, verify.*, feed, grassroots.</summary>
    public required string Operation { get; init; }
    public int Status { get; init; }
    public int Rows { get; init; }
    public int Fields { get; init; }
    public double DurationMs { get; init; }
    public required string RequestHash { get; init; }
}
