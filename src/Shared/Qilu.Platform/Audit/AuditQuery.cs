using Qilu.SharedKernel.Paging;

namespace Qilu.Platform.Audit;

/// <summary>Filter for browsing the log; every criterion is optional. Newest entries come first.</summary>
public sealed record AuditQuery
{
    /// <summary>Action prefix, e.g. <c>identity.</c> or <c>identity.signin</c>.</summary>
    public string? ActionPrefix { get; init; }

    /// <summary>Exact actor id.</summary>
    public string? ActorId { get; init; }

    /// <summary>Inclusive lower bound on the timestamp.</summary>
    public DateTimeOffset? From { get; init; }

    /// <summary>Exclusive upper bound on the timestamp.</summary>
    public DateTimeOffset? To { get; init; }

    /// <summary>Page to return.</summary>
    public PageRequest Page { get; init; } = new(1, 20);
}
