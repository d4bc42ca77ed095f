using Qilu.Platform.Persistence;

namespace Qilu.Sharing.Tests.Support;

/// <summary>One host per test class, created on first use; every slice test class runs on SQLite and on PostgreSQL.</summary>
public abstract class SharingFixture : IAsyncLifetime
{
    private readonly Lock _gate = new();
    private SharingHost? _host;
    private Task<Scenario>? _scenario;

    public abstract DatabaseProvider Provider { get; }

    /// <summary>The class's host (a PostgreSQL class is skipped when the suite has no PostgreSQL).</summary>
    public SharingHost Host
    {
        get
        {
            if (Provider == DatabaseProvider.PostgreSql) _ = TestEnvironment.RequirePostgres();
            lock (_gate) return _host ??= CreateHost();
        }
    }

    /// <summary>The class's host; a fixture whose tests need other settings makes its own.</summary>
    protected virtual SharingHost CreateHost() => new(Provider);

    /// <summary>The shared data set of the class: a published person register of 历下区民政局 with rows, and the actors.</summary>
    public Task<Scenario> ScenarioAsync()
    {
        var host = Host;
        lock (_gate) return _scenario ??= Scenario.CreateAsync(host);
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (_host is not null) await _host.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}

public sealed class SqliteSharingFixture : SharingFixture
{
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class PostgresSharingFixture : SharingFixture
{
    public override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}
