using Microsoft.Extensions.Hosting;

namespace Qilu.Sharing.Gateway;

/// <summary>
/// Gives back the unused calls of aged quota leases (so other nodes and the usage views see them again) and, when the
/// host stops, of every lease (ADR 0018). Runs on the host's <see cref="TimeProvider"/>.
/// </summary>
internal sealed class QuotaLeaseSweeper(QuotaLedger ledger, TimeProvider clock) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(QuotaLedger.LeaseLifetime / 4, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
                await ledger.ReturnLeasesAsync(all: false, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Host stopping: StopAsync returns everything below.
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await ledger.ReturnLeasesAsync(all: true, CancellationToken.None);
    }
}
