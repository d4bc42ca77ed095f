using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Qilu.Trust.Data;

namespace Qilu.Trust.Codes;

/// <summary>
/// Removes expired personal codes (个人码). A code's row exists only so that a scan can consume its nonce once; after
/// the code expires its signed expiry refuses every scan on its own, so the row (holder index, name, subject) is
/// personal data kept for no purpose. What was done with the code stays: the official's request
/// (<see cref="CodeRequest"/>) and the holder's use record (<see cref="CertificateUse"/>, 用证记录) are not touched.
/// Runs every <see cref="Interval"/> on the injected clock.
/// </summary>
internal sealed partial class PersonalCodeSweep(IServiceScopeFactory scopes, TimeProvider clock, ILogger<PersonalCodeSweep> logger) : BackgroundService
{
    /// <summary>Time between sweeps.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(10);

    /// <summary>
    /// How long after its expiry a code is kept: a scan that passed the expiry check a moment before the code expired
    /// must still find the row to consume (otherwise it would report an unknown code instead of succeeding).
    /// </summary>
    public static readonly TimeSpan Grace = TimeSpan.FromMinutes(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The first sweep waits one interval: at start the module's tables may still be migrating.
        using var timer = new PeriodicTimer(Interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await SweepAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
            {
                // The database is briefly busy or not migrated yet: the next tick tries again.
                LogSweepFailed(ex);
            }
        }
    }

    /// <summary>Deletes the codes that expired more than <see cref="Grace"/> ago; returns how many.</summary>
    public async Task<int> SweepAsync(CancellationToken ct)
    {
        var cutoff = clock.GetUtcNow() - Grace;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TrustDbContext>();
        var removed = await db.PersonalCodes.Where(c => c.ExpiresAt < cutoff).ExecuteDeleteAsync(ct);
        if (removed > 0) LogSwept(removed, cutoff);
        return removed;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Removed {Count} personal codes expired before {Cutoff}")]
    private partial void LogSwept(int count, DateTimeOffset cutoff);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sweeping expired personal codes failed; retrying at the next interval")]
    private partial void LogSweepFailed(Exception ex);
}
