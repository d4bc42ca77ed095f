using Microsoft.Data.Sqlite;

namespace Qilu.Identity.Tests.Data;

/// <summary>The store on SQLite: one file (plus its write-ahead log) under the data directory, tables prefixed per module.</summary>
public sealed class SqliteStorageTests(IdentityHostFixture fixture) : StorageTestsBase(fixture), IClassFixture<IdentityHostFixture>
{
    private const string HistorySuffix = "___ef_migrations";

    protected override async Task<byte[]> ReadWholeStoreAsync()
    {
        _ = Host.Server;
        // The main file and its -wal/-shm companions: recent writes may sit only in the write-ahead log.
        var bytes = new List<byte>();
        foreach (var file in Directory.EnumerateFiles(Host.DataDirectory, "qilu.db*"))
        {
            await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var memory = new MemoryStream();
            await stream.CopyToAsync(memory);
            bytes.AddRange(memory.ToArray());
        }
        return [.. bytes];
    }

    protected override async Task<string?> ReadProtectedIdNumberAsync(string masked)
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT IdNumberProtected FROM identity_accounts WHERE IdNumberMasked = $masked";
        command.Parameters.AddWithValue("$masked", masked);
        return (string?)await command.ExecuteScalarAsync();
    }

    protected override async Task<Dictionary<string, int>> AppliedMigrationsAsync()
    {
        var result = new Dictionary<string, int>();
        foreach (var table in await TablesAsync())
        {
            if (!table.EndsWith(HistorySuffix, StringComparison.Ordinal)) continue;
            await using var connection = await OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT count(*) FROM \"{table}\"";
            result[table[..^HistorySuffix.Length]] = Convert.ToInt32(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
        }
        return result;
    }

    // EF Core's migration lock table has a fixed name and is shared by every context in the file; it serialises
    // migrations across modules, holds no data, and is expected (ADR 0002).
    protected override async Task<List<string>> StrayTablesAsync(IReadOnlyCollection<string> modules) =>
        [.. (await TablesAsync()).Where(t => t != "__EFMigrationsLock" && !modules.Any(m => t.StartsWith(m + "_", StringComparison.Ordinal)))];

    private async Task<List<string>> TablesAsync()
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'";
        var tables = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        return tables;
    }

    private async Task<SqliteConnection> OpenAsync()
    {
        _ = Host.Server;
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder(Host.ConnectionString) { Mode = SqliteOpenMode.ReadOnly }.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }
}
