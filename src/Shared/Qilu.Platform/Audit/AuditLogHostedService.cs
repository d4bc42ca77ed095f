using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Qilu.Platform.Audit;

/// <summary>
/// Runs the audit writer and the checkpoint timer: migrates (optional), starts the group-commit writer, signs a
/// checkpoint at most every <see cref="AuditLogOptions.CheckpointInterval"/> when the tree grew, runs the retention
/// purge, and on stop drains the queue and signs a final checkpoint.
/// </summary>
internal sealed class AuditLogHostedService(
    IServiceProvider services,
    AuditWriter writer,
    AuditLog log,
    AuditLogOptions options,
    TimeProvider time,
    ILogger<AuditLogHostedService> logger) : IHostedService, IDisposable
{
    /// <summary>Longest a stop waits for the checkpoint timer's loop to end after cancelling it.</summary>
    internal static readonly TimeSpan TimerStopWait = TimeSpan.FromSeconds(10);

    private readonly CancellationTokenSource _stop = new();
    private Task? _timer;
    private int _stopped;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.MigrateOnStart) await services.MigrateAuditLogAsync(cancellationToken);
        writer.Start();
        _timer = Task.Run(() => RunTimerAsync(_stop.Token), CancellationToken.None);
    }

    private async Task RunTimerAsync(CancellationToken ct)
    {
        using var timer = new PeriodicTimer(options.CheckpointInterval, time);
        var lastPurge = time.GetUtcNow();
        try
        {
            while (await timer.WaitForNextTickAsync(ct))
            {
                try
                {
                    await log.CheckpointIfGrownAsync(force: false, ct);
                    if (options.RetentionPurgeInterval is { } every && time.GetUtcNow() - lastPurge >= every)
                    {
                        lastPurge = time.GetUtcNow();
                        var purged = await log.PurgeExpiredAsync(ct);
                        if (purged > 0) logger.LogInformation("Audit retention purge removed {Count} entries", purged);
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // Background boundary: a failed checkpoint is retried at the next tick.
                    logger.LogError(e, "Audit checkpoint or retention run failed");
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        // Once only: a host whose shutdown timed out may dispose the service and then have StopAsync called (or the
        // reverse); a second stop must neither touch the disposed token source nor drain the writer twice.
        if (Interlocked.Exchange(ref _stopped, 1) == 1) return;
        await _stop.CancelAsync();
        // The timer loop only signs checkpoints and purges; this method signs the final checkpoint itself. Its wait
        // for the next tick was once seen never to end after the cancellation (a test host on a fake clock hung in
        // disposal for 40 minutes in CI), so stopping waits for the loop a bounded, real-time while and goes on.
        try
        {
            // WaitAsync, not WhenAny with a Task.Delay: the delay's timer would stay armed for the full wait after every
            // ordinary stop (each test host's disposal).
            if (_timer is not null) await _timer.WaitAsync(TimerStopWait, CancellationToken.None);
        }
        catch (TimeoutException)
        {
            logger.LogWarning("The audit checkpoint timer did not stop within {Seconds} s; stopping without waiting for it", TimerStopWait.TotalSeconds);
        }
        catch (Exception e)
        {
            // WaitAsync rethrows what ended the loop, where WhenAny never did. Whatever it was, the writer must still be
            // drained below, or records already queued would never be committed.
            logger.LogError(e, "The audit checkpoint timer failed; stopping the writer anyway");
        }
        await writer.StopAsync();
        try
        {
            await log.CheckpointIfGrownAsync(force: false, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // The host's shutdown timeout ran out (another checkpoint held the gate, or the node is overloaded). Every
            // entry is durable already; the next start's timer signs the checkpoint. Stopping must not fail for it:
            // a throwing StopAsync failed the host's disposal (and with it whole test classes in CI).
            logger.LogWarning("Final audit checkpoint skipped: shutdown timed out; the next start signs one");
        }
        catch (Exception e)
        {
            logger.LogError(e, "Final audit checkpoint failed");
        }
    }

    public void Dispose()
    {
        // Disposed before a stop ran (a failed start, a timed-out shutdown): nothing is left to stop afterwards.
        if (Interlocked.Exchange(ref _stopped, 1) == 0) _stop.Cancel();
        _stop.Dispose();
    }
}
