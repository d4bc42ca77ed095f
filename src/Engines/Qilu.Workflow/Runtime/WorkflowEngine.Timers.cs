using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Qilu.Workflow.Contracts;
using Qilu.Workflow.Data;

namespace Qilu.Workflow.Runtime;

internal sealed partial class WorkflowEngine
{
    /// <summary>
    /// Fires one due timer: claims it and applies its effect in one transaction. On PostgreSQL the claim is a row lock
    /// taken with SKIP LOCKED, so another node skips the row instead of waiting; on both providers the instance's
    /// concurrency token makes a second firing of the same timer fail and, on retry, see it already fired.
    /// </summary>
    internal async Task<bool> FireTimerAsync(Guid timerId, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var scope = scopes.CreateAsyncScope();
            var session = NewSession(scope.ServiceProvider, TimerActor);
            var db = session.Db;
            IDbContextTransaction? tx = null;
            try
            {
                if (!connection.IsSqlite)
                {
                    tx = await db.Database.BeginTransactionAsync(ct);
                    var locked = await db.Database.SqlQuery<Guid>(
                        $"SELECT \"Id\" AS \"Value\" FROM workflow.timers WHERE \"Id\" = {timerId} AND \"State\" = 0 FOR UPDATE SKIP LOCKED").ToListAsync(ct);
                    if (locked.Count == 0) return false;
                }
                var timer = await db.Timers.SingleOrDefaultAsync(t => t.Id == timerId, ct);
                if (timer is null || timer.State != TimerState.Pending || timer.DueAt > session.Now) return false;
                var li = await session.LoadAsync(timer.InstanceId, ct);
                var fired = false;
                if (li is null || li.Instance.State is InstanceState.Completed or InstanceState.Cancelled) timer.State = TimerState.Cancelled;
                else fired = session.Fire(li, timer);
                session.Finish();
                await SaveAsync(db, ct);
                if (tx is not null) await tx.CommitAsync(ct);
                await WriteAuditsAsync(session, ct);
                return fired;
            }
            catch (DbUpdateConcurrencyException) when (attempt < Attempts)
            {
                // The instance changed underneath (an official acted, another node fired): retry on fresh state.
            }
            finally
            {
                if (tx is not null) await tx.DisposeAsync();
            }
        }
    }

    /// <summary>Ids of pending timers due now, earliest first.</summary>
    internal async Task<IReadOnlyList<Guid>> DueTimersAsync(int take, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkflowDbContext>();
        var now = clock.GetUtcNow();
        return await db.Timers.AsNoTracking().Where(t => t.State == TimerState.Pending && t.DueAt <= now)
            .OrderBy(t => t.DueAt).Select(t => t.Id).Take(take).ToListAsync(ct);
    }

    /// <summary>Fires every timer due now; returns how many fired.</summary>
    internal async Task<int> RunDueTimersAsync(CancellationToken ct)
    {
        var fired = 0;
        while (true)
        {
            var due = await DueTimersAsync(200, ct);
            foreach (var id in due)
                if (await FireTimerAsync(id, ct)) fired++;
            if (due.Count < 200) return fired;
        }
    }
}
