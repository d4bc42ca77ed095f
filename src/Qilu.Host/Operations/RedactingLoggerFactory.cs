using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Qilu.Host.Operations;

/// <summary>
/// Wraps the host's <see cref="LoggerFactory"/> so that every logger it hands out masks personal data
/// (<see cref="PersonalDataMasker"/>) in messages, structured values, scopes and exception text before any provider
/// (console, JSON console, OpenTelemetry, a test sink) sees them. Wrapping the factory rather than one provider
/// covers providers added later, including ones the operator plugs in.
/// </summary>
internal sealed class RedactingLoggerFactory(ILoggerFactory inner) : ILoggerFactory
{
    private readonly ConcurrentDictionary<string, ILogger> _loggers = new(StringComparer.Ordinal);

    /// <summary>Builds the framework's factory from DI exactly as the default registration would, then wraps it.</summary>
    public static RedactingLoggerFactory Create(IServiceProvider services) =>
        new(new LoggerFactory(
            services.GetServices<ILoggerProvider>(),
            services.GetRequiredService<IOptionsMonitor<LoggerFilterOptions>>(),
            services.GetService<IOptions<LoggerFactoryOptions>>(),
            services.GetService<IExternalScopeProvider>()));

    public ILogger CreateLogger(string categoryName) =>
        _loggers.GetOrAdd(categoryName, static (name, factory) => new RedactingLogger(factory.CreateLogger(name)), inner);

    public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);

    public void Dispose() => inner.Dispose();
}

/// <summary>A logger that masks personal data before passing an entry on.</summary>
internal sealed class RedactingLogger(ILogger inner) : ILogger
{
    public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull =>
        inner.BeginScope(RedactedState.ForScope(state));

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception,
        Func<TState, Exception?, string> formatter)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        if (!inner.IsEnabled(logLevel)) return;
        var message = PersonalDataMasker.Mask(formatter(state, exception));
        var redacted = new RedactedState(message, RedactedState.Values(state));
        inner.Log(logLevel, eventId, redacted, RedactedException.From(exception), static (s, _) => s.ToString());
    }
}
