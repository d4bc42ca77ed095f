namespace Qilu.Platform.Events;

/// <summary>
/// A row of a module's outbox table: the serialised event, which handlers already took it, and its retry state.
/// Written in the same SaveChanges as the change the event reports, so an acknowledged change never loses its event.
/// </summary>
internal sealed class OutboxMessage
{
    public Guid Id { get; init; }

    /// <summary>Event type name (<see cref="Type.FullName"/>).</summary>
    public required string Type { get; init; }

    public required string Payload { get; init; }

    public DateTimeOffset OccurredAt { get; init; }

    /// <summary>Names of the handlers that completed; a retry skips them.</summary>
    public string Delivered { get; set; } = "";

    public int Attempts { get; set; }

    public DateTimeOffset NextAttemptAt { get; set; }

    public DateTimeOffset? DispatchedAt { get; set; }

    public string? LastError { get; set; }

    /// <summary>Node that claimed the message and until when (several nodes share one PostgreSQL).</summary>
    public string? ClaimedBy { get; set; }

    public DateTimeOffset? ClaimedUntil { get; set; }
}

/// <summary>A handler's record that it processed an event, written with the handler's own changes (exactly-once effect).</summary>
internal sealed class InboxEntry
{
    public Guid EventId { get; init; }

    public required string Handler { get; init; }

    public DateTimeOffset ProcessedAt { get; init; }
}
