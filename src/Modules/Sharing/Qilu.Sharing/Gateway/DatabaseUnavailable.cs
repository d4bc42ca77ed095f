using Microsoft.Data.Sqlite;
using Npgsql;

namespace Qilu.Sharing.Gateway;

/// <summary>
/// Recognises the database providers' transient failures (PostgreSQL: connection-slot or pool exhaustion, broken or
/// refused connections, server shutting down; SQLite: database busy or locked) anywhere in an exception chain, so the
/// gateway can tell the caller to retry (503) instead of failing with a 500 the caller cannot act on.
/// </summary>
internal static class DatabaseUnavailable
{
    /// <summary>SQLITE_BUSY and SQLITE_LOCKED (https://www.sqlite.org/rescode.html): another writer holds the lock past the busy timeout.</summary>
    private const int SqliteBusy = 5, SqliteLocked = 6;

    /// <summary>How long a caller should wait before retrying when the database is unavailable.</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(5);

    public static bool IsTransient(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case SqliteException { SqliteErrorCode: SqliteBusy or SqliteLocked }:
                // Npgsql marks pool exhaustion (inner TimeoutException), socket/IO failures and the 53xxx/08xxx/57P0x
                // SQLSTATEs (too_many_connections, connection_failure, admin_shutdown…) as transient.
                case NpgsqlException { IsTransient: true }:
                    return true;
            }
        }
        return false;
    }
}
