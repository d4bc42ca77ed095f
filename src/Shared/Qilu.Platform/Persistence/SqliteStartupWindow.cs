using Microsoft.Data.Sqlite;

namespace Qilu.Platform.Persistence;

/// <summary>
/// The host's start-up work on SQLite (migrations, reference data, the demo seed) commits hundreds of small
/// transactions before the server accepts its first request. At <c>synchronous=FULL</c> each commit waits for an
/// fsync of the WAL (≈ 2–10 ms here), which was most of the first start's time (ADR 0020). Inside this window module
/// contexts commit at <c>synchronous=NORMAL</c>: in WAL mode the file stays consistent after a crash or power loss (it
/// keeps a prefix of the commits, as an interrupted start-up at FULL does), it only may lose the last commits. No one
/// outside the process has seen those commits: the window closes before the server listens, and closing it is the
/// durability point — a FULL checkpoint (every frame copied into the database file and that file synced) plus an
/// fsync of the WAL. The durable writers (audit log, workflow engine) keep <c>synchronous=FULL</c> on their
/// own connections throughout. Opening the window also puts the file in WAL mode before the first migration (it was
/// set by a later initializer, so the first ones committed in rollback-journal mode with several fsyncs each).
/// A no-op on PostgreSQL and on in-memory SQLite databases.
/// </summary>
public sealed class SqliteStartupWindow : IAsyncDisposable
{
    private readonly string? _connectionString;
    private readonly string? _path;
    private bool _closed;

    private SqliteStartupWindow(string? connectionString, string? path)
    {
        _connectionString = connectionString;
        _path = path;
    }

    /// <summary>Opens the window on <paramref name="db"/>'s file (WAL mode set, commits relaxed until disposal).</summary>
    public static async Task<SqliteStartupWindow> OpenAsync(DatabaseConnection db, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (!db.IsSqlite) return new SqliteStartupWindow(null, null);
        var cs = SqliteConnections.For(db).ConnectionString;
        var builder = new SqliteConnectionStringBuilder(cs);
        if (builder.Mode == SqliteOpenMode.Memory || builder.DataSource.Length == 0 || builder.DataSource == ":memory:")
            return new SqliteStartupWindow(null, null);
        await using var connection = new SqliteConnection(cs);
        await connection.OpenAsync(ct);
        await using (var cmd = connection.CreateCommand())
        {
            // Persistent: set once, before the first migration (later initializers setting it again are no-ops).
            cmd.CommandText = "PRAGMA busy_timeout=10000; PRAGMA journal_mode=WAL;";
            await cmd.ExecuteNonQueryAsync(ct);
        }
        var path = connection.DataSource;
        if (string.IsNullOrEmpty(path)) return new SqliteStartupWindow(null, null);
        SqliteConnections.EnterStartup(path);
        return new SqliteStartupWindow(cs, path);
    }

    /// <summary>Whether commits are relaxed in this window (a SQLite file).</summary>
    public bool IsRelaxed => _path is not null && !_closed;

    /// <summary>Closes the window: makes every commit made in it durable, then restores FULL for later commits.</summary>
    public async Task CloseAsync(CancellationToken ct = default)
    {
        if (_path is null || _closed) return;
        _closed = true;
        // Later opens of pooled handles go back to FULL from here; commits still running on a relaxed handle are
        // covered by the sync below only if they finished before it, which is why the window is closed after the
        // start-up work has returned.
        SqliteConnections.LeaveStartup(_path);
        await using var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(ct);
        await using (var cmd = connection.CreateCommand())
        {
            // FULL checkpoint: waits (busy handler) for the writer and readers, copies every frame into the database
            // file and syncs it; the WAL is synced before it is copied.
            cmd.CommandText = "PRAGMA busy_timeout=10000; PRAGMA synchronous=FULL; PRAGMA wal_checkpoint(FULL);";
            await cmd.ExecuteNonQueryAsync(ct);
        }
        // Should a reader have kept the checkpoint from copying every frame, the WAL itself is synced: fsync of any
        // descriptor of the file flushes the file.
        var wal = _path + "-wal";
        if (File.Exists(wal))
        {
            await using var stream = new FileStream(wal, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete);
            stream.Flush(flushToDisk: true);
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync() => await CloseAsync();
}
