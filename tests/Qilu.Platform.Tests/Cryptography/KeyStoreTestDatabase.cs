using Npgsql;
using Qilu.Platform.Persistence;

namespace Qilu.Platform.Tests.Cryptography;

/// <summary>A throw-away database: a temp SQLite file, or a unique PostgreSQL database (QILU_TEST_POSTGRES).</summary>
internal abstract class KeyStoreTestDatabase : IAsyncDisposable
{
    public abstract DatabaseConnection Connection { get; }

    public abstract ValueTask DisposeAsync();

    public static KeyStoreTestDatabase Sqlite() => new SqliteDatabase();

    public static async Task<KeyStoreTestDatabase> PostgresAsync()
    {
        var cs = Environment.GetEnvironmentVariable("QILU_TEST_POSTGRES");
        Assert.SkipWhen(string.IsNullOrEmpty(cs), "PostgreSQL suite skipped: set QILU_TEST_POSTGRES");
        var name = "qilu_keys_" + Guid.NewGuid().ToString("N")[..12];
        await using (var admin = new NpgsqlConnection(cs))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", admin);
            await create.ExecuteNonQueryAsync();
        }
        var builder = new NpgsqlConnectionStringBuilder(cs) { Database = name };
        return new PostgresDatabase(cs!, name, new DatabaseConnection(DatabaseProvider.PostgreSql, builder.ConnectionString));
    }

    private sealed class SqliteDatabase : KeyStoreTestDatabase
    {
        private readonly string _dir = Directory.CreateTempSubdirectory("qilu-keys-").FullName;

        public SqliteDatabase() =>
            Connection = new DatabaseConnection(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(_dir, "qilu.db")};Pooling=False");

        public override DatabaseConnection Connection { get; }

        public override ValueTask DisposeAsync()
        {
            Directory.Delete(_dir, recursive: true);
            return ValueTask.CompletedTask;
        }
    }

    private sealed class PostgresDatabase(string adminConnection, string name, DatabaseConnection connection) : KeyStoreTestDatabase
    {
        public override DatabaseConnection Connection { get; } = connection;

        public override async ValueTask DisposeAsync()
        {
            await Persistence.TestDatabases.DropPostgresAsync(adminConnection, name);
        }
    }
}
