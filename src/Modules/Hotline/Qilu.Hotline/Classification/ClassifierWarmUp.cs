using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Qilu.Hotline.Classification;

/// <summary>
/// Trains the classifier in the background as the host starts, so the first agent of the day does not wait for it
/// (training takes seconds, more on a busy node) and the host is ready to listen without waiting either.
/// </summary>
internal sealed partial class ClassifierWarmUp(IServiceProvider services, ILogger<ClassifierWarmUp> log) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.Run(() =>
    {
        if (stoppingToken.IsCancellationRequested) return;
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        services.GetRequiredService<ITicketClassifier>().Classify("预热");
        LogReady(log, System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }, stoppingToken);

    [LoggerMessage(Level = LogLevel.Information, Message = "Hotline classifier ready after {Milliseconds:F0} ms")]
    private static partial void LogReady(ILogger logger, double milliseconds);
}
