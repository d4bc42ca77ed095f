namespace Qilu.Catalog.Data;

/// <summary>
/// An integration event written in the same transaction as the change that caused it (transactional outbox). The
/// platform's dispatcher will deliver and mark these; until it exists they are the durable record of what happened.
/// </summary>
internal sealed class OutboxMessage
{
    public long Id { get; set; }

    /// <summary>Contract type name (CatalogEntryPublished).</summary>
    public required string Type { get; init; }

    public required string Payload { get; init; }

    public DateTimeOffset OccurredAt { get; init; }

    public DateTimeOffset? DispatchedAt { get; set; }
}
