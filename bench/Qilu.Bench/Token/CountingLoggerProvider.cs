using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Qilu.Bench.Token;

/// <summary>
/// Counts the log entries the host's filters let through (Information and above by default), per category, so the
/// benchmark can say how many entries one request costs. Formats nothing.
/// </summary>
internal sealed class CountingLoggerProvider : ILoggerProvider
{
    private long _count;

    public ConcurrentDictionary<string, long> ByCategory { get; } = new(StringComparer.Ordinal);

    public long Count => Interlocked.Read(ref _count);

    public ILogger CreateLogger(string categoryName) => new Counter(this, categoryName);

    public Dictionary<string, long> Snapshot() => new(ByCategory, StringComparer.Ordinal);

    public void Dispose()
    {
    }

    private sealed class Counter(CountingLoggerProvider owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            Interlocked.Increment(ref owner._count);
            owner.ByCategory.AddOrUpdate(category, 1, (_, n) => n + 1);
        }
    }
}
