using Qilu.Platform.Persistence;

namespace Qilu.Catalog.Tests;

/// <summary>
/// One host per test class (booting and seeding take a few seconds), created on first use. Each slice test class is
/// written once against this base and run twice: on SQLite (<see cref="CatalogHostFixture"/>) and on PostgreSQL
/// (<see cref="CatalogPostgresFixture"/>).
/// </summary>
public abstract class CatalogFixture : IAsyncLifetime
{
    private readonly Lock _gate = new();
    private CatalogHost? _host;

    public abstract DatabaseProvider Provider { get; }

    /// <summary>The host; on PostgreSQL without a server this skips the calling test.</summary>
    public virtual CatalogHost Host
    {
        get
        {
            lock (_gate) return _host ??= new CatalogHost(Provider);
        }
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (_host is not null) await _host.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}

/// <summary>The host on SQLite in its temp data directory.</summary>
public sealed class CatalogHostFixture : CatalogFixture
{
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

/// <summary>
/// The host on a fresh PostgreSQL database on <c>QILU_TEST_POSTGRES</c>; every test using it is skipped, with the
/// reason, when the variable is not set.
/// </summary>
public sealed class CatalogPostgresFixture : CatalogFixture
{
    public override DatabaseProvider Provider => DatabaseProvider.PostgreSql;

    public override CatalogHost Host
    {
        get
        {
            _ = TestEnvironment.RequirePostgres();
            return base.Host;
        }
    }
}
