using Npgsql;

namespace Qilu.Platform.Tests.Persistence;

/// <summary>Dropping the throw-away PostgreSQL databases of this suite's harnesses.</summary>
internal static class TestDatabases
{
    /// <summary>
    /// <c>DROP DATABASE … WITH (FORCE)</c>, which ends the sessions a pooled client may still hold. FORCE cannot end a
    /// backend of another role, and an autovacuum worker that has just started on the new database is one (42501, "must
    /// be a member of the role whose process is being terminated"): such a worker ends within moments, so the drop is
    /// tried again briefly before it fails (as <c>Qilu.Testing.PostgresDatabase</c> does).
    /// </summary>
    public static async Task DropPostgresAsync(string adminConnectionString, string name)
    {
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(adminConnectionString);
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", admin);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await drop.ExecuteNonQueryAsync();
                return;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InsufficientPrivilege && attempt < 20)
            {
                await Task.Delay(250);
            }
        }
    }
}
