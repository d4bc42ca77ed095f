using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Qilu.Platform.Persistence;
using Qilu.Testing;
using Qilu.Trust.Verification;
using Shouldly;

namespace Qilu.Trust.Tests.Certificates;

/// <summary>The seal-to-verification path on PostgreSQL (its own host and database, dropped afterwards).</summary>
public sealed class PostgresTrustTests
{
    [Fact]
    public async Task IssueAndVerify_OnPostgres_Works()
    {
        Assert.SkipWhen(TestEnvironment.PostgresConnectionString is null, "PostgreSQL suite skipped: set QILU_TEST_POSTGRES");
        await using var host = new PostgresTrustHost();
        await host.InitializeAsync();
        var official = await CertificateFlows.MarketIssuerAsync(host, "370102");
        var c = (await CertificateFlows.IssueAsync(host, official, CertificateFlows.Licence(CertificateFlows.NewCreditCode()))).Value;
        var payload = (await CertificateFlows.GetAsync(host, official, c.Id)).Value.QrPayload;
        (await CertificateFlows.ChangeAsync(host, official, c.Id, "suspend", "核查中")).IsSuccess.ShouldBeTrue();

        var response = await host.Client.PostAsJsonAsync("/api/trust/verify", new { payload }, TestContext.Current.CancellationToken);
        (await response.Content.ReadFromJsonAsync<VerifyQr.Report>(TestContext.Current.CancellationToken))!.Outcome.ShouldBe("suspended");
        _ = host.Factory.Services.GetRequiredService<TimeProvider>();
    }

    private sealed class PostgresTrustHost : TrustHost
    {
        protected override QiluFactoryOptions Options => new() { Provider = DatabaseProvider.PostgreSql };
    }
}
