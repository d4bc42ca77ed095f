using Shouldly;

namespace Qilu.Trust.Tests.Verification;

[Collection(TrustHostGroup.Name)]
public sealed class VerifyPageTests(TrustHost host)
{
    [Fact]
    public async Task VerifyPage_WhenOpenedWithoutSignIn_Renders()
    {
        var response = await host.Client.GetAsync("/verify", TestContext.Current.CancellationToken);
        response.IsSuccessStatusCode.ShouldBeTrue();
        (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldContain("qr-payload");
    }

    [Fact]
    public async Task EnterprisePage_WhenOpenedFromTheCode_ShowsTheProfileAndTheCheck()
    {
        var official = await Certificates.CertificateFlows.MarketIssuerAsync(host, "370124");
        var creditCode = Certificates.CertificateFlows.NewCreditCode();
        await Certificates.CertificateFlows.IssueAsync(host, official, Certificates.CertificateFlows.Licence(creditCode));
        var code = (await System.Net.Http.Json.HttpClientJsonExtensions.GetFromJsonAsync<Qilu.Trust.Codes.GetEnterpriseCode.Response>(host.Client,
            $"/api/trust/enterprises/{creditCode}/code", TestContext.Current.CancellationToken))!;

        var html = await host.Client.GetStringAsync(new Uri(code.Url).PathAndQuery, TestContext.Current.CancellationToken);

        html.ShouldContain("enterprise-code-check");
        html.ShouldContain("济南泉城软件有限公司");
        html.ShouldContain(creditCode);
        html.ShouldNotContain("李四");
    }
}
