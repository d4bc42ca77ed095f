using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Qilu.Testing;

/// <summary>One captured log entry: text, structured values and active scopes as the provider received them.</summary>
public sealed record LogEntry(
    string Category,
    LogLevel Level,
    EventId EventId,
    string Message,
    IReadOnlyList<KeyValuePair<string, object?>> Values,
    IReadOnlyList<string> Scopes,
    string? Exception);

/// <summary>
/// A logger provider that records entries in memory, registered by <see cref="QiluFactory"/> like any other
/// provider, so it sees exactly what the console would print.
/// </summary>
public sealed class LogSink : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<LogEntry> _entries = new();
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public IReadOnlyList<LogEntry> Entries => [.. _entries];

    public ILogger CreateLogger(string categoryName) => new SinkLogger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class SinkLogger(LogSink sink, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => sink._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception,
            Func<TState, Exception?, string> formatter)
        {
            var scopes = new List<string>();
            sink._scopes.ForEachScope(static (scope, list) => list.Add(Describe(scope)), scopes);
            var values = state as IReadOnlyList<KeyValuePair<string, object?>> ?? [];
            sink._entries.Enqueue(new LogEntry(category, logLevel, eventId, formatter(state, exception),
                [.. values], scopes, exception?.ToString()));
        }

        private static string Describe(object? scope)
        {
            if (scope is IEnumerable<KeyValuePair<string, object?>> pairs)
                return $"{scope} [{string.Join(", ", pairs.Select(p => $"{p.Key}={p.Value}"))}]";
            return scope?.ToString() ?? "";
        }
    }
}
