using System.Runtime.ExceptionServices;
using System.Threading.Channels;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Qilu.Platform.Persistence;
using Qilu.Workflow.Data;

namespace Qilu.Workflow.Runtime;

/// <summary>
/// Group commit for the engine on SQLite (ADR 0014). SQLite admits one writer per file and, with
/// <c>synchronous=FULL</c>, every commit costs an fsync of the WAL; committing each operation alone bounds the engine at
/// the disk's fsync rate and queues every other writer behind it. Callers enqueue their unit of work (a DbContext with
/// tracked changes); one loop takes everything queued (up to <see cref="MaxBatch"/>), saves each context in ONE
/// transaction on its own connection, each under its own savepoint (EF Core creates one when a transaction is already
/// open, and rolls back to it when that save fails), commits once, and only then completes the callers. A caller
/// whose save failed (a lost optimistic-concurrency race, a unique violation) gets its own exception and nothing of it
/// is committed; the others of the batch are unaffected. If the commit fails, every caller of the batch gets the
/// exception: nothing acknowledged can be lost.
/// </summary>
internal sealed partial class SqliteGroupCommit(DatabaseConnection connection, ILogger<SqliteGroupCommit> logger) : IAsyncDisposable
{
    /// <summary>Most units of work per transaction: bounds the latency a batch adds to its first caller.</summary>
    public const int MaxBatch = 64;

    private readonly Channel<Job> _queue = Channel.CreateUnbounded<Job>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Lock _startLock = new();
    private Task? _loop;
    private SqliteConnection? _connection;
    private PreparedRowInsert? _history, _outbox;
    private SqliteCommand? _savepoint, _release, _rollback;

    private sealed class Job(WorkflowDbContext db)
    {
        public WorkflowDbContext Db { get; } = db;

        public ExceptionDispatchInfo? Error { get; set; }

        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    /// <summary>Transactions committed (for tests and metrics).</summary>
    public long BatchesCommitted { get; private set; }

    /// <summary>Units of work committed (for tests and metrics).</summary>
    public long SavesCommitted { get; private set; }

    /// <summary>
    /// Saves <paramref name="db"/>'s changes durably; returns after the transaction holding them committed. Once queued
    /// the save is not cancelled: the caller must learn whether its change committed.
    /// </summary>
    public async Task SaveAsync(WorkflowDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ct.ThrowIfCancellationRequested();
        // Change detection and version bumps happen here, concurrently, so the single writer only writes.
        db.PrepareSave();
        lock (_startLock) _loop ??= Task.Run(RunAsync, CancellationToken.None);
        var job = new Job(db);
        ObjectDisposedException.ThrowIf(!_queue.Writer.TryWrite(job), this);
        // The context is not saved again after this (each operation has its own), so its changes are not accepted:
        // that would walk every tracked entity once more for nothing.
        await job.Done.Task;
    }

    private async Task RunAsync()
    {
        var batch = new List<Job>(MaxBatch);
        var reader = _queue.Reader;
        var gate = SqliteWriteGate.For(connection.ConnectionString);
        while (await reader.WaitToReadAsync())
        {
            // The file's write gate (shared with the audit log's writer and the outbox dispatcher) is taken before the
            // queue is drained: operations that arrive while another writer commits join this batch, and the lock
            // passes between the writers without SQLite's busy-handler sleeps.
            await gate.WaitAsync();
            try
            {
                batch.Clear();
                while (batch.Count < MaxBatch && reader.TryRead(out var job)) batch.Add(job);
                if (batch.Count > 0) await CommitAsync(batch);
            }
            finally
            {
                gate.Release();
            }
        }
        await ResetAsync();
    }

    private async Task CommitAsync(List<Job> batch)
    {
        try
        {
            await WriteAsync(batch);
            BatchesCommitted++;
            foreach (var job in batch)
            {
                if (job.Error is { } error) job.Done.TrySetException(error.SourceException);
                else
                {
                    SavesCommitted++;
                    job.Done.TrySetResult();
                }
            }
        }
        catch (Exception e)
        {
            // Boundary of the background loop: every caller of the failed transaction learns of it; the next batch
            // starts on a fresh connection.
            LogBatchFailed(e, batch.Count);
            foreach (var job in batch) job.Done.TrySetException(job.Error?.SourceException ?? e);
            await ResetAsync();
        }
    }

    private async Task WriteAsync(List<Job> batch)
    {
        var c = _connection ??= await OpenAsync();
        // BEGIN IMMEDIATE: take the write lock now (waiting in SQLite's busy handler) rather than failing at the first
        // write when another writer (the audit log, an outbox dispatcher) holds it.
        await using var tx = c.BeginTransaction(deferred: false);
        foreach (var job in batch)
        {
            var db = job.Db;
            var facade = db.Database;
            facade.SetDbConnection(c, contextOwnsConnection: false);
            // One savepoint per unit of work, ours rather than EF Core's, because the history rows written after the
            // save belong to the same unit: a save that fails leaves nothing of it in the batch.
            facade.AutoSavepointsEnabled = false;
            try
            {
                await facade.UseTransactionAsync(tx);
                await ExecAsync(_savepoint ??= Command(c, "SAVEPOINT unit"), tx);
                try
                {
                    await db.SaveChangesAsync(acceptAllChangesOnSuccess: false);
                    if (db.PendingHistory.Count > 0) await (_history ??= new PreparedRowInsert(c, EntityType(db, typeof(HistoryEntry)))).InsertAsync(tx, db.PendingHistory);
                    if (db.PendingOutbox.Count > 0) await (_outbox ??= new PreparedRowInsert(c, EntityType(db, db.PendingOutbox[0].GetType()))).InsertAsync(tx, db.PendingOutbox);
                    await ExecAsync(_release ??= Command(c, "RELEASE unit"), tx);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // Boundary between units of work: this one is rolled back to its savepoint (a lost race, a
                    // duplicate key, or a fault in this one unit of work), so it fails alone and the rest of the batch
                    // goes on. Had SQLite abandoned the whole transaction, the rollback throws and fails the batch.
                    await ExecAsync(_rollback ??= Command(c, "ROLLBACK TO unit; RELEASE unit"), tx);
                    job.Error = ExceptionDispatchInfo.Capture(e);
                }
                finally
                {
                    await facade.UseTransactionAsync(null);
                }
            }
            finally
            {
                // Hand the context back its own (lazily created) connection: the shared one belongs to this loop.
                facade.AutoSavepointsEnabled = true;
                facade.SetDbConnection(null);
                facade.SetConnectionString(connection.ConnectionString);
                db.PendingHistory.Clear();
                db.PendingOutbox.Clear();
            }
        }
        await tx.CommitAsync();
    }

    private static Microsoft.EntityFrameworkCore.Metadata.IEntityType EntityType(WorkflowDbContext db, Type type) =>
        db.Model.FindEntityType(type) ?? throw new InvalidOperationException($"{type.Name} is not in the workflow model.");

    private static SqliteCommand Command(SqliteConnection c, string sql)
    {
        var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        return cmd;
    }

    private static async Task ExecAsync(SqliteCommand cmd, SqliteTransaction tx)
    {
        cmd.Transaction = tx;
        await cmd.ExecuteNonQueryAsync();
    }

    private async Task<SqliteConnection> OpenAsync()
    {
        var c = new SqliteConnection(connection.ConnectionString);
        try
        {
            await c.OpenAsync();
            await using var cmd = c.CreateCommand();
            // FULL: every commit fsyncs the WAL, so an acknowledged transition survives power loss; group commit
            // makes one fsync cover the whole batch. busy_timeout: wait in SQLite's back-off for other writers.
            // mmap_size only when configured (Qilu.Platform.Persistence.SqliteMemoryMap: off by default; addendum 3 had it on).
            cmd.CommandText = "PRAGMA synchronous=FULL; PRAGMA busy_timeout=30000; " + SqliteMemoryMap.Pragma;
            await cmd.ExecuteNonQueryAsync();
            return c;
        }
        catch
        {
            await c.DisposeAsync();
            throw;
        }
    }

    private async Task ResetAsync()
    {
        foreach (var cmd in new[] { _savepoint, _release, _rollback }) if (cmd is not null) await cmd.DisposeAsync();
        _savepoint = _release = _rollback = null;
        foreach (var insert in new[] { _history, _outbox }) if (insert is not null) await insert.DisposeAsync();
        _history = _outbox = null;
        if (_connection is null) return;
        await _connection.DisposeAsync();
        _connection = null;
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        Task? loop;
        lock (_startLock) loop = _loop;
        if (loop is not null) await loop;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Workflow group commit of {Count} units of work failed")]
    private partial void LogBatchFailed(Exception e, int count);
}
