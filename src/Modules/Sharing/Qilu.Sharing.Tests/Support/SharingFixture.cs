using Qilu.Platform.Persistence;

namespace Qilu.Sharing.Tests.Support;

/// <summary>One host per test class, created on first use; every slice test class runs on SQLite and on PostgreSQL.</summary>
public abstract class SharingFixture : IAsyncLifetime
{
    private readonly Lock _gate = new();
    private SharingHost? _host;
    private Task<Scenario>? _scenario;

    public abstract DatabaseProvider Provider { get; }

    public virtual SharingHost Host
    {
        get
        {
            lock (_gate) return _host ??= new SharingHost(Provider);
        }
    }

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

    public override SharingHost Host
    {
        get
        {
            _ = TestEnvironment.RequirePostgres();
            return base.Host;
        }
    }
}
