using System.Threading.Channels;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Qilu.Platform.Persistence;
using Qilu.Sharing.Data;

namespace Qilu.Sharing.Usage;

/// <summary>
/// Group commit of metering records (ADR 0018, the pattern of ADR 0014 and the audit log). Every gateway call used to
/// commit its own metering INSERT, one fsync each on SQLite's single writer; now callers enqueue, one loop takes
/// everything queued (up to <see cref="MaxBatch"/>), inserts it in ONE transaction and only then completes the
/// callers. A call answers after its record is durable, so nothing answered is unmetered; if the commit fails every
/// caller of the batch gets the exception (and answers 503 when the database is what failed). On SQLite the loop takes
/// the file's <see cref="SqliteWriteGate"/> and inserts with one prepared statement (ADR 0018 addendum).
/// </summary>
internal sealed partial class MeteringWriter(IServiceScopeFactory scopes, ILogger<MeteringWriter> logger) : IAsyncDisposable
{
    /// <summary>Most records per transaction: bounds the latency a batch adds to its first caller.</summary>
    public const int MaxBatch = 512;

    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Lock _startLock = new();
    private Task? _loop;

    private sealed class Pending(MeteringRecord record)
    {
        public MeteringRecord Record { get; } = record;

        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    /// <summary>Transactions committed (for tests and metrics).</summary>
    public long BatchesCommitted => Interlocked.Read(ref _batches);

    private long _batches;

    /// <summary>Returns once <paramref name="record"/> is committed. Once queued it is not cancelled: the call must learn the outcome.</summary>
    public Task WriteAsync(MeteringRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        lock (_startLock) _loop ??= Task.Run(RunAsync, CancellationToken.None);
        var pending = new Pending(record);
        ObjectDisposedException.ThrowIf(!_queue.Writer.TryWrite(pending), this);
        return pending.Done.Task;
    }

    private async Task RunAsync()
    {
        var batch = new List<Pending>(MaxBatch);
        var reader = _queue.Reader;
        var sqlite = await SqliteTargetAsync();
        while (await reader.WaitToReadAsync())
        {
            // On SQLite, take the file's write gate (shared with the audit log's group commit, ADR 0014 addendum 2)
            // before draining: records arriving while the audit writer commits join this batch, and the write lock
            // passes between the two writers without SQLite's busy-handler sleeps.
            if (sqlite is not null) await sqlite.Value.Gate.WaitAsync();
            try
            {
                batch.Clear();
                while (batch.Count < MaxBatch && reader.TryRead(out var p)) batch.Add(p);
                if (batch.Count == 0) continue;
                if (sqlite is not null) await CommitSqliteAsync(sqlite.Value.ConnectionString, batch);
                else await CommitEfAsync(batch);
                Interlocked.Increment(ref _batches);
                foreach (var p in batch) p.Done.TrySetResult();
            }
            catch (Exception e)
            {
                // Boundary of the background loop: the batch's callers receive the failure; the loop carries on.
                LogBatchFailed(e, batch.Count);
                foreach (var p in batch) p.Done.TrySetException(e);
                await ResetConnectionAsync();
            }
            finally
            {
                sqlite?.Gate.Release();
            }
        }
        await ResetConnectionAsync();
    }

    private async Task<(string ConnectionString, SemaphoreSlim Gate)?> SqliteTargetAsync()
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SharingDbContext>();
        if (!db.Database.IsSqlite()) return null;
        _model = db.Model;
        var cs = db.Database.GetConnectionString()!;
        return (cs, SqliteWriteGate.For(cs));
    }

    private IModel? _model;
    private SqliteConnection? _connection;
    private SqliteRowInsert? _insert;

    /// <summary>
    /// SQLite: the batch in one transaction on the writer's own connection (synchronous=FULL: the commit fsyncs the WAL,
    /// so a record acknowledged to its caller survives power loss), one prepared INSERT re-executed per record.
    /// </summary>
    private async Task CommitSqliteAsync(string connectionString, List<Pending> batch)
    {
        if (_connection is null)
        {
            var c = new SqliteConnection(connectionString);
            await c.OpenAsync();
            await using (var pragma = c.CreateCommand())
            {
                pragma.CommandText = "PRAGMA synchronous=FULL; PRAGMA busy_timeout=10000;";
                await pragma.ExecuteNonQueryAsync();
            }
            _connection = c;
            _insert = new SqliteRowInsert(c, _model!.FindEntityType(typeof(MeteringRecord)) ?? throw new InvalidOperationException("MeteringRecord is not in the model."));
        }
        await using var tx = (SqliteTransaction)await _connection.BeginTransactionAsync();
        await _insert!.InsertAsync(tx, batch.Select(p => p.Record));
        await tx.CommitAsync();
    }

    /// <summary>PostgreSQL: EF Core batches the INSERTs of one SaveChanges into one transaction (one commit).</summary>
    private async Task CommitEfAsync(List<Pending> batch)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SharingDbContext>();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        foreach (var p in batch) db.Metering.Add(p.Record);
        await db.SaveChangesAsync(CancellationToken.None);
    }

    private async Task ResetConnectionAsync()
    {
        if (_insert is not null) await _insert.DisposeAsync();
        _insert = null;
        if (_connection is not null) await _connection.DisposeAsync();
        _connection = null;
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        Task? loop;
        lock (_startLock) loop = _loop;
        if (loop is not null) await loop;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Metering batch of {Count} records failed")]
    private partial void LogBatchFailed(Exception e, int count);
}
