using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Qilu.Host.Operations;
using Qilu.Platform.Persistence;
using Qilu.Testing;
using Shouldly;

namespace Qilu.Host.Tests.Operations;

public sealed class DatabaseHealthCheckTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Task<HealthCheckResult> CheckAsync(DatabaseConnection? registered, Dictionary<string, string?>? settings = null)
    {
        var services = new ServiceCollection();
        if (registered is not null) services.AddSingleton(registered);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings ?? []).Build();
        IHostEnvironment environment = new HostingEnvironment { ContentRootPath = Path.GetTempPath(), EnvironmentName = "Production" };
        var check = new DatabaseHealthCheck(services.BuildServiceProvider(), configuration, environment);
        var context = new HealthCheckContext
        {
            Registration = new HealthCheckRegistration("database", check, HealthStatus.Unhealthy, null),
        };
        return check.CheckHealthAsync(context, Ct);
    }

    [Fact]
    public async Task Check_WhenSqliteFileCanBeOpened_IsHealthy()
    {
        var directory = Directory.CreateTempSubdirectory("qilu-health-");
        try
        {
            var result = await CheckAsync(null, new() { ["Qilu:DataDirectory"] = directory.FullName });

            result.Status.ShouldBe(HealthStatus.Healthy);
            result.Data["provider"].ShouldBe("Sqlite");
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Check_WhenPostgresDoesNotAnswer_IsUnhealthyWithReason()
    {
        // Port 1 on loopback: nothing listens there, the connection is refused at once.
        var result = await CheckAsync(new DatabaseConnection(DatabaseProvider.PostgreSql,
            "Host=127.0.0.1;Port=1;Database=none;Username=none;Password=none;Timeout=3"));

        result.Status.ShouldBe(HealthStatus.Unhealthy);
        result.Description.ShouldBe("PostgreSql 无应答 / PostgreSql did not answer");
        result.Exception.ShouldNotBeNull();
    }

    [Fact]
    public async Task Check_WhenPostgresIsConfiguredWithoutConnectionString_IsUnhealthy()
    {
        var result = await CheckAsync(null, new() { ["Qilu:Database:Provider"] = "PostgreSql" });

        result.Status.ShouldBe(HealthStatus.Unhealthy);
        result.Description.ShouldBe("数据库未配置 / database not configured");
    }

    [Fact]
    public async Task Check_WhenPostgresAnswers_IsHealthy()
    {
        var server = TestEnvironment.RequirePostgres();
        await using var database = PostgresDatabase.Create(server);

        var result = await CheckAsync(new DatabaseConnection(DatabaseProvider.PostgreSql, database.ConnectionString));

        result.Status.ShouldBe(HealthStatus.Healthy);
        result.Data["provider"].ShouldBe("PostgreSql");
    }
}
