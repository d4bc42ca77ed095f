using Xunit;

namespace Qilu.Testing;

/// <summary>
/// One host shared by the tests of a collection. A test project declares the collection in its own assembly
/// (xUnit discovers collection definitions only there):
/// <code>
/// [CollectionDefinition(Name)]
/// public sealed class HostCollection : ICollectionFixture&lt;QiluFixture&gt; { public const string Name = "host"; }
/// [Collection(HostCollection.Name)]
/// public sealed class MyTests(QiluFixture host) { ... host.Client ... }
/// </code>
/// Tests that change configuration (tiny rate limits, another environment) create their own
/// <see cref="QiluFactory"/> with <see cref="QiluFactoryOptions"/> instead.
/// </summary>
public class QiluFixture : IAsyncLifetime
{
    private QiluFactory? _factory;
    private HttpClient? _client;

    public QiluFactory Factory => _factory ?? throw new InvalidOperationException("The fixture is not initialized.");

    /// <summary>A client for the in-process host (cookies kept, redirects followed).</summary>
    public HttpClient Client => _client ?? throw new InvalidOperationException("The fixture is not initialized.");

    /// <summary>The options the shared host starts with; override for a PostgreSQL collection.</summary>
    protected virtual QiluFactoryOptions Options => new();

    /// <summary>Listen on a real loopback port (Kestrel) instead of the in-memory test server: for out-of-process clients
    /// and for tests that run two hosts that call each other.</summary>
    protected virtual bool OnKestrel => false;

    /// <summary>The loopback address when <see cref="OnKestrel"/>, else null.</summary>
    public Uri? Address { get; private set; }

    public virtual ValueTask InitializeAsync()
    {
        _factory = new QiluFactory(Options);
        if (OnKestrel) Address = _factory.StartOnKestrel();
        _client = _factory.CreateClient();
        return ValueTask.CompletedTask;
    }

    public virtual async ValueTask DisposeAsync()
    {
        _client?.Dispose();
        if (_factory is not null) await _factory.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}

/// <summary>
/// The shared host on a fresh PostgreSQL database. When <c>QILU_TEST_POSTGRES</c> is not set no host starts; each test
/// calls <see cref="TestEnvironment.RequirePostgres"/> first and is skipped.
/// </summary>
public class PostgresQiluFixture : QiluFixture
{
    public static bool Available => TestEnvironment.PostgresConnectionString is not null;

    protected override QiluFactoryOptions Options => new() { Provider = Qilu.Platform.Persistence.DatabaseProvider.PostgreSql };

    public override ValueTask InitializeAsync() => Available ? base.InitializeAsync() : ValueTask.CompletedTask;
}
