using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using Qilu.Platform.Audit;
using Qilu.Platform.Audit.Checkpoints;
using Qilu.Platform.Persistence;

namespace Qilu.Platform.Tests.Audit;

/// <summary>One audit log on a real database (a temp SQLite file or a fresh PostgreSQL database), started like the host does.</summary>
internal sealed class AuditDatabase : IAsyncDisposable
{
    private readonly string? _dir;
    private readonly string? _pgAdmin;
    private readonly string? _pgName;

    private AuditDatabase(DatabaseConnection connection, string? dir, string? pgAdmin, string? pgName)
    {
        Connection = connection;
        _dir = dir;
        _pgAdmin = pgAdmin;
        _pgName = pgName;
    }

    public DatabaseConnection Connection { get; }

    public bool IsSqlite => Connection.IsSqlite;

    public ICheckpointSigner Signer { get; } = new EphemeralSm2CheckpointSigner("qilu-audit-test");

    public static AuditDatabase Sqlite()
    {
        var dir = Path.Combine(Path.GetTempPath(), "qilu-audit-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return new AuditDatabase(new DatabaseConnection(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(dir, "qilu.db")}"), dir, null, null);
    }

    public static async Task<AuditDatabase> PostgresAsync()
    {
        var cs = Environment.GetEnvironmentVariable("QILU_TEST_POSTGRES");
        Assert.SkipWhen(string.IsNullOrEmpty(cs), "PostgreSQL suite skipped: set QILU_TEST_POSTGRES");
        var name = "qilu_audit_" + Guid.NewGuid().ToString("N")[..12];
        await using (var c = new NpgsqlConnection(cs))
        {
            await c.OpenAsync();
            await using var cmd = new NpgsqlCommand($"CREATE DATABASE {name}", c);
            await cmd.ExecuteNonQueryAsync();
        }
        var b = new NpgsqlConnectionStringBuilder(cs) { Database = name };
        return new AuditDatabase(new DatabaseConnection(DatabaseProvider.PostgreSql, b.ConnectionString), null, cs, name);
    }

    public async Task<AuditHost> StartAsync(TimeProvider? time = null, Action<AuditLogOptions>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(Signer);
        if (time is not null) services.AddSingleton(time);
        services.AddQiluAuditLog(Connection, o =>
        {
            o.CheckpointInterval = TimeSpan.FromSeconds(60);
            configure?.Invoke(o);
        });
        var sp = services.BuildServiceProvider();
        var hosted = sp.GetServices<IHostedService>().ToList();
        foreach (var h in hosted) await h.StartAsync(CancellationToken.None);
        return new AuditHost(sp, hosted);
    }

    public async Task ExecAsync(string sql)
    {
        await using var c = new Qilu.Platform.Audit.Data.AuditStore(Connection).CreateConnection();
        await c.OpenAsync();
        await using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        await cmd.ExecuteNonQueryAsync();
    }

    public async Task<long> ScalarAsync(string sql)
    {
        await using var c = new Qilu.Platform.Audit.Data.AuditStore(Connection).CreateConnection();
        await c.OpenAsync();
        await using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public string Table(string name) => IsSqlite ? $"audit_{name}" : $"audit.{name}";

    public async ValueTask DisposeAsync()
    {
        if (_dir is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(_dir, true);
            }
            catch (IOException)
            {
            }
        }
        if (_pgAdmin is not null)
        {
            await Persistence.TestDatabases.DropPostgresAsync(_pgAdmin, _pgName!);
        }
    }
}

/// <summary>A started audit log; disposing stops the hosted service (drain + final checkpoint).</summary>
internal sealed class AuditHost(ServiceProvider services, List<IHostedService> hosted) : IAsyncDisposable
{
    public IServiceProvider Services => services;

    public IAuditLog Log => services.GetRequiredService<IAuditLog>();

    internal AuditLog Impl => services.GetRequiredService<AuditLog>();

    public async ValueTask DisposeAsync()
    {
        foreach (var h in hosted) await h.StopAsync(CancellationToken.None);
        await services.DisposeAsync();
    }
}

internal static class FakeClock
{
    public static FakeTimeProvider At(DateTimeOffset t) => new(t);
}
