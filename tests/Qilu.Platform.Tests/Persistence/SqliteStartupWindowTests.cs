using Microsoft.Data.Sqlite;
using Qilu.Platform.Persistence;
using Shouldly;

namespace Qilu.Platform.Tests.Persistence;

public sealed class SqliteStartupWindowTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("qilu-window-").FullName;

    private DatabaseConnection Db => new(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(_dir, "qilu.db")};Pooling=True");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dir, recursive: true); }
        catch (IOException) { /* temp folder */ }
    }

    [Fact]
    public async Task OpenAsync_WhenFileIsNew_PutsItInWalMode()
    {
        await using var window = await SqliteStartupWindow.OpenAsync(Db, TestContext.Current.CancellationToken);

        window.IsRelaxed.ShouldBeTrue();
        (await ScalarAsync(Open(), "PRAGMA journal_mode;")).ShouldBe("wal");
    }

    [Fact]
    public async Task Configure_WhileWindowIsOpen_RelaxesModuleConnectionsAndRestoresFullOnTheSamePooledHandleAfterClose()
    {
        var window = await SqliteStartupWindow.OpenAsync(Db, TestContext.Current.CancellationToken);
        await using (var c = Open())
        {
            (await ScalarAsync(c, "PRAGMA synchronous;")).ShouldBe("1");
            await ExecAsync(c, "CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (42);");
        }

        await window.CloseAsync(TestContext.Current.CancellationToken);

        // The pooled handle that was relaxed comes back from the pool and is made FULL again on this open.
        await using (var c = Open())
        {
            (await ScalarAsync(c, "PRAGMA synchronous;")).ShouldBe("2");
            (await ScalarAsync(c, "SELECT x FROM t;")).ShouldBe("42");
        }
        window.IsRelaxed.ShouldBeFalse();
    }

    [Fact]
    public async Task CloseAsync_AfterCommitsInTheWindow_CheckpointsThemIntoTheDatabaseFile()
    {
        await using (var window = await SqliteStartupWindow.OpenAsync(Db, TestContext.Current.CancellationToken))
        {
            await using var c = Open();
            await ExecAsync(c, "CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (1); INSERT INTO t VALUES (2);");
        }
        SqliteConnection.ClearAllPools();

        // Every frame was copied into the main file: a read that ignores the WAL (immutable) sees the rows.
        var path = Path.Combine(_dir, "qilu.db");
        await using var raw = new SqliteConnection($"Data Source=file:{path}?immutable=1;Mode=ReadOnly");
        await raw.OpenAsync(TestContext.Current.CancellationToken);
        (await ScalarAsync(raw, "SELECT count(*) FROM t;")).ShouldBe("2");
    }

    [Fact]
    public async Task Configure_WhenNoWindowIsOpen_LeavesTheDefaultSynchronousMode()
    {
        await using var c = Open();

        (await ScalarAsync(c, "PRAGMA synchronous;")).ShouldBe("2");
    }

    [Fact]
    public async Task OpenAsync_WhenDatabaseIsInMemory_IsNotRelaxed()
    {
        await using var window = await SqliteStartupWindow.OpenAsync(
            new DatabaseConnection(DatabaseProvider.Sqlite, "Data Source=win;Mode=Memory;Cache=Shared"), TestContext.Current.CancellationToken);

        window.IsRelaxed.ShouldBeFalse();
    }

    [Fact]
    public async Task OpenAsync_WhenPostgreSql_IsNotRelaxed()
    {
        await using var window = await SqliteStartupWindow.OpenAsync(
            new DatabaseConnection(DatabaseProvider.PostgreSql, "Host=127.0.0.1;Database=none"), TestContext.Current.CancellationToken);

        window.IsRelaxed.ShouldBeFalse();
    }

    // A module context's connection: opened, then configured by the platform's interceptor.
    private SqliteConnection Open()
    {
        var c = new SqliteConnection(Db.ConnectionString);
        c.Open();
        SqliteConnections.Configure(c);
        return c;
    }

    private static async Task<string?> ScalarAsync(SqliteConnection c, string sql)
    {
        await using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToString(await cmd.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task ExecAsync(SqliteConnection c, string sql)
    {
        await using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        await cmd.ExecuteNonQueryAsync();
    }
}
