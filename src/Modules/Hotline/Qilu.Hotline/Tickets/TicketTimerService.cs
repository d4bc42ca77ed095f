using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Qilu.Hotline.Tickets;

/// <summary>Runs <see cref="TicketTimers"/> every <see cref="HotlineOptions.SweepSeconds"/> (off when 0).</summary>
internal sealed partial class TicketTimerService(IServiceScopeFactory scopes, HotlineOptionsAccessor options, TimeProvider clock,
    ILogger<TicketTimerService> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var seconds = options.Value.SweepSeconds;
        if (seconds <= 0) return;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(seconds), clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<TicketTimers>().SweepAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogSweepFailed(log, ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Hotline timer sweep failed")]
    private static partial void LogSweepFailed(ILogger logger, Exception ex);
}
