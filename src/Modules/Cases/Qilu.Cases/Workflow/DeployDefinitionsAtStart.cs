using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Qilu.Cases.Workflow;

/// <summary>
/// Deploys the shipped process definitions once the application has started. Not in the module initializer: a
/// deployment writes an audit entry, and the audit log's writer only runs after start-up work is done (waiting for it
/// there would deadlock the start).
/// </summary>
internal sealed partial class DeployDefinitionsAtStart(IHostApplicationLifetime lifetime, CaseDefinitions definitions, ILogger<DeployDefinitionsAtStart> log) : IHostedService
{
    private Task? _deploying;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() => _deploying = Task.Run(async () =>
        {
            try
            {
                await definitions.DeployShippedAsync(lifetime.ApplicationStopping);
            }
            catch (Exception e) when (e is InvalidOperationException or OperationCanceledException)
            {
                Failed(log, e);
            }
        }));
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_deploying is { } t) await t.WaitAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Deploying the Cases process definitions failed")]
    private static partial void Failed(ILogger logger, Exception e);
}
