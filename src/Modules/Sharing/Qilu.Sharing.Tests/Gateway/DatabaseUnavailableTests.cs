using Microsoft.Data.Sqlite;
using Qilu.Sharing.Gateway;
using Shouldly;

namespace Qilu.Sharing.Tests.Gateway;

/// <summary>The gateway's classifier of transient database failures, against a real SQLite lock and a real constraint error.</summary>
public sealed class DatabaseUnavailableTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"qilu-busy-{Guid.NewGuid():N}.db");

    [Fact]
    public async Task IsTransient_WhenSqliteIsBusy_IsTrue()
    {
        await using var holder = new SqliteConnection($"Data Source={_path};Pooling=False");
        await holder.OpenAsync(TestContext.Current.CancellationToken);
        await Exec(holder, "CREATE TABLE t (id INTEGER PRIMARY KEY); BEGIN IMMEDIATE; INSERT INTO t VALUES (1);");
        // Default Timeout=0 means "no timeout" to Microsoft.Data.Sqlite, which then retries SQLITE_BUSY for ever (the
        // test hung); one second of retries, then the busy error.
        await using var other = new SqliteConnection($"Data Source={_path};Pooling=False;Default Timeout=1");
        await other.OpenAsync(TestContext.Current.CancellationToken);
        var busy = await Should.ThrowAsync<SqliteException>(() => Exec(other, "INSERT INTO t VALUES (2);"));

        busy.SqliteErrorCode.ShouldBe(5);
        DatabaseUnavailable.IsTransient(new InvalidOperationException("wrapped", busy)).ShouldBeTrue();
    }

    [Fact]
    public async Task IsTransient_WhenConstraintFails_IsFalse()
    {
        await using var db = new SqliteConnection($"Data Source={_path};Pooling=False");
        await db.OpenAsync(TestContext.Current.CancellationToken);
        await Exec(db, "CREATE TABLE t (id INTEGER PRIMARY KEY); INSERT INTO t VALUES (1);");
        var duplicate = await Should.ThrowAsync<SqliteException>(() => Exec(db, "INSERT INTO t VALUES (1);"));

        DatabaseUnavailable.IsTransient(duplicate).ShouldBeFalse();
    }

    private static async Task Exec(SqliteConnection c, string sql)
    {
        await using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        await cmd.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        File.Delete(_path);
    }
}
