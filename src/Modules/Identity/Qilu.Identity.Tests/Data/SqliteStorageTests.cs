using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace Qilu.Identity.Tests.Data;

/// <summary>
/// The store on SQLite: the modules' file and the audit log's (each with its write-ahead log) under the data directory,
/// tables prefixed per module.
/// </summary>
public sealed class SqliteStorageTests(IdentityHostFixture fixture) : StorageTestsBase(fixture), IClassFixture<IdentityHostFixture>
{
    private const string HistorySuffix = "___ef_migrations";

    protected override async Task<byte[]> ReadWholeStoreAsync()
    {
        _ = Host.Server;
        // qilu.db and qilu-audit.db with their -wal/-shm companions: recent writes may sit only in a write-ahead log, and
        // what the audit log holds of an account must be as protected as the account itself.
        var bytes = new List<byte>();
        var files = Directory.EnumerateFiles(Host.DataDirectory, "qilu*.db*").ToList();
        files.ShouldContain(f => Path.GetFileName(f) == "qilu-audit.db");
        foreach (var file in files)
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
        foreach (var file in Files)
        {
            foreach (var table in await TablesAsync(file))
            {
                if (!table.EndsWith(HistorySuffix, StringComparison.Ordinal)) continue;
                await using var connection = await OpenAsync(file);
                await using var command = connection.CreateCommand();
                command.CommandText = $"SELECT count(*) FROM \"{table}\"";
                result[table[..^HistorySuffix.Length]] = Convert.ToInt32(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
            }
        }
        return result;
    }

    // EF Core's migration lock table has a fixed name and is shared by every context in a file; it serialises
    // migrations across modules, holds no data, and is expected (ADR 0002).
    protected override async Task<List<string>> StrayTablesAsync(IReadOnlyCollection<string> modules)
    {
        var stray = new List<string>();
        foreach (var file in Files)
            stray.AddRange((await TablesAsync(file)).Where(t => t != "__EFMigrationsLock" && !modules.Any(m => t.StartsWith(m + "_", StringComparison.Ordinal))));
        return stray;
    }

    /// <summary>The modules' file and the audit log's own (ADR 0004 addendum 1), which holds only the audit tables.</summary>
    private string[] Files
    {
        get
        {
            _ = Host.Server;
            var audit = Host.Services.GetRequiredService<Qilu.Platform.Audit.AuditLogDatabase>().Connection.ConnectionString;
            audit.ShouldNotBe(Host.ConnectionString);
            return [Host.ConnectionString, audit];
        }
    }

    private static async Task<List<string>> TablesAsync(string file)
    {
        await using var connection = await OpenAsync(file);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'";
        var tables = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        return tables;
    }

    private async Task<SqliteConnection> OpenAsync() => await OpenAsync(Files[0]);

    private static async Task<SqliteConnection> OpenAsync(string file)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder(file) { Mode = SqliteOpenMode.ReadOnly }.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }
}
