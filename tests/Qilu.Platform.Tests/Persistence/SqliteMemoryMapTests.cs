using Microsoft.Data.Sqlite;
using Qilu.Platform.Persistence;
using Shouldly;

namespace Qilu.Platform.Tests.Persistence;

/// <summary>The memory map is off unless configured, and a configured size reaches new connections (ADR 0019 addendum 1).</summary>
public sealed class SqliteMemoryMapTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("qilu-mmap-").FullName;

    public void Dispose()
    {
        SqliteMemoryMap.Use(0);
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dir, recursive: true); }
        catch (IOException) { /* temp folder */ }
    }

    [Fact]
    public void Configure_ByDefault_LeavesTheMapOff()
    {
        SqliteMemoryMap.Use(0);

        using var c = Open("off.db");

        SqliteMemoryMap.Pragma.ShouldBeEmpty();
        Scalar(c, "PRAGMA mmap_size;").ShouldBe(0L);
    }

    [Fact]
    public void Configure_WhenASizeIsConfigured_MapsThatMuchOfTheFile()
    {
        SqliteMemoryMap.Use(64L << 20);

        using var c = Open("on.db");

        Scalar(c, "PRAGMA mmap_size;").ShouldBe(64L << 20);
    }

    [Fact]
    public void Use_WhenNegative_Throws() => Should.Throw<ArgumentOutOfRangeException>(() => SqliteMemoryMap.Use(-1));

    // A module context's connection (unpooled: each test gets a fresh native handle), configured by the platform's interceptor.
    private SqliteConnection Open(string file)
    {
        var c = new SqliteConnection($"Data Source={Path.Combine(_dir, file)};Pooling=False");
        c.Open();
        SqliteConnections.Configure(c);
        return c;
    }

    private static long Scalar(SqliteConnection c, string sql)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToInt64(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
