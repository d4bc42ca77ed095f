using System.CommandLine;
using Qilu.Identity;
using Qilu.Platform.Audit.Verification;
using Qilu.Platform.Audit;

namespace Qilu.Host;

/// <summary>
/// The host's command line: <c>serve</c> (default), <c>migrate</c>, <c>seed demo</c>, <c>admin create</c>,
/// <c>audit verify</c>. Unrecognised tokens (<c>--urls</c>, <c>--Qilu:DataDirectory=…</c>) go to the host's configuration.
/// </summary>
internal static class HostCommands
{
    public static RootCommand Build()
    {
        var root = new RootCommand("齐鲁 Qilu — 一体化数字政府平台 / integrated digital-government platform") { TreatUnmatchedTokensAsErrors = false };
        root.SetAction(pr => QiluApp.Run([.. pr.UnmatchedTokens]));

        var serve = new Command("serve", "启动平台（默认）/ start the platform (default)") { TreatUnmatchedTokensAsErrors = false };
        serve.SetAction(pr => QiluApp.Run([.. pr.UnmatchedTokens]));

        var migrate = new Command("migrate", "执行数据库迁移并创建密钥 / apply migrations and create keys") { TreatUnmatchedTokensAsErrors = false };
        migrate.SetAction((pr, ct) => CliHost.RunAsync(WithoutDemo(pr.UnmatchedTokens), (_, _) =>
        {
            Console.WriteLine("迁移完成 / migrations applied");
            return Task.FromResult(0);
        }, ct));

        var seed = new Command("seed", "写入数据 / seed data") { TreatUnmatchedTokensAsErrors = false };
        var demo = new Command("demo", "写入演示省份（仅首次）/ seed the demo province (first time only)") { TreatUnmatchedTokensAsErrors = false };
        demo.SetAction((pr, ct) => CliHost.RunAsync([.. pr.UnmatchedTokens, "--Qilu:Demo:Enabled=true"], (app, _) =>
        {
            Console.WriteLine($"演示数据已就绪 / demo data ready: {DemoAccountsFile.PathOf(app.Services)}");
            return Task.FromResult(0);
        }, ct));
        seed.Subcommands.Add(demo);

        var admin = new Command("admin", "管理员账号 / administrator accounts");
        var userOption = new Option<string>("--user") { Description = "登录账号 / user name", Required = true };
        var nameOption = new Option<string>("--name") { Description = "姓名 / display name", Required = true };
        var roleOption = new Option<string>("--role") { Description = "sys_admin | sec_admin | audit_admin", Required = true };
        var create = new Command("create", "创建三员管理员（生产环境初始化）/ create an administrator (bootstrap)")
        {
            userOption, nameOption, roleOption,
        };
        create.TreatUnmatchedTokensAsErrors = false;
        create.SetAction((pr, ct) => CliHost.RunAsync(WithoutDemo(pr.UnmatchedTokens), async (app, ct) =>
        {
            var result = await IdentityModule.CreateAdministratorAsync(app.Services,
                pr.GetValue(userOption)!, pr.GetValue(nameOption)!, pr.GetValue(roleOption)!, ct);
            if (!result.IsSuccess)
            {
                foreach (var e in result.Errors) Console.Error.WriteLine($"{e.Field}: {e.Message} / {e.MessageEn}");
                return 2;
            }
            Console.WriteLine($"已创建 / created {pr.GetValue(userOption)}; 初始密码（仅显示一次）/ initial password (shown once): {result.Value}");
            return 0;
        }, ct));
        admin.Subcommands.Add(create);

        var audit = new Command("audit", "审计日志 / audit log");
        var exportOption = new Option<FileInfo?>("--export") { Description = "校验导出文件（JSON Lines）而非数据库 / verify an export file instead of the database" };
        var verify = new Command("verify", "离线校验整个审计日志 / verify the whole audit log offline") { exportOption };
        verify.TreatUnmatchedTokensAsErrors = false;
        verify.SetAction((pr, ct) => CliHost.RunAsync(WithoutDemo(pr.UnmatchedTokens), async (app, ct) =>
        {
            var verifier = app.Services.GetRequiredService<AuditVerifier>();
            AuditVerificationReport report;
            if (pr.GetValue(exportOption) is { } file)
            {
                await using var stream = file.OpenRead();
                report = await verifier.VerifyExportAsync(stream, ct);
            }
            else report = await verifier.VerifyDatabaseAsync(app.Services.GetRequiredService<AuditLogDatabase>().Connection, ct);
            Console.WriteLine($"{(report.IsValid ? "通过 / VALID" : "失败 / INVALID")}: {report.EntriesVerified} entries, tree size {report.TreeSize}, " +
                $"root {Convert.ToHexStringLower(report.RootHash)}, {report.CheckpointsVerified} checkpoints verified, {report.EntriesPerSecond:N0} entries/s");
            foreach (var issue in report.Issues) Console.WriteLine($"  {issue.Code} seq={issue.Sequence} {issue.Message}");
            return report.IsValid ? 0 : 3;
        }, ct));
        audit.Subcommands.Add(verify);

        root.Subcommands.Add(serve);
        root.Subcommands.Add(migrate);
        root.Subcommands.Add(seed);
        root.Subcommands.Add(admin);
        root.Subcommands.Add(audit);
        return root;
    }

    /// <summary>Maintenance verbs never seed demo data, whatever the configuration says.</summary>
    private static string[] WithoutDemo(IReadOnlyList<string> tokens) => [.. tokens, "--Qilu:Demo:Enabled=false"];
}
