using Microsoft.EntityFrameworkCore;
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
/// Atomic quota consumption. The day's and the total counter are raised by one conditional UPDATE
/// (<c>SET used = used + 1 WHERE used &lt; limit</c>) inside one transaction: the database locks each counter row,
/// re-checks the condition after waiting (PostgreSQL READ COMMITTED re-evaluates the WHERE on the newest row
/// version; SQLite serialises writers), so N concurrent callers against a remaining quota of k succeed exactly k
/// times. When either counter is exhausted the transaction rolls back and the other is not charged.
/// </summary>
internal sealed class QuotaLedger(SharingDbContext db)
{
    // A bulkhead per node: at most this many quota transactions hold a pooled connection at once, so a burst of callers
    // queues here instead of exhausting the connection pool the audit writer and the rest of the request also need.
    private static readonly SemaphoreSlim Gate = new(32, 32);

    public static int DayOf(DateTimeOffset now)
    {
        var d = WorkingCalendar.ChinaDate(now);
        return d.Year * 10000 + d.Month * 100 + d.Day;
    }

    public async Task<QuotaOutcome> TryConsumeAsync(Grant grant, DateTimeOffset now, CancellationToken ct)
    {
        await Gate.WaitAsync(ct);
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    return await ConsumeOnceAsync(grant, now, ct);
                }
                catch (Exception ex) when (attempt < 4 && IsTransient(ex))
                {
                    // A deadlock or serialization failure rolled the whole transaction back: nothing was charged.
                    db.ChangeTracker.Clear();
                }
            }
        }
        finally
        {
            Gate.Release();
        }
    }

    private static bool IsTransient(Exception ex) =>
        (ex as System.Data.Common.DbException ?? ex.InnerException as System.Data.Common.DbException) is { } db
        && (db.IsTransient || db.SqlState is "40P01" or "40001");

    private async Task<QuotaOutcome> ConsumeOnceAsync(Grant grant, DateTimeOffset now, CancellationToken ct)
    {
        var day = DayOf(now);
        var withTotal = grant.TotalQuota is not null;
        await EnsureCountersAsync(grant.Id, day, withTotal, ct);
        var daily = grant.DailyQuota;
        var total = grant.TotalQuota ?? long.MaxValue;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var updated = await db.Quota
            .Where(q => q.GrantId == grant.Id && ((q.Day == day && q.Used < daily) || (withTotal && q.Day == QuotaCounter.TotalDay && q.Used < total)))
            .ExecuteUpdateAsync(s => s.SetProperty(q => q.Used, q => q.Used + 1), ct);
        if (updated == (withTotal ? 2 : 1))
        {
            await tx.CommitAsync(ct);
            return QuotaOutcome.Granted;
        }
        await tx.RollbackAsync(ct);
        if (!withTotal) return QuotaOutcome.DailyExhausted;
        var totalUsed = await db.Quota.AsNoTracking().Where(q => q.GrantId == grant.Id && q.Day == QuotaCounter.TotalDay).Select(q => q.Used).FirstAsync(ct);
        return totalUsed >= total ? QuotaOutcome.TotalExhausted : QuotaOutcome.DailyExhausted;
    }

    /// <summary>Calls used today and in total.</summary>
    public async Task<(long Today, long Total)> UsedAsync(Guid grantId, DateTimeOffset now, CancellationToken ct)
    {
        var day = DayOf(now);
        var rows = await db.Quota.AsNoTracking().Where(q => q.GrantId == grantId && (q.Day == day || q.Day == QuotaCounter.TotalDay)).ToListAsync(ct);
        return (rows.FirstOrDefault(r => r.Day == day)?.Used ?? 0, rows.FirstOrDefault(r => r.Day == QuotaCounter.TotalDay)?.Used ?? 0);
    }

    private async Task EnsureCountersAsync(Guid grantId, int day, bool withTotal, CancellationToken ct)
    {
        // The first call of a day creates the row; concurrent first calls race on the primary key and the losers
        // simply find the row there. Outside the consuming transaction, because a failed INSERT aborts a
        // PostgreSQL transaction.
        var days = withTotal ? new[] { day, QuotaCounter.TotalDay } : [day];
        var existing = await db.Quota.AsNoTracking().Where(q => q.GrantId == grantId && days.Contains(q.Day)).Select(q => q.Day).ToListAsync(ct);
        foreach (var d in days.Except(existing))
        {
            db.Quota.Add(new QuotaCounter { GrantId = grantId, Day = d, Used = 0 });
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // Another caller created it first.
            }
            finally
            {
                db.ChangeTracker.Clear();
            }
        }
    }
}
