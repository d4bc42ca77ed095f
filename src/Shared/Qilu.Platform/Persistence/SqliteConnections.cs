using System.Collections.Concurrent;
using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Qilu.Platform.Persistence;

/// <summary>
/// How every module context connects to SQLite (ADR 0018, made platform-wide). In shared-cache mode a second writer —
/// or a reader of a table being written — gets <c>SQLITE_LOCKED</c>, which never reaches SQLite's busy handler:
/// Microsoft.Data.Sqlite retries it with a fixed <c>Thread.Sleep</c> on a thread-pool thread, and every request that
/// collided with the audit writer or a group commit lost that sleep. Connections are therefore private-cache (in WAL
/// mode readers never wait for writers) with a <c>busy_timeout</c>, so a writer that finds the file locked waits in
/// SQLite's own short back-off.
/// </summary>
internal sealed class SqliteConnections : DbConnectionInterceptor
{
    /// <summary>The interceptor (stateless).</summary>
    public static readonly SqliteConnections Instance = new();

    /// <summary>The platform connection with a shared cache made private (other connection strings are kept).</summary>
    public static DatabaseConnection For(DatabaseConnection db)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (!db.IsSqlite) return db;
        var builder = new SqliteConnectionStringBuilder(db.ConnectionString);
        // An in-memory database exists only through its shared cache: leave it as it is.
        if (builder.Cache != SqliteCacheMode.Shared || builder.Mode == SqliteOpenMode.Memory || builder.DataSource == ":memory:") return db;
        builder.Cache = SqliteCacheMode.Private;
        return db with { ConnectionString = builder.ConnectionString };
    }

    /// <inheritdoc />
    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Configure(connection);

    /// <inheritdoc />
    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Configure(connection);
        return Task.CompletedTask;
    }

    // Native handles already configured: a pooled connection keeps its handle (and the handle its pragmas) across
    // opens, so the pragmas are set once per handle rather than on every open from the pool.
    private static readonly ConditionalWeakTable<SQLitePCL.sqlite3, HandleState> Configured = new();

    // Files whose host is starting (SqliteStartupWindow): full path → number of windows open on it.
    private static readonly ConcurrentDictionary<string, int> Starting = new(StringComparer.Ordinal);

    private sealed class HandleState
    {
        public bool Relaxed;
    }

    /// <summary>
    /// Sets what every SQLite connection of the platform needs: a <c>busy_timeout</c> (see above) and, when configured,
    /// a memory-mapped read path (<see cref="SqliteMemoryMap"/>: off by default, see there why).
    /// </summary>
    public static void Configure(DbConnection connection)
    {
        if (connection is not SqliteConnection { Handle: { } handle } sqlite) return;
        // A native call, not a PRAGMA statement: no statement to prepare on every open from the pool.
        SQLitePCL.raw.sqlite3_busy_timeout(handle, 10_000);
        if (!Configured.TryGetValue(handle, out var state))
        {
            // An in-memory database ignores the pragma.
            if (SqliteMemoryMap.Pragma.Length > 0) Execute(sqlite, SqliteMemoryMap.Pragma);
            state = new HandleState();
            Configured.AddOrUpdate(handle, state);
        }
        // Durability while the host starts (SqliteStartupWindow): commits on this file skip their fsync until the
        // window closes with one checkpoint; a pooled handle relaxed then is made FULL again on its next open.
        var relax = !Starting.IsEmpty && Starting.ContainsKey(sqlite.DataSource);
        if (relax == state.Relaxed) return;
        Execute(sqlite, relax ? "PRAGMA synchronous=NORMAL;" : "PRAGMA synchronous=FULL;");
        state.Relaxed = relax;
    }

    /// <summary>Marks <paramref name="path"/> (a database file's full path, as <c>SqliteConnection.DataSource</c>
    /// gives it) as starting (windows may nest: several hosts on one file in a test process).</summary>
    internal static void EnterStartup(string path) => Starting.AddOrUpdate(path, 1, static (_, n) => n + 1);

    /// <summary>Ends one start-up window on <paramref name="path"/>.</summary>
    internal static void LeaveStartup(string path)
    {
        while (Starting.TryGetValue(path, out var n))
        {
            if (n <= 1 ? Starting.TryRemove(new KeyValuePair<string, int>(path, n)) : Starting.TryUpdate(path, n - 1, n)) return;
        }
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }
}
