using Qilu.Platform.Persistence;

namespace Qilu.Testing;

/// <summary>How a <see cref="QiluFactory"/> configures the host it starts.</summary>
public sealed record QiluFactoryOptions
{
    /// <summary>SQLite in the factory's temp data directory (default) or a fresh database on <c>QILU_TEST_POSTGRES</c>.</summary>
    public DatabaseProvider Provider { get; init; } = DatabaseProvider.Sqlite;

    /// <summary>Host environment; Development serves static assets straight from the build output.</summary>
    public string Environment { get; init; } = "Development";

    /// <summary>Seed the demo province (<c>Qilu:Demo:Enabled</c>).</summary>
    public bool DemoData { get; init; } = true;

    /// <summary>Further configuration, applied last (keys as in appsettings, <c>Qilu:RateLimiting:Public:TokenLimit</c>).</summary>
    public IReadOnlyDictionary<string, string?> Settings { get; init; } = new Dictionary<string, string?>();

    /// <summary>Extra service registrations applied after the host's own (a module's test double, a declared permission).</summary>
    public Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? ConfigureServices { get; init; }
}
