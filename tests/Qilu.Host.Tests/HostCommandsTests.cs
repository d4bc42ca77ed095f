using Microsoft.Data.Sqlite;
using Shouldly;

namespace Qilu.Host.Tests;

/// <summary>
/// The host's CLI verbs as an operator runs them: <c>migrate</c>, <c>admin create</c> (production bootstrap, audited),
/// and <c>audit verify</c>, which passes on an intact log and fails with exit code 3 once a row is edited behind the
/// triggers' back.
/// </summary>
public sealed class HostCommandsTests : IDisposable
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "qilu-cli-" + Guid.NewGuid().ToString("N"));

    // In process the entry assembly is the test runner; name the host so its static-asset manifest is found.
    private Task<int> RunAsync(params string[] args) =>
        HostCommands.Build().Parse([.. args, $"--Qilu:DataDirectory={_data}", "--Logging:LogLevel:Default=Warning",
            "--applicationName=Qilu.Host"]).InvokeAsync();

    [Fact]
    public async Task Verbs_BootstrapAndVerify_WorkAndDetectTampering()
    {
        (await RunAsync("migrate")).ShouldBe(0);
        File.Exists(Path.Combine(_data, "qilu.db")).ShouldBeTrue();
        // The audit log has a file of its own beside the modules' (ADR 0004 addendum 1).
        File.Exists(Path.Combine(_data, "qilu-audit.db")).ShouldBeTrue();
        File.Exists(Path.Combine(_data, "demo-accounts.json")).ShouldBeFalse("maintenance verbs never seed demo data");

        (await RunAsync("admin", "create", "--user", "root.sys", "--name", "系统管理员", "--role", "sys_admin")).ShouldBe(0);
        (await RunAsync("admin", "create", "--user", "root.sys", "--name", "重复", "--role", "sys_admin")).ShouldBe(2);
        (await RunAsync("admin", "create", "--user", "root.biz", "--name", "业务", "--role", "official")).ShouldBe(2);

        (await RunAsync("audit", "verify")).ShouldBe(0);

        // Someone with file access edits the audit entry of the administrator's creation, dropping the trigger first.
        SqliteConnection.ClearAllPools();
        await using (var db = new SqliteConnection($"Data Source={Path.Combine(_data, "qilu-audit.db")};Pooling=False"))
        {
            await db.OpenAsync();
            await using var cmd = db.CreateCommand();
            cmd.CommandText = "DROP TRIGGER audit_entries_no_update; UPDATE audit_entries SET action = 'identity.users.nothing' WHERE seq = 0;";
            (await cmd.ExecuteNonQueryAsync()).ShouldBe(1);
        }
        (await RunAsync("audit", "verify")).ShouldBe(3);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_data, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
