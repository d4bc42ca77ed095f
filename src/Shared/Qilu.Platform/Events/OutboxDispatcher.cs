using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Qilu.Platform.Persistence;

namespace Qilu.Platform.Events;

/// <summary>
/// Delivers one module's outbox. Messages are claimed with a lease by a conditional UPDATE, so several nodes on one
/// PostgreSQL never deliver the same message at the same time (the second UPDATE re-checks the lease after the first
/// commits and matches nothing). Each handler that succeeds is remembered on the message; a failing handler is retried
/// alone with exponential back-off while the others are not called again. At-least-once: a crash after a handler
/// committed but before the message was updated calls that handler again, which is why handlers use the inbox.
/// </summary>
internal sealed partial class OutboxDispatcher<TDbContext>(
    IServiceScopeFactory scopes,
    TimeProvider clock,
    IntegrationEventTypes types,
    ILogger<OutboxDispatcher<TDbContext>> logger) : BackgroundService, IOutboxDispatcher
    where TDbContext : DbContext
{
    private const int BatchSize = 100;
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan IdlePoll = TimeSpan.FromMilliseconds(200);
    private static readonly ConcurrentDictionary<Type, Func<IServiceScopeFactory, IReadOnlyList<string>, IntegrationEvent, CancellationToken, IEnumerable<(string Name, Func<Task> Call)>>> Invokers = new();
    private readonly ConcurrentDictionary<Type, IReadOnlyList<string>> _names = new();

    // Claim tokens name the node for operators reading the table; the random part makes each batch's token unique.
    private readonly string _node = $"{(Environment.MachineName.Length > 40 ? Environment.MachineName[..40] : Environment.MachineName)}:{Environment.ProcessId}";
    private readonly SemaphoreSlim _gate = new(1, 1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            int done;
            try
            {
                done = await DispatchBatchAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
            {
                // The database is briefly unavailable or busy: keep the loop alive and try again.
                LogDispatchFailed(ex, typeof(TDbContext).Name);
                done = 0;
            }
            // Real-time idle wait (not the injected clock): polling cadence is an operational matter, while every
            // timestamp written uses the clock so tests with a fake clock still control back-off.
            if (done == 0) await Task.Delay(IdlePoll, stoppingToken).ConfigureAwait(false);
        }
    }

    public async Task<int> DispatchPendingAsync(CancellationToken cancellationToken)
    {
        var total = 0;
        for (int n; (n = await DispatchBatchAsync(cancellationToken)) > 0;) total += n;
        return total;
    }

    /// <summary>Claims and delivers one batch; returns how many messages it claimed.</summary>
    private async Task<int> DispatchBatchAsync(CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<TDbContext>();
            var outbox = db.Set<OutboxMessage>();
            var now = clock.GetUtcNow();
            var due = await outbox.AsNoTracking()
                .Where(m => m.DispatchedAt == null && m.NextAttemptAt <= now && (m.ClaimedUntil == null || m.ClaimedUntil < now))
                .OrderBy(m => m.NextAttemptAt).Select(m => new { m.Id, m.Type }).Take(BatchSize).ToListAsync(ct);
            if (due.Count == 0) return 0;

            // On SQLite the writes below take the file's write gate (shared with the audit log's and the engines'
            // group commits) so the lock is handed over without SQLite's busy-handler sleeps; handlers run outside it.
            var gate = db.Database.IsSqlite() ? SqliteWriteGate.For(db.Database.GetConnectionString()!) : null;

            // Messages no handler in this process consumes (the consuming module is switched off, or nothing listens)
            // are completed by one conditional UPDATE, as DeliverAsync would complete them one by one after a claim:
            // no claim, no read-back of their payloads, no UPDATE per row. The condition is the claim's, so a message
            // another node holds is left alone.
            var unconsumed = due.Where(m => types.Find(m.Type) is null).Select(m => m.Id).ToList();
            var completed = 0;
            if (unconsumed.Count > 0)
            {
                var dispatchedAt = clock.GetUtcNow();
                await WithGateAsync(gate, async () => completed = await outbox
                    .Where(m => unconsumed.Contains(m.Id) && m.DispatchedAt == null && (m.ClaimedUntil == null || m.ClaimedUntil < now))
                    .ExecuteUpdateAsync(s => s.SetProperty(m => m.DispatchedAt, dispatchedAt)
                        .SetProperty(m => m.ClaimedBy, (string?)null).SetProperty(m => m.ClaimedUntil, (DateTimeOffset?)null), ct), ct);
            }
            var candidates = due.Where(m => types.Find(m.Type) is not null).Select(m => m.Id).ToList();
            if (candidates.Count == 0) return completed;

            var token = $"{_node}:{Guid.NewGuid():N}";
            var until = now + Lease;
            await WithGateAsync(gate, () => outbox.Where(m => candidates.Contains(m.Id) && m.DispatchedAt == null && (m.ClaimedUntil == null || m.ClaimedUntil < now))
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimedBy, token).SetProperty(m => m.ClaimedUntil, until), ct), ct);
            // Read back by primary key (the candidates) rather than by the claim token alone: ClaimedBy has no index, and
            // a scan of the whole outbox per batch (dispatched messages stay in the table) grew with every event ever
            // published; on the workflow engine's file it was the dispatcher's main cost.
            var claimed = await outbox.Where(m => candidates.Contains(m.Id) && m.ClaimedBy == token).OrderBy(m => m.NextAttemptAt).ToListAsync(ct);

            // The batch's outcome (dispatched, handlers done, back-off) is recorded in one commit after every message was
            // delivered. On SQLite every commit is an fsync and takes the file's one write lock, which the publishing
            // module's own transactions need; one per message made the dispatcher the busiest writer. The price is a
            // larger window for re-delivery after a crash (up to a batch instead of one message), which handlers absorb
            // through their inbox as they must anyway (at-least-once). Handlers still run each in a fresh scope per
            // message, so one message's failure leaves no tracked change behind for the next.
            foreach (var message in claimed)
            {
                await DeliverAsync(message, ct);
                message.ClaimedBy = null;
                message.ClaimedUntil = null;
            }
            await WithGateAsync(gate, () => db.SaveChangesAsync(ct), ct);
            return completed + claimed.Count;
        }
        finally
        {
            _gate.Release();
        }
    }

    private static async Task WithGateAsync(SemaphoreSlim? gate, Func<Task> write, CancellationToken ct)
    {
        if (gate is null)
        {
            await write();
            return;
        }
        await gate.WaitAsync(ct);
        try
        {
            await write();
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Delivers one message to the handlers that have not taken it yet and records the outcome on it (not saved).</summary>
    private async Task DeliverAsync(OutboxMessage message, CancellationToken ct)
    {
        var type = types.Find(message.Type);
        if (type is null)
        {
            // Nobody in this process listens to this event (the consuming module is switched off): nothing to do.
            message.DispatchedAt = clock.GetUtcNow();
            return;
        }
        var integrationEvent = (IntegrationEvent)JsonSerializer.Deserialize(message.Payload, type, OutboxModel.Json)!;
        var delivered = message.Delivered.Split('\n', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
        string? error = null;
        var invoker = Invokers.GetOrAdd(type, BuildInvoker);
        foreach (var (name, call) in invoker(scopes, HandlerNames(type), integrationEvent, ct))
        {
            if (delivered.Contains(name)) continue;
            try
            {
                await call();
                delivered.Add(name);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                error = $"{name}: {ex.GetType().Name}: {ex.Message}";
                LogHandlerFailed(ex, name, message.Type, message.Id);
            }
        }
        message.Delivered = string.Join('\n', delivered.Order(StringComparer.Ordinal));
        message.Attempts++;
        var now = clock.GetUtcNow();
        if (error is null)
        {
            message.DispatchedAt = now;
            message.LastError = null;
            return;
        }
        message.LastError = error.Length > 2000 ? error[..2000] : error;
        var backoff = TimeSpan.FromSeconds(Math.Min(MaxBackoff.TotalSeconds, Math.Pow(2, Math.Min(message.Attempts, 20))));
        message.NextAttemptAt = now + backoff;
    }

    /// <summary>
    /// The handler type names of an event type, resolved once: the registrations do not change after the container is
    /// built, and resolving every handler (with its DbContext and the rest) per message only to read names cost more
    /// than some handlers' work.
    /// </summary>
    private IReadOnlyList<string> HandlerNames(Type eventType) => _names.GetOrAdd(eventType, t =>
    {
        using var scope = scopes.CreateScope();
        var handlerType = typeof(IIntegrationEventHandler<>).MakeGenericType(t);
        return [.. scope.ServiceProvider.GetServices(handlerType).Select(h => h!.GetType().FullName!)];
    });

    private static Func<IServiceScopeFactory, IReadOnlyList<string>, IntegrationEvent, CancellationToken, IEnumerable<(string, Func<Task>)>> BuildInvoker(Type eventType) =>
        typeof(OutboxDispatcher<TDbContext>)
            .GetMethod(nameof(HandlersOf), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
            .MakeGenericMethod(eventType)
            .CreateDelegate<Func<IServiceScopeFactory, IReadOnlyList<string>, IntegrationEvent, CancellationToken, IEnumerable<(string, Func<Task>)>>>();

    private static IEnumerable<(string, Func<Task>)> HandlersOf<TEvent>(IServiceScopeFactory scopeFactory, IReadOnlyList<string> names,
        IntegrationEvent integrationEvent, CancellationToken ct)
        where TEvent : IntegrationEvent
    {
        for (var i = 0; i < names.Count; i++)
        {
            var index = i;
            yield return (names[index], async () =>
            {
                // Each handler gets its own scope so a failed one leaves no tracked changes behind for the next.
                await using var scope = scopeFactory.CreateAsyncScope();
                var handler = scope.ServiceProvider.GetServices<IIntegrationEventHandler<TEvent>>().ElementAt(index);
                await handler.HandleAsync((TEvent)integrationEvent, ct);
            });
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox dispatch of {Context} failed; retrying")]
    private partial void LogDispatchFailed(Exception ex, string context);

    [LoggerMessage(Level = LogLevel.Error, Message = "Handler {Handler} failed on {EventType} {EventId}; will retry")]
    private partial void LogHandlerFailed(Exception ex, string handler, string eventType, Guid eventId);
}
