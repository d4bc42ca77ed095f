using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Qilu.Sharing.Data;
using Qilu.Sharing.Grants;
using Qilu.SharedKernel.Time;

namespace Qilu.Sharing.Gateway;

/// <summary>What the quota said.</summary>
internal enum QuotaOutcome
{
    Granted,
    DailyExhausted,
    TotalExhausted,
}

/// <summary>
/// Quota by leases (ADR 0018). The database counters (<see cref="QuotaCounter"/>) count calls <em>reserved</em>: a node
/// reserves a block of n calls with one conditional UPDATE of the day's and the total counter
/// (<c>SET used = used + n WHERE used &lt;= limit - n</c>, both rows in one transaction, rolled back unless both
/// moved), then hands the calls out from memory; unused calls go back (<c>used = used - unused</c>) when the lease ages
/// out (<see cref="LeaseLifetime"/>), when the China day rolls, and on shutdown. The database serialises the
/// conditional UPDATE per row on every node (PostgreSQL re-evaluates the WHERE on the newest row version; SQLite has one
/// writer), so the calls served across all nodes never exceed the quota; the cost is one write per block instead of
/// one per call. A crash loses at most the unused part of the node's leases: the quota is then under-served for that
/// day, never over-served. Blocks shrink as the quota runs out (an eighth of what remains, at most
/// <see cref="MaxBlock"/>), so near the limit a node holding a lease can make another node refuse early by only a few
/// calls, for at most <see cref="LeaseLifetime"/>. Far from the limit (≥ 8 × <see cref="MaxBlock"/> calls left) a node
/// holds at most a block and a half (384 calls) of a grant: what a crash can leave counted but unserved that day, and
/// what another node may be refused early by, for about a second.
/// </summary>
internal sealed partial class QuotaLedger(IServiceScopeFactory scopes, TimeProvider clock, ILogger<QuotaLedger> logger)
{
    /// <summary>
    /// Largest block one reservation takes. Each reservation is a durable write on the database's one writer (SQLite),
    /// queued behind the audit log's group commit: at 2,000 calls/s a block of 64 meant 31 such writes a second, and
    /// callers stalled whenever one was late (ADR 0018 addendum 3). A full block needs at least 8 × 256 calls left.
    /// </summary>
    public const int MaxBlock = 256;

    /// <summary>How long a node keeps unused calls before giving them back to the database.</summary>
    public static readonly TimeSpan LeaseLifetime = TimeSpan.FromSeconds(1);

    private readonly ConcurrentDictionary<Guid, Lease> _leases = new();

    /// <summary>Conditional UPDATEs that reserved a block (for tests and metrics).</summary>
    public long Reservations => Interlocked.Read(ref _reservations);

    private long _reservations;

    /// <summary>
    /// The calls this node holds for one grant. <see cref="Unused"/> changes only atomically (a call takes one with a
    /// compare-and-swap that never goes below zero; a return swaps it to zero), so every reserved call is either handed
    /// out or given back, never both. <see cref="Terms"/> is replaced (one reference, read whole) under <see cref="Gate"/>.
    /// </summary>
    private sealed class Lease
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);
        public volatile LeaseTerms? Terms;
        public long Unused;
        public int Refilling;
    }

    /// <summary>What the calls of a lease were reserved against: the China day, the grant's quota terms, when, how many.</summary>
    private sealed record LeaseTerms(int Day, long DailyQuota, long? TotalQuota, long TakenAt, long Block);

    public static int DayOf(DateTimeOffset now)
    {
        var d = WorkingCalendar.ChinaDate(now);
        return d.Year * 10000 + d.Month * 100 + d.Day;
    }

    /// <summary>Consumes one call of the grant's quota: from the lease in memory, else by reserving a new block.</summary>
    public async Task<QuotaOutcome> TryConsumeAsync(Grant grant, DateTimeOffset now, CancellationToken ct)
    {
        var lease = _leases.GetOrAdd(grant.Id, static _ => new Lease());
        var day = DayOf(now);
        // Fast path, no lock: the lease is for this day and these terms and is fresh, and still holds a call.
        if (Current(lease, grant, day) && TryTake(lease))
        {
            RefillAhead(lease, grant, day);
            return QuotaOutcome.Granted;
        }
        await lease.Gate.WaitAsync(ct);
        try
        {
            // A new China day, changed terms or an old lease: give back what is left before taking anew, so the
            // counters the lease was taken from are exact again.
            if (Interlocked.Read(ref lease.Unused) > 0 && !Current(lease, grant, day))
                await ReturnAsync(grant.Id, lease, CancellationToken.None);
            if (TryTake(lease)) return QuotaOutcome.Granted;
            var (outcome, block) = await ReserveAsync(grant, day, ct);
            if (outcome != QuotaOutcome.Granted) return outcome;
            Interlocked.Increment(ref _reservations);
            Renew(lease, grant, day, block);
            // Published last: a lock-free caller that sees the calls also sees the day and terms they belong to.
            Interlocked.Exchange(ref lease.Unused, block - 1);
            return QuotaOutcome.Granted;
        }
        finally
        {
            lease.Gate.Release();
        }
    }

    private bool Current(Lease lease, Grant grant, int day) =>
        lease.Terms is { } t && t.Day == day && t.DailyQuota == grant.DailyQuota && t.TotalQuota == grant.TotalQuota && !Aged(t);

    private static bool TryTake(Lease lease)
    {
        var n = Interlocked.Read(ref lease.Unused);
        while (n > 0)
        {
            var seen = Interlocked.CompareExchange(ref lease.Unused, n - 1, n);
            if (seen == n) return true;
            n = seen;
        }
        return false;
    }

    private void Renew(Lease lease, Grant grant, int day, long block) =>
        lease.Terms = new LeaseTerms(day, grant.DailyQuota, grant.TotalQuota, clock.GetTimestamp(), block);

    /// <summary>
    /// Reserves the next block in the background when a full-size block (the quota is far from used up) is down to
    /// half, so that at volume no call waits for the reserving UPDATE (half a block is ≥ 60 ms of calls at 2,000/s). Near the limit (smaller blocks) nothing is
    /// taken ahead: a node then never holds more than one block, which is what bounds early refusals on other nodes.
    /// </summary>
    private void RefillAhead(Lease lease, Grant grant, int day)
    {
        if (lease.Terms is not { Block: >= MaxBlock } || Interlocked.Read(ref lease.Unused) > MaxBlock / 2) return;
        if (Interlocked.CompareExchange(ref lease.Refilling, 1, 0) != 0) return;
        _ = Task.Run(async () =>
        {
            try
            {
                if (!await lease.Gate.WaitAsync(TimeSpan.Zero)) return;
                try
                {
                    if (!Current(lease, grant, day) || Interlocked.Read(ref lease.Unused) > MaxBlock / 2) return;
                    var (outcome, block) = await ReserveAsync(grant, day, CancellationToken.None);
                    if (outcome != QuotaOutcome.Granted) return;
                    Interlocked.Increment(ref _reservations);
                    // The remainder of the old block joins the new one; the lease is fresh again (LeaseLifetime from now).
                    Renew(lease, grant, day, block);
                    Interlocked.Add(ref lease.Unused, block);
                }
                finally
                {
                    lease.Gate.Release();
                }
            }
            catch (Exception e) when (e is DbException or DbUpdateException or InvalidOperationException or ObjectDisposedException)
            {
                // Nothing was reserved (the transaction rolled back); the next call that finds the lease empty reserves.
                LogRefillFailed(e, grant.Id);
            }
            finally
            {
                Volatile.Write(ref lease.Refilling, 0);
            }
        }, CancellationToken.None);
    }

    /// <summary>Calls used today and in total: the counters less what this node reserved and has not handed out.</summary>
    public async Task<(long Today, long Total)> UsedAsync(Guid grantId, DateTimeOffset now, CancellationToken ct)
    {
        var day = DayOf(now);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SharingDbContext>();
        var rows = await db.Quota.AsNoTracking().Where(q => q.GrantId == grantId && (q.Day == day || q.Day == QuotaCounter.TotalDay)).ToListAsync(ct);
        long today = rows.FirstOrDefault(r => r.Day == day)?.Used ?? 0, total = rows.FirstOrDefault(r => r.Day == QuotaCounter.TotalDay)?.Used ?? 0;
        // Unsynchronised read of the lease: a view, off by at most a call in flight. Other nodes' unused leases are not
        // visible here; they return within LeaseLifetime.
        if (_leases.TryGetValue(grantId, out var lease) && lease.Terms is { } terms && Interlocked.Read(ref lease.Unused) is var unused and > 0)
        {
            if (terms.Day == day) today -= unused;
            if (terms.TotalQuota is not null) total -= unused;
        }
        return (Math.Max(0, today), Math.Max(0, total));
    }

    /// <summary>Gives back the unused calls of leases older than <see cref="LeaseLifetime"/> (all of them when <paramref name="all"/>).</summary>
    public async Task ReturnLeasesAsync(bool all, CancellationToken ct)
    {
        foreach (var (grantId, lease) in _leases)
        {
            if (Interlocked.Read(ref lease.Unused) == 0 || (!all && !Aged(lease))) continue;
            // A sweep never waits for a caller: a lease in use is fresh anyway. Shutdown does wait.
            if (!await lease.Gate.WaitAsync(all ? Timeout.InfiniteTimeSpan : TimeSpan.Zero, ct)) continue;
            try
            {
                if (Interlocked.Read(ref lease.Unused) > 0 && (all || Aged(lease))) await ReturnAsync(grantId, lease, ct);
            }
            finally
            {
                lease.Gate.Release();
            }
        }
    }

    private bool Aged(Lease lease) => lease.Terms is not { } t || Aged(t);

    private bool Aged(LeaseTerms terms) => clock.GetElapsedTime(terms.TakenAt) >= LeaseLifetime;

    private async Task ReturnAsync(Guid grantId, Lease lease, CancellationToken ct)
    {
        if (lease.Terms is not { } terms) return;
        var day = terms.Day;
        var withTotal = terms.TotalQuota is not null;
        // Atomic with the lock-free takers: each unused call is either taken by a caller or given back here.
        var unused = Interlocked.Exchange(ref lease.Unused, 0);
        if (unused == 0) return;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<SharingDbContext>();
            await db.Quota.Where(q => q.GrantId == grantId && (q.Day == day || (withTotal && q.Day == QuotaCounter.TotalDay)))
                .ExecuteUpdateAsync(s => s.SetProperty(q => q.Used, q => q.Used - unused), ct);
        }
        catch (Exception e) when (e is DbException or DbUpdateException or InvalidOperationException or OperationCanceledException or ObjectDisposedException)
        {
            // The calls stay counted as used: the quota is under-served by them, never over-served.
            LogReturnFailed(e, unused, grantId);
        }
    }

    private async Task<(QuotaOutcome Outcome, long Block)> ReserveAsync(Grant grant, int day, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SharingDbContext>();
        var withTotal = grant.TotalQuota is not null;
        var daily = grant.DailyQuota;
        var total = grant.TotalQuota ?? long.MaxValue;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var (usedToday, usedTotal) = await CountersAsync(db, grant.Id, day, withTotal, ct);
                if (withTotal && usedTotal >= total) return (QuotaOutcome.TotalExhausted, 0);
                if (usedToday >= daily) return (QuotaOutcome.DailyExhausted, 0);
                var remaining = Math.Min(daily - usedToday, total - usedTotal);
                var block = Math.Clamp((remaining + 7) / 8, 1, MaxBlock);
                await using var tx = await db.Database.BeginTransactionAsync(ct);
                var updated = await db.Quota
                    .Where(q => q.GrantId == grant.Id && ((q.Day == day && q.Used <= daily - block) || (withTotal && q.Day == QuotaCounter.TotalDay && q.Used <= total - block)))
                    .ExecuteUpdateAsync(s => s.SetProperty(q => q.Used, q => q.Used + block), ct);
                if (updated == (withTotal ? 2 : 1))
                {
                    await tx.CommitAsync(ct);
                    return (QuotaOutcome.Granted, block);
                }
                // Another node reserved between the read and the UPDATE: nothing was taken; read again.
                await tx.RollbackAsync(ct);
            }
            catch (Exception ex) when (attempt < 8 && IsTransient(ex))
            {
                // A deadlock or serialization failure rolled the whole transaction back: nothing was reserved.
            }
            db.ChangeTracker.Clear();
        }
    }

    private static async Task<(long Today, long Total)> CountersAsync(SharingDbContext db, Guid grantId, int day, bool withTotal, CancellationToken ct)
    {
        var rows = await db.Quota.AsNoTracking().Where(q => q.GrantId == grantId && (q.Day == day || q.Day == QuotaCounter.TotalDay)).ToListAsync(ct);
        // The first reservation of a day creates the row; concurrent first reservations (other nodes) race on the
        // primary key and the losers find the row there. Outside the reserving transaction, because a failed INSERT
        // aborts a PostgreSQL transaction.
        var missing = new List<int>(2);
        if (rows.All(r => r.Day != day)) missing.Add(day);
        if (withTotal && rows.All(r => r.Day != QuotaCounter.TotalDay)) missing.Add(QuotaCounter.TotalDay);
        foreach (var d in missing)
        {
            db.Quota.Add(new QuotaCounter { GrantId = grantId, Day = d, Used = 0 });
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // Another node created it first.
            }
            finally
            {
                db.ChangeTracker.Clear();
            }
        }
        if (missing.Count > 0)
            rows = await db.Quota.AsNoTracking().Where(q => q.GrantId == grantId && (q.Day == day || q.Day == QuotaCounter.TotalDay)).ToListAsync(ct);
        return (rows.FirstOrDefault(r => r.Day == day)?.Used ?? 0, rows.FirstOrDefault(r => r.Day == QuotaCounter.TotalDay)?.Used ?? 0);
    }

    private static bool IsTransient(Exception ex) =>
        (ex as DbException ?? ex.InnerException as DbException) is { } db
        && (db.IsTransient || db.SqlState is "40P01" or "40001");

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not reserve the next quota block of grant {GrantId} ahead; the next call reserves it")]
    private partial void LogRefillFailed(Exception e, Guid grantId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not return {Unused} unused quota calls of grant {GrantId}; they stay counted as used")]
    private partial void LogReturnFailed(Exception e, long unused, Guid grantId);
}
