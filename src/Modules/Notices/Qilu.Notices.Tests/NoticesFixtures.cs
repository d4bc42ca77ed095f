using Qilu.Platform.Persistence;

namespace Qilu.Notices.Tests;

/// <summary>One seeded host per test class, on SQLite or (when QILU_TEST_POSTGRES is set) PostgreSQL.</summary>
public abstract class NoticesFixture : IAsyncLifetime
{
    private readonly Lock _gate = new();
    private NoticesHost? _host;

    public abstract DatabaseProvider Provider { get; }

    public virtual NoticesHost Host
    {
        get
        {
            lock (_gate) return _host ??= new NoticesHost(Provider);
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
public sealed class NoticesSqliteFixture : NoticesFixture
{
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

/// <summary>The host on PostgreSQL; skipped with the reason when QILU_TEST_POSTGRES is absent.</summary>
public sealed class NoticesPostgresFixture : NoticesFixture
{
    public override DatabaseProvider Provider => DatabaseProvider.PostgreSql;

    public override NoticesHost Host
    {
        get
        {
            _ = TestEnvironment.RequirePostgres();
            return base.Host;
        }
    }
}
