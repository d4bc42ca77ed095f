using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Qilu.Platform.Hosting;
using Qilu.Platform.Persistence;
using Shouldly;

namespace Qilu.Platform.Tests.Hosting;

/// <summary>Where the audit log is stored (ADR 0004 addendum 1): its own SQLite file, except where that would strand a log.</summary>
public sealed class AuditDatabaseLayoutTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("qilu-audit-layout-").FullName;

    private static IConfiguration Settings(string? auditConnectionString = null) => new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?> { [PlatformRegistration.AuditConnectionStringKey] = auditConnectionString })
        .Build();

    private DatabaseConnection Modules(string file = "qilu.db") =>
        new(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(_dir, file)};Pooling=True;Default Timeout=60");

    [Fact]
    public void Resolve_WhenANewDataDirectory_PutsTheLogInASiblingFileWithTheSameOptions()
    {
        var audit = PlatformRegistration.ResolveAuditDatabase(Settings(), Modules());

        var builder = new SqliteConnectionStringBuilder(audit.ConnectionString);
        builder.DataSource.ShouldBe(Path.Combine(_dir, "qilu-audit.db"));
        builder.Pooling.ShouldBeTrue();
        builder.DefaultTimeout.ShouldBe(60);
        PlatformRegistration.ResolveAuditDatabase(Settings(), Modules("other.sqlite")).ConnectionString.ShouldContain("other-audit.sqlite");
    }

    [Fact]
    public void Resolve_WhenTheModulesFileAlreadyHoldsTheLog_KeepsItThere()
    {
        CreateModulesFile("CREATE TABLE audit_entries (seq INTEGER PRIMARY KEY); CREATE TABLE identity_users (id TEXT);");

        PlatformRegistration.ResolveAuditDatabase(Settings(), Modules()).ShouldBe(Modules());
    }

    [Fact]
    public void Resolve_WhenAModulesFileWithoutTheLog_StillSplits()
    {
        CreateModulesFile("CREATE TABLE identity_users (id TEXT);");

        new SqliteConnectionStringBuilder(PlatformRegistration.ResolveAuditDatabase(Settings(), Modules()).ConnectionString).DataSource
            .ShouldBe(Path.Combine(_dir, "qilu-audit.db"));
    }

    [Fact]
    public void Resolve_WhenConfiguredInMemoryOrPostgreSql_FollowsThatChoice()
    {
        var configured = $"Data Source={Path.Combine(_dir, "elsewhere.db")}";
        PlatformRegistration.ResolveAuditDatabase(Settings(configured), Modules()).ShouldBe(new DatabaseConnection(DatabaseProvider.Sqlite, configured));
        var memory = new DatabaseConnection(DatabaseProvider.Sqlite, "Data Source=qilu-test;Mode=Memory;Cache=Shared");
        PlatformRegistration.ResolveAuditDatabase(Settings(), memory).ShouldBe(memory);
        var postgres = new DatabaseConnection(DatabaseProvider.PostgreSql, "Host=db;Database=qilu");
        PlatformRegistration.ResolveAuditDatabase(Settings(configured), postgres).ShouldBe(postgres);
    }

    private void CreateModulesFile(string sql)
    {
        using (var c = new SqliteConnection(Modules().ConnectionString))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = sql;
            cmd.ExecuteNonQuery();
        }
        SqliteConnection.ClearAllPools();
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }
}
