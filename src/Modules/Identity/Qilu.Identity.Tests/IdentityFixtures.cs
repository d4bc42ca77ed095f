using Qilu.Platform.Persistence;

namespace Qilu.Identity.Tests;

/// <summary>
/// One host per test class (booting and seeding take a few seconds), created on first use. Each slice test class is
/// written once against this base and run twice: on SQLite (<see cref="IdentityHostFixture"/>) and on PostgreSQL
/// (<see cref="IdentityPostgresFixture"/>).
/// </summary>
public abstract class IdentityFixture : IAsyncLifetime
{
    private readonly Lock _gate = new();
    private IdentityHost? _host;

    public abstract DatabaseProvider Provider { get; }

    /// <summary>The host; on PostgreSQL without a server this skips the calling test.</summary>
    public virtual IdentityHost Host
    {
        get
        {
            lock (_gate) return _host ??= new IdentityHost(Provider);
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
public sealed class IdentityHostFixture : IdentityFixture
{
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

/// <summary>
/// The host on a fresh PostgreSQL database on <c>QILU_TEST_POSTGRES</c>; every test using it is skipped, with the
/// reason, when the variable is not set.
/// </summary>
public sealed class IdentityPostgresFixture : IdentityFixture
{
    public override DatabaseProvider Provider => DatabaseProvider.PostgreSql;

    public override IdentityHost Host
    {
        get
        {
            _ = TestEnvironment.RequirePostgres();
            return base.Host;
        }
    }
}
