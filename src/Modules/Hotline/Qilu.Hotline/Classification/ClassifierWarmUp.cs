using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Qilu.Hotline.Classification;

/// <summary>
/// Trains the classifier in the background as the host starts, so the first agent of the day does not wait for it
/// (training takes seconds, more on a busy node) and the host is ready to listen without waiting either. Training
/// begins in <see cref="StartingAsync"/>, which the host calls for every hosted service before the first one starts:
/// it then overlaps the migrations (which mostly wait on the disk) instead of following the demo seed, whose 12345
/// tickets are classified at intake and would otherwise wait for the training (ADR 0020).
/// </summary>
internal sealed partial class ClassifierWarmUp(IServiceProvider services, ILogger<ClassifierWarmUp> log) : IHostedLifecycleService
{
    private Task? _training;

    public Task StartingAsync(CancellationToken cancellationToken)
    {
        _training = Task.Run(() =>
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            services.GetRequiredService<ITicketClassifier>().Classify("预热");
            LogReady(log, System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }, cancellationToken);
        return Task.CompletedTask;
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    // Training is not cancellable; a host stopped during start-up waits for it rather than leaving it running.
    public Task StopAsync(CancellationToken cancellationToken) => _training is { } t ? t.WaitAsync(cancellationToken) : Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Hotline classifier ready after {Milliseconds:F0} ms")]
    private static partial void LogReady(ILogger logger, double milliseconds);
}
