using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Qilu.Sharing.Data;

namespace Qilu.Sharing.Usage;

/// <summary>
/// Group commit of metering records (ADR 0018, the pattern of ADR 0014 and the audit log). Every gateway call used to
/// commit its own metering INSERT, one fsync each on SQLite's single writer; now callers enqueue, one loop takes
/// everything queued (up to <see cref="MaxBatch"/>), inserts it in ONE transaction and only then completes the
/// callers. A call answers after its record is durable, so nothing answered is unmetered; if the commit fails every
/// caller of the batch gets the exception (and answers 503 when the database is what failed).
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
        while (await reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < MaxBatch && reader.TryRead(out var p)) batch.Add(p);
            try
            {
                await using (var scope = scopes.CreateAsyncScope())
                {
                    var db = scope.ServiceProvider.GetRequiredService<SharingDbContext>();
                    db.ChangeTracker.AutoDetectChangesEnabled = false;
                    foreach (var p in batch) db.Metering.Add(p.Record);
                    // SaveChanges wraps the batched INSERTs in one transaction: one commit (one fsync) for the batch.
                    await db.SaveChangesAsync(CancellationToken.None);
                }
                Interlocked.Increment(ref _batches);
                foreach (var p in batch) p.Done.TrySetResult();
            }
            catch (Exception e)
            {
                // Boundary of the background loop: the batch's callers receive the failure; the loop carries on.
                LogBatchFailed(e, batch.Count);
                foreach (var p in batch) p.Done.TrySetException(e);
            }
        }
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
