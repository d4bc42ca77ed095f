using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace Qilu.Platform.Persistence;

/// <summary>
/// One in-process gate per SQLite file, taken by the background writers that share the file (the audit log's group
/// commit, a module's group commit, the outbox dispatcher) around each write transaction. SQLite admits one writer per
/// file; a writer that finds the lock taken waits in SQLite's busy handler, which sleeps in steps of 1, 2, 5, 10 … ms
/// and so leaves the file idle after the holder has committed. Waiting here instead hands the lock over as soon as the
/// holder commits (ADR 0014 addendum). The gate is only an optimisation: writers that do not take it (a use case's own
/// SaveChanges) still meet SQLite's lock and its <c>busy_timeout</c>, so correctness never depends on it.
/// </summary>
public static class SqliteWriteGate
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new(StringComparer.Ordinal);

    /// <summary>The gate of the file <paramref name="connectionString"/> names (in-memory databases by their name).</summary>
    public static SemaphoreSlim For(string connectionString)
    {
        var source = new SqliteConnectionStringBuilder(connectionString).DataSource;
        var key = source.Length == 0 || source.StartsWith(':') || source.StartsWith("file:", StringComparison.OrdinalIgnoreCase)
            ? source
            : Path.GetFullPath(source);
        return Gates.GetOrAdd(key, static _ => new SemaphoreSlim(1, 1));
    }
}
