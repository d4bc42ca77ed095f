using System.Text;
using Npgsql;

namespace Qilu.Identity.Tests.Data;

/// <summary>The store on PostgreSQL: one schema per module, each with its own migrations history.</summary>
public sealed class PostgresStorageTests(IdentityPostgresFixture fixture) : StorageTestsBase(fixture), IClassFixture<IdentityPostgresFixture>
{
    protected override async Task<byte[]> ReadWholeStoreAsync()
    {
        var text = new StringBuilder();
        await using var connection = await OpenAsync();
        foreach (var (schema, table) in await TablesAsync(connection))
        {
            // A row cast to text renders every column, so nothing escapes the search.
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT t::text FROM \"{schema}\".\"{table}\" t";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync()) text.AppendLine(reader.GetString(0));
        }
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    protected override async Task<string?> ReadProtectedIdNumberAsync(string masked)
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT \"IdNumberProtected\" FROM identity.accounts WHERE \"IdNumberMasked\" = @masked";
        command.Parameters.AddWithValue("masked", masked);
        return (string?)await command.ExecuteScalarAsync();
    }

    protected override async Task<Dictionary<string, int>> AppliedMigrationsAsync()
    {
        await using var connection = await OpenAsync();
        var result = new Dictionary<string, int>();
        foreach (var (schema, _) in (await TablesAsync(connection)).Where(t => t.Table == "__EFMigrationsHistory"))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT count(*) FROM \"{schema}\".\"__EFMigrationsHistory\"";
            result[schema] = Convert.ToInt32(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
        }
        return result;
    }

    protected override async Task<List<string>> StrayTablesAsync(IReadOnlyCollection<string> modules)
    {
        await using var connection = await OpenAsync();
        return [.. (await TablesAsync(connection)).Where(t => !modules.Contains(t.Schema)).Select(t => $"{t.Schema}.{t.Table}")];
    }

    private static async Task<List<(string Schema, string Table)>> TablesAsync(NpgsqlConnection connection)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT table_schema, table_name FROM information_schema.tables " +
            "WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema') ORDER BY 1, 2";
        var tables = new List<(string, string)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) tables.Add((reader.GetString(0), reader.GetString(1)));
        return tables;
    }

    private async Task<NpgsqlConnection> OpenAsync()
    {
        _ = Host.Server;
        var connection = new NpgsqlConnection(Host.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }
}
