using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Qilu.Platform.Cryptography.Fields;
using Qilu.Platform.Cryptography.Keys;
using Qilu.Platform.Persistence;

namespace Qilu.Platform.Tests.Cryptography;

/// <summary>One "node": a service provider with its own key cache over a shared database.</summary>
internal sealed class KeyStoreNode : IAsyncDisposable
{
    private KeyStoreNode(ServiceProvider services, FakeTimeProvider clock, CapturingLoggerProvider logs)
    {
        Services = services;
        Clock = clock;
        Logs = logs;
    }

    public ServiceProvider Services { get; }

    public FakeTimeProvider Clock { get; }

    public CapturingLoggerProvider Logs { get; }

    public IKeyStore Keys => Services.GetRequiredService<IKeyStore>();

    public IFieldProtector Fields => Services.GetRequiredService<IFieldProtector>();

    public static string NewMasterKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public static async Task<KeyStoreNode> StartAsync(DatabaseConnection db, string? masterKey, string dataDirectory = "",
        Action<IServiceCollection>? extra = null, bool migrate = true)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 28, 8, 0, 0, TimeSpan.Zero));
        var logs = new CapturingLoggerProvider();
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddProvider(logs));
        services.AddSingleton<TimeProvider>(clock);
        services.AddQiluKeyStore(db, o =>
        {
            o.MasterKey = masterKey;
            o.DataDirectory = dataDirectory;
        });
        extra?.Invoke(services);
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
        var node = new KeyStoreNode(provider, clock, logs);
        if (migrate) await KeyStoreMigrator.MigrateAsync(provider);
        return node;
    }

    public ValueTask DisposeAsync() => Services.DisposeAsync();
}

internal sealed class CapturingLoggerProvider : ILoggerProvider
{
    public ConcurrentQueue<(LogLevel Level, string Message)> Entries { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    public void Dispose() { }

    private sealed class Logger(CapturingLoggerProvider owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner.Entries.Enqueue((logLevel, formatter(state, exception)));
    }
}
