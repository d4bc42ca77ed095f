using Qilu.Platform.Persistence;

namespace Qilu.Matters.Tests;

/// <summary>One seeded host per test class, on SQLite or (when QILU_TEST_POSTGRES is set) PostgreSQL, with cached API clients per demo login.</summary>
public abstract class MattersFixture : IAsyncLifetime
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Task<HttpClient>> _clients = [];
    private MattersHost? _host;

    public abstract DatabaseProvider Provider { get; }

    public virtual MattersHost Host
    {
        get
        {
            lock (_gate) return _host ??= new MattersHost(Provider);
        }
    }

    /// <summary>An API client signed in as the demo login (cached per fixture).</summary>
    public Task<HttpClient> As(string login)
    {
        var host = Host;
        lock (_gate)
        {
            if (!_clients.TryGetValue(login, out var client)) _clients[login] = client = TestSession.ApiAsAsync(host, login);
            return client;
        }
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (_host is not null) await _host.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}

/// <summary>The host on SQLite.</summary>
public sealed class MattersSqliteFixture : MattersFixture
{
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

/// <summary>The host on PostgreSQL; skipped with the reason when QILU_TEST_POSTGRES is absent.</summary>
public sealed class MattersPostgresFixture : MattersFixture
{
    public override DatabaseProvider Provider => DatabaseProvider.PostgreSql;

    public override MattersHost Host
    {
        get
        {
            _ = TestEnvironment.RequirePostgres();
            return base.Host;
        }
    }
}
