using System.Globalization;
using Npgsql;

namespace Qilu.Testing;

/// <summary>
/// A uniquely named, empty PostgreSQL database on a test server, owned by the server login and dropped on dispose
/// (<c>WITH (FORCE)</c> ends connections a pooled client may still hold).
/// </summary>
public sealed class PostgresDatabase : IDisposable, IAsyncDisposable
{
    private readonly string _server;
    private int _disposed;

    private PostgresDatabase(string server, string name)
    {
        _server = server;
        Name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    /// <summary>The database name, <c>qilu_test_&lt;32 hex&gt;</c>.</summary>
    public string Name { get; }

    /// <summary>The server connection string with <c>Database</c> set to <see cref="Name"/>.</summary>
    public string ConnectionString { get; }

    /// <summary>Creates the database on the server <paramref name="serverConnectionString"/> points at.</summary>
    public static PostgresDatabase Create(string serverConnectionString, string prefix = "qilu_test")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(serverConnectionString);
        var name = string.Create(CultureInfo.InvariantCulture, $"{prefix}_{Guid.NewGuid():N}");
        using var connection = new NpgsqlConnection(Admin(serverConnectionString));
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"CREATE DATABASE \"{name}\"";
        command.ExecuteNonQuery();
        return new PostgresDatabase(serverConnectionString, name);
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        NpgsqlConnection.ClearAllPools();
        using var connection = new NpgsqlConnection(Admin(_server));
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)";
        // FORCE may not terminate a backend of another role (an autovacuum worker that just started on the database):
        // 42501. Such a worker ends within moments, so try again briefly before giving up.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                command.ExecuteNonQuery();
                return;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InsufficientPrivilege && attempt < 20)
            {
                Thread.Sleep(250);
            }
        }
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    // Creating and dropping run outside any pool so that no pooled session keeps the maintenance database busy.
    private static string Admin(string server) =>
        new NpgsqlConnectionStringBuilder(server) { Pooling = false }.ConnectionString;
}
