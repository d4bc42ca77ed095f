using System.Net;
using System.Text.Json;
using Npgsql;
using Qilu.Platform.Persistence;
using Qilu.Testing;
using Shouldly;

namespace Qilu.Host.Tests;

public sealed class PostgresHostTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Get_Readyz_OnPostgres_ReportsPostgresHealthyAndDropsDatabaseAfterwards()
    {
        var server = TestEnvironment.RequirePostgres();
        string name;
        await using (var factory = new QiluFactory(new QiluFactoryOptions { Provider = DatabaseProvider.PostgreSql }))
        {
            name = factory.Postgres!.Name;
            using var client = factory.CreateClient();

            var response = await client.GetAsync(new Uri("/readyz", UriKind.Relative), Ct);

            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
            var database = json.RootElement.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "database");
            database.GetProperty("status").GetString().ShouldBe("Healthy");
            database.GetProperty("provider").GetString().ShouldBe("PostgreSql");
        }

        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Pooling = false }.ConnectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand("select count(*) from pg_database where datname = @name", connection);
        command.Parameters.AddWithValue("name", name);
        ((long)(await command.ExecuteScalarAsync(Ct))!).ShouldBe(0);
    }
}
