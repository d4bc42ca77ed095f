using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Qilu.Workflow.Runtime;

namespace Qilu.Workflow.Timers;

/// <summary>
/// Polls for due timers and fires them. Nothing lives only in memory: a timer is a row, so a restart loses none and
/// (claimed in the transaction of its effect) fires none twice. Several nodes on PostgreSQL can poll together.
/// </summary>
internal sealed partial class WorkflowTimerService(WorkflowEngine engine, TimeProvider clock, WorkflowOptions options, ILogger<WorkflowTimerService> log)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.TimerPollInterval, clock);
        do
        {
            try
            {
                var fired = await engine.RunDueTimersAsync(stoppingToken);
                if (fired > 0) LogFired(fired);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Before migrations have run, or a database hiccup: the next tick tries again; timers stay in the table.
                LogFailed(e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Workflow timers fired: {Count}")]
    private partial void LogFired(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Workflow timer poll failed; retrying at the next tick")]
    private partial void LogFailed(Exception e);
}
