namespace Qilu.Platform.Audit;

/// <summary>
/// What a reader following the log's tail needs of an entry (<see cref="IAuditLog.ReadTailAsync"/>): the full entry is
/// <see cref="AuditEntry"/>.
/// </summary>
/// <param name="Sequence">0-based leaf index.</param>
/// <param name="Timestamp">When the log accepted the entry (UTC, microsecond precision).</param>
/// <param name="ActorId">Account or client id of the actor.</param>
/// <param name="Action">Dotted action name.</param>
/// <param name="Details">The details object as stored and hashed (canonical compact JSON), or null.</param>
public sealed record AuditTailEntry(long Sequence, DateTimeOffset Timestamp, string ActorId, string Action, string? Details);
