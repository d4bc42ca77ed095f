using System.Data.Common;
using System.Threading.Channels;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Qilu.Platform.Audit.Data;
using Qilu.Platform.Audit.Merkle;
using Qilu.Platform.Persistence;

namespace Qilu.Platform.Audit;

/// <summary>
/// Group commit: callers enqueue; one background loop drains up to <see cref="AuditLogOptions.BatchSize"/> records,
/// numbers them, hashes them into the tree and writes entries and their tree rows in ONE transaction, then completes
/// the callers. A caller's task completes only after the commit; if the transaction fails every caller of that batch
/// gets the exception (nothing acknowledged can be lost).
/// </summary>
internal sealed class AuditWriter : IAsyncDisposable
{
    private const int EntryChunk = 128;
    private const int TreeChunk = 256;

    private readonly AuditStore _store;
    private readonly TimeProvider _time;
    private readonly AuditLogOptions _options;
    private readonly ILogger<AuditWriter> _logger;
    private readonly Channel<Pending> _queue;
    private readonly Lock _startLock = new();
    private Task? _loop;
    private DbConnection? _connection;
    private readonly SemaphoreSlim? _gate;
    private readonly Dictionary<(bool Tree, int Rows), DbCommand> _commands = [];
    private readonly Dictionary<(bool Tree, int Rows), SqliteRawStatement> _raw = [];
    private CompactRange? _range;
    private long _lastTimestampUs;

    public AuditWriter(AuditStore store, TimeProvider time, AuditLogOptions options, ILogger<AuditWriter> logger)
    {
        _store = store;
        _time = time;
        _options = options;
        _logger = logger;
        _gate = store.IsSqlite ? SqliteWriteGate.For(store.ConnectionString) : null;
        _queue = Channel.CreateBounded<Pending>(new BoundedChannelOptions(options.QueueCapacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
            // SQLite: the reader is the writer's own thread, blocked until records arrive; a producer wakes it directly
            // instead of through a thread-pool work item (see StartLoop). The only continuation run inline is that
            // wake-up, on the producer's thread (producers waiting on a full queue are always resumed asynchronously,
            // and callers' completions run asynchronously too).
            AllowSynchronousContinuations = store.IsSqlite,
        });
    }

    private sealed class Pending(AuditEntryRow row)
    {
        public AuditEntryRow Row { get; } = row;

        public TaskCompletionSource<long> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    /// <summary>Committed batches (for tests and metrics).</summary>
    public long BatchesCommitted { get; private set; }

    public async ValueTask<long> AppendAsync(AuditRecord record, CancellationToken ct)
    {
        var pending = new Pending(AuditRecordValidator.ToRow(record));
        await _queue.Writer.WriteAsync(pending, ct);
        // Cancellation after enqueueing only stops the wait: the record may still be committed.
        return await pending.Done.Task.WaitAsync(ct);
    }

    public void Start()
    {
        lock (_startLock) _loop ??= StartLoop();
    }

    /// <summary>
    /// SQLite: the loop runs on a thread of its own (ADR 0018 addendum 3). Microsoft.Data.Sqlite completes every
    /// statement synchronously, so a batch runs start to end on that thread, and waiting for records or for the file's
    /// write gate blocks it. As a thread-pool loop, each wait's continuation queued behind the requests' work items:
    /// under load every batch started milliseconds late, and every caller waiting for a durable audit entry (each
    /// sharing-gateway call) waited that much longer. PostgreSQL keeps the asynchronous loop (its I/O is asynchronous).
    /// </summary>
    private Task StartLoop()
    {
        if (!_store.IsSqlite) return Task.Run(GuardedAsync);
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            try
            {
                RunOnThread();
                done.SetResult();
            }
            catch (Exception e)
            {
                Fail(e);
                done.SetException(e);
            }
        })
        {
            IsBackground = true,
            Name = "Qilu audit writer",
        };
        thread.Start();
        return done.Task;
    }

    private void RunOnThread()
    {
        var batch = new List<Pending>(_options.BatchSize);
        var reader = _queue.Reader;
        while (WaitToRead(reader))
        {
            // As in RunAsync: the file's write gate before draining, so records arriving meanwhile join this batch.
            _gate?.Wait();
            try
            {
                batch.Clear();
                while (batch.Count < _options.BatchSize && reader.TryRead(out var p)) batch.Add(p);
                // Completes synchronously on SQLite; should a step ever yield, this thread waits for it.
                if (batch.Count > 0) CommitBatchAsync(batch).GetAwaiter().GetResult();
            }
            finally
            {
                _gate?.Release();
            }
        }
        ResetConnectionAsync().GetAwaiter().GetResult();
    }

    private static bool WaitToRead(ChannelReader<Pending> reader)
    {
        var wait = reader.WaitToReadAsync();
        return wait.IsCompleted ? wait.Result : wait.AsTask().GetAwaiter().GetResult();
    }

    /// <summary>Stops accepting records, drains what was queued and waits for the last commit.</summary>
    public async Task StopAsync()
    {
        _queue.Writer.TryComplete();
        Task? loop;
        lock (_startLock) loop = _loop;
        if (loop is not null) await loop;
    }

    private async Task GuardedAsync()
    {
        try
        {
            await RunAsync();
        }
        catch (Exception e)
        {
            Fail(e);
            throw;
        }
    }

    /// <summary>
    /// The loop itself died (not a failed batch, which it survives): no record could ever be committed again, and a
    /// caller waiting for its record's commit would wait forever. The queue is closed with the error, so new appends
    /// throw at once, and every record still queued fails with it.
    /// </summary>
    private void Fail(Exception e)
    {
        _logger.LogCritical(e, "The audit writer stopped; no audit entry can be committed until the host restarts");
        _queue.Writer.TryComplete(e);
        while (_queue.Reader.TryRead(out var p)) p.Done.TrySetException(e);
    }

    private async Task RunAsync()
    {
        var batch = new List<Pending>(_options.BatchSize);
        var reader = _queue.Reader;
        while (await reader.WaitToReadAsync())
        {
            // On SQLite, take the file's write gate before draining the queue: records that arrive while another writer
            // commits join this batch, and the lock is handed over without SQLite's busy-handler sleeps.
            if (_gate is not null) await _gate.WaitAsync();
            try
            {
                batch.Clear();
                while (batch.Count < _options.BatchSize && reader.TryRead(out var p)) batch.Add(p);
                if (batch.Count > 0) await CommitBatchAsync(batch);
            }
            finally
            {
                _gate?.Release();
            }
        }
        await ResetConnectionAsync();
    }

    private async Task CommitBatchAsync(List<Pending> batch)
    {
        try
        {
            var first = await WriteBatchAsync(batch);
            for (var i = 0; i < batch.Count; i++) batch[i].Done.TrySetResult(first + i);
            BatchesCommitted++;
        }
        catch (Exception e)
        {
            // Boundary of the background worker: the tree state is re-read from the database before the next batch.
            _logger.LogError(e, "Audit batch of {Count} records failed", batch.Count);
            _range = null;
            await ResetConnectionAsync();
            foreach (var p in batch) p.Done.TrySetException(e);
        }
    }

    private async Task<long> WriteBatchAsync(List<Pending> batch)
    {
        var ct = CancellationToken.None;
        if (_connection is null) _connection = await _store.OpenAsync(ct, writer: true);
        var c = _connection;
        await using var tx = await c.BeginTransactionAsync(ct);
        if (!_store.IsSqlite)
        {
            // Several nodes may write the same log: the transaction-scoped advisory lock makes the read of the tree
            // size, the numbering and the inserts atomic across nodes, so sequence numbers stay dense.
            await AuditStore.ExecAsync(c, tx, $"SELECT pg_advisory_xact_lock({AuditStore.AdvisoryLockKey})", ct);
        }
        var size = await _store.ReadSizeAsync(c, tx, ct);
        if (_range is null || _range.Size != size) _range = await _store.ReadCompactRangeAsync(c, tx, size, ct);
        var range = _range.Clone();

        var now = AuditText.ToMicros(_time.GetUtcNow());
        // Timestamps never go backwards along the sequence, so "older than the retention period" is a prefix.
        var ts = Math.Max(now, _lastTimestampUs);
        // One tree row per leaf: its hash and those of the subtrees it completes, by level (ADR 0004 addendum 2).
        var tree = new byte[batch.Count][];
        for (var i = 0; i < batch.Count; i++)
        {
            var row = batch[i].Row;
            row.Seq = range.Size;
            row.TimestampUs = ts;
            var hashes = tree[i] = new byte[NodeId.CompletedBy(row.Seq) * MerkleHash.Size];
            range.Append(MerkleHash.Leaf(AuditLeafCodec.Write(row)), (id, h) => h.CopyTo(hashes, id.Level * MerkleHash.Size));
        }

        if (c is SqliteConnection sqlite) WriteRowsSqlite(sqlite, batch, tree);
        else
        {
            for (var i = 0; i < batch.Count; i += EntryChunk)
            {
                var n = Math.Min(EntryChunk, batch.Count - i);
                var cmd = Command(c, false, n);
                cmd.Transaction = tx;
                for (var j = 0; j < n; j++) AuditStore.BindEntry(cmd, j, batch[i + j].Row);
                await cmd.ExecuteNonQueryAsync(ct);
            }
            for (var i = 0; i < batch.Count; i += TreeChunk)
            {
                var n = Math.Min(TreeChunk, batch.Count - i);
                var cmd = Command(c, true, n);
                cmd.Transaction = tx;
                for (var j = 0; j < n; j++) AuditStore.BindTreeRow(cmd, j, batch[i + j].Row.Seq, tree[i + j]);
                await cmd.ExecuteNonQueryAsync(ct);
            }
        }
        await tx.CommitAsync(ct);
        _range = range;
        _lastTimestampUs = ts;
        return size;
    }

    /// <summary>
    /// SQLite: the same inserts bound by position on the connection's handle (<see cref="SqliteRawStatement"/>), inside the
    /// transaction the connection has open. One statement per batch size, kept with the connection.
    /// </summary>
    private void WriteRowsSqlite(SqliteConnection c, List<Pending> batch, byte[][] tree)
    {
        for (var i = 0; i < batch.Count; i += EntryChunk)
        {
            var n = Math.Min(EntryChunk, batch.Count - i);
            var s = Raw(c, false, n);
            for (var j = 0; j < n; j++) AuditStore.BindEntry(s, j, batch[i + j].Row);
            s.Execute();
        }
        for (var i = 0; i < batch.Count; i += TreeChunk)
        {
            var n = Math.Min(TreeChunk, batch.Count - i);
            var s = Raw(c, true, n);
            for (var j = 0; j < n; j++) AuditStore.BindTreeRow(s, j, batch[i + j].Row.Seq, tree[i + j]);
            s.Execute();
        }
    }

    private SqliteRawStatement Raw(SqliteConnection c, bool tree, int rows)
    {
        if (!_raw.TryGetValue((tree, rows), out var s))
        {
            s = tree ? _store.CreateRawTreeInsert(c, rows) : _store.CreateRawEntryInsert(c, rows);
            _raw[(tree, rows)] = s;
        }
        return s;
    }

    private DbCommand Command(DbConnection c, bool tree, int rows)
    {
        if (!_commands.TryGetValue((tree, rows), out var cmd))
        {
            cmd = tree ? _store.CreateTreeInsert(c, rows) : _store.CreateEntryInsert(c, rows);
            _commands[(tree, rows)] = cmd;
        }
        return cmd;
    }

    private async Task ResetConnectionAsync()
    {
        foreach (var cmd in _commands.Values) await cmd.DisposeAsync();
        _commands.Clear();
        foreach (var s in _raw.Values) s.Dispose();
        _raw.Clear();
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
            _connection = null;
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync();
}

