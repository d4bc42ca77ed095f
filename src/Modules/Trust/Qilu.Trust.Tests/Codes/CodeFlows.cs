using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Qilu.Platform.Audit;
using Qilu.SharedKernel.Actors;
using Qilu.SharedKernel.Results;
using Qilu.Trust.Certificates;
using Qilu.Trust.Codes;
using Qilu.Trust.Tests.Certificates;
using Qilu.Trust.Tests.Seals;

namespace Qilu.Trust.Tests.Codes;

internal static class CodeFlows
{
    /// <summary>Demo citizens (account id, ID number), read as a person trying the platform would.</summary>
    public static (string Subject, string IdNumber)[] Citizens(TrustHost host, int count)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(host.Factory.DataDirectory, "demo-accounts.json")));
        var ids = doc.RootElement.GetProperty("credentials").EnumerateArray()
            .Where(c => c.GetProperty("kind").GetString() == "citizen").Select(c => c.GetProperty("login").GetString()!).Take(count).ToArray();
        using var connection = new SqliteConnection(host.Factory.ConnectionString);
        connection.Open();
        return [.. ids.Select(id =>
        {
            using var cmd = connection.CreateCommand();
            cmd.CommandText = "SELECT Id FROM identity_accounts WHERE UserName = $u";
            cmd.Parameters.AddWithValue("$u", "c" + id[^6..]);
            return (cmd.ExecuteScalar()!.ToString()!.ToLowerInvariant(), id);
        })];
    }

    /// <summary>A police unit with a business seal, its issuing official, and a driving licence issued to <paramref name="idNumber"/>.</summary>
    public static async Task<(Actor Police, CertificateView Licence)> DrivingLicenceAsync(TrustHost host, string division, string idNumber)
    {
        var (police, _) = await SealFlows.InUseAsync(host, "public_security", division, "Business");
        var licence = (await CertificateFlows.IssueAsync(host, police, new IssueCertificate.Request(CertificateFlows.DrivingLicence, "张三", idNumber, null,
            new() { ["licenceClass"] = "C1", ["firstIssuedOn"] = "2010-01-01", ["archiveNumber"] = "370100123456" }))).Value;
        return (police, licence);
    }

    public static Task<Result<T>> Run<T>(TrustHost host, Func<CodeServices, Task<Result<T>>> work) =>
        host.RunAsync(sp => work(sp.GetRequiredService<CodeServices>()));

    public static ScanPersonalCode.Request Scan(string code, params string[] types) =>
        new(code, "机动车驾驶证业务", "核验驾驶证", types.Length == 0 ? [CertificateFlows.DrivingLicence] : types);

    /// <summary>Audit entries of <paramref name="actorId"/> under <paramref name="prefix"/> (the writer commits asynchronously: wait briefly).</summary>
    public static async Task<IReadOnlyList<AuditEntry>> AuditAsync(TrustHost host, string actorId, string prefix, int atLeast = 1)
    {
        for (var i = 0; ; i++)
        {
            var page = await host.RunAsync(sp => sp.GetRequiredService<IAuditLog>().QueryAsync(new AuditQuery
            {
                ActorId = actorId, ActionPrefix = prefix, Page = new Qilu.SharedKernel.Paging.PageRequest(1, 50),
            }, TestContext.Current.CancellationToken));
            if (page.Items.Count >= atLeast || i == 50) return page.Items;
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }
}
