using System.Data.Common;

namespace Qilu.Platform.Audit;

/// <summary>
/// A module's write that must become durable together with an audit entry: written by the audit log's group commit in
/// the same transaction as the entry, so the two are committed by one durable commit (one fsync on SQLite) and neither
/// exists without the other. The sharing gateway's metering record is the case (ADR 0018 addendum 3): a call used to
/// wait for two group commits, the audit log's and the metering writer's, taking the file's write lock in turn.
/// </summary>
/// <remarks>
/// The writer belongs to the module that owns the table (the platform only lends its connection and transaction), is a
/// singleton, and is called from the audit writer's single loop, never concurrently. The audit log lives in the same
/// database as the modules' tables on both providers (one SQLite file; one PostgreSQL database, a schema per module).
/// </remarks>
public interface IAuditCompanionWriter
{
    /// <summary>
    /// Writes <paramref name="items"/> (this writer's companions of one batch's entries, in the order the entries were
    /// queued) on <paramref name="connection"/> inside <paramref name="transaction"/>, before the audit batch commits.
    /// A throw rolls the whole batch back: every caller of the batch receives the exception and nothing of it is kept.
    /// The connection may change between calls (after a failed batch the audit writer opens a new one).
    /// </summary>
    Task WriteAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<object> items, CancellationToken ct);
}

/// <summary>An item to commit with an audit entry, and the module's writer that knows how to store it.</summary>
/// <param name="Writer">The owning module's writer (a singleton).</param>
/// <param name="Item">What to write (the writer's own row type).</param>
public readonly record struct AuditCompanion(IAuditCompanionWriter Writer, object Item);
