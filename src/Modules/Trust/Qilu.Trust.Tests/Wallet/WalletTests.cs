using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Qilu.Identity.Contracts;
using Qilu.Platform.Cryptography.Fields;
using Qilu.SharedKernel.Actors;
using Qilu.SharedKernel.Results;
using Qilu.Trust.Auditing;
using Qilu.Trust.Authority;
using Qilu.Trust.Certificates;
using Qilu.Trust.Data;
using Qilu.Trust.Tests.Certificates;
using Qilu.Trust.Tests.Seals;
using Qilu.Trust.Wallet;
using Shouldly;

namespace Qilu.Trust.Tests.Wallet;

[Collection(TrustHostGroup.Name)]
public sealed class WalletTests(TrustHost host)
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    /// <summary>The first two demo citizens: (account id, ID number), read as a person trying the platform would.</summary>
    private (string Subject, string IdNumber)[] Citizens()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(host.Factory.DataDirectory, "demo-accounts.json")));
        var ids = doc.RootElement.GetProperty("credentials").EnumerateArray()
            .Where(c => c.GetProperty("kind").GetString() == "citizen").Select(c => c.GetProperty("login").GetString()!).Take(2).ToArray();
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

    private Task<Result<T>> Run<T>(Func<IServiceProvider, Task<Result<T>>> work) => host.RunAsync(work);

    [Fact]
    public async Task Wallet_WhenCitizenSharesForAPurpose_RecipientOpensUntilExpiryAndEveryUseIsRecorded()
    {
        var citizens = Citizens();
        var (subject, idNumber) = citizens[0];
        var (police, _) = await SealFlows.InUseAsync(host, "public_security", "370102", "Business");
        var issued = (await CertificateFlows.IssueAsync(host, police, new IssueCertificate.Request(CertificateFlows.DrivingLicence, "张三", idNumber, null,
            new() { ["licenceClass"] = "C1", ["firstIssuedOn"] = "2010-01-01", ["archiveNumber"] = "370100123456" }))).Value;
        var citizen = TrustHost.Citizen(subject);

        var mine = (await Run(sp => ListMyCertificates.HandleAsync(citizen, sp.GetRequiredService<TrustDbContext>(), sp.GetRequiredService<IPersonDirectory>(),
            sp.GetRequiredService<IFieldProtector>(), sp.GetRequiredService<TimeProvider>(), Ct))).Value;
        mine.ShouldContain(c => c.Id == issued.Id);

        var shared = (await Run(sp => ShareCertificate.HandleAsync(citizen, issued.Id, new ShareCertificate.Request("办理车辆年检", "济南市车管所", 3),
            sp.GetRequiredService<TrustDbContext>(), sp.GetRequiredService<IPersonDirectory>(), sp.GetRequiredService<IFieldProtector>(),
            sp.GetRequiredService<CertificateAuthority>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<TrustAudit>(), Ct))).Value;
        shared.AnnotatedCopy.ShouldContain("办理车辆年检");

        var opened = await host.Client.GetFromJsonAsync<OpenShare.Response>(shared.Url, Ct);
        opened!.CertificateStatus.ShouldBe("valid");
        var later = new FakeTimeProvider(shared.ExpiresAt.AddMinutes(1));
        var expired = await Run(sp => OpenShare.HandleAsync(shared.Token, null, sp.GetRequiredService<TrustDbContext>(), later, Ct));
        expired.Kind.ShouldBe(ErrorKind.Conflict);

        var uses = (await Run(sp => ListShares.HandleAsync(citizen, issued.Id, sp.GetRequiredService<TrustDbContext>(),
            sp.GetRequiredService<IPersonDirectory>(), sp.GetRequiredService<IFieldProtector>(), Ct))).Value;
        uses.ShouldHaveSingleItem().Uses.Select(u => u.Outcome).ShouldBe(["opened", "refused_expired"]);

        var other = TrustHost.Citizen(citizens[1].Subject);
        (await Run(sp => ShareCertificate.HandleAsync(other, issued.Id, new ShareCertificate.Request("冒用", "", 1),
            sp.GetRequiredService<TrustDbContext>(), sp.GetRequiredService<IPersonDirectory>(), sp.GetRequiredService<IFieldProtector>(),
            sp.GetRequiredService<CertificateAuthority>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<TrustAudit>(), Ct)))
            .Kind.ShouldBe(ErrorKind.NotFound);
    }

    [Fact]
    public async Task Wallet_WhenActorIsAnOfficial_IsForbidden()
    {
        var official = TrustHost.Official(await host.UnitAsync("market", "370100"));
        var result = await Run(sp => ListMyCertificates.HandleAsync(official, sp.GetRequiredService<TrustDbContext>(), sp.GetRequiredService<IPersonDirectory>(),
            sp.GetRequiredService<IFieldProtector>(), sp.GetRequiredService<TimeProvider>(), Ct));
        result.Kind.ShouldBe(ErrorKind.Forbidden);
    }

    [Fact]
    public async Task Wallet_WhenEnterpriseAgent_SeesTheEnterprisesCertificates()
    {
        var official = await CertificateFlows.MarketIssuerAsync(host, "370202");
        var code = CertificateFlows.NewCreditCode();
        var issued = (await CertificateFlows.IssueAsync(host, official, CertificateFlows.Licence(code))).Value;
        var agent = new Actor(ActorKind.EnterpriseAgent, Guid.NewGuid().ToString(), "王五", null, null, new HashSet<string>(), new HashSet<string>(),
            RealNameLevel.Basic, code);

        var mine = (await Run(sp => ListMyCertificates.HandleAsync(agent, sp.GetRequiredService<TrustDbContext>(), sp.GetRequiredService<IPersonDirectory>(),
            sp.GetRequiredService<IFieldProtector>(), sp.GetRequiredService<TimeProvider>(), Ct))).Value;
        mine.ShouldHaveSingleItem().Id.ShouldBe(issued.Id);
    }
}
