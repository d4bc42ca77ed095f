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
    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => SetBusyTimeout(connection);

    /// <inheritdoc />
    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        SetBusyTimeout(connection);
        return Task.CompletedTask;
    }

    // Native handles already configured. A pooled connection keeps its native handle (and so its busy_timeout) from one
    // Open to the next: the PRAGMA is run once per handle, not on every Open (the gateway opens several per call).
    private static readonly ConditionalWeakTable<object, object> Configured = [];
    private static readonly object Marker = new();

    private static void SetBusyTimeout(DbConnection connection)
    {
        if (connection is not SqliteConnection sqlite) return;
        if (sqlite.Handle is { } handle && Configured.TryGetValue(handle, out _)) return;
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "PRAGMA busy_timeout=10000;";
        cmd.ExecuteNonQuery();
        if (sqlite.Handle is { } opened) Configured.AddOrUpdate(opened, Marker);
    }
}
