using System.Net;
using System.Net.Http.Json;
using System.Text;
using Qilu.Trust.Certificates;
using Qilu.Trust.Codes;
using Qilu.Trust.Tests.Certificates;
using Shouldly;

namespace Qilu.Trust.Tests.Codes;

[Collection(TrustHostGroup.Name)]
public sealed class EnterpriseCodeTests(TrustHost host)
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task EnterpriseCode_WhenScanned_OpensAPublicProfileWithValidLicencesAndNoPersonalData()
    {
        var official = await CertificateFlows.MarketIssuerAsync(host, "370215");
        var creditCode = CertificateFlows.NewCreditCode();
        var licence = (await CertificateFlows.IssueAsync(host, official, CertificateFlows.Licence(creditCode))).Value;

        var code = (await host.Client.GetFromJsonAsync<GetEnterpriseCode.Response>($"/api/trust/enterprises/{creditCode}/code", Ct))!;
        code.Payload.ShouldStartWith("QLE1.");
        code.Url.ShouldContain($"/enterprise/{creditCode}?c=QLE1.");
        var png = await host.Client.GetAsync($"/api/trust/enterprises/{creditCode}/code.png", Ct);
        png.Content.Headers.ContentType!.MediaType.ShouldBe("image/png");

        var profileJson = await host.Client.GetStringAsync($"/api/trust/enterprises/{creditCode}?c={Uri.EscapeDataString(code.Payload)}", Ct);
        var profile = System.Text.Json.JsonSerializer.Deserialize<GetEnterpriseProfile.Response>(profileJson, TrustJson.Options)!;
        profile.Code.ShouldBe("valid");
        profile.Profile.Name.ShouldBe("济南泉城软件有限公司");
        profile.Profile.Licences.ShouldContain(l => l.LicenceId == licence.LicenceId);
        profileJson.ShouldNotContain("李四");
        profileJson.ShouldNotContain("legalRepresentative");

        // Revoked licences leave the profile; the code still opens it.
        (await CertificateFlows.ChangeAsync(host, official, licence.Id, "revoke", "依法吊销")).IsSuccess.ShouldBeTrue();
        var after = (await host.Client.GetFromJsonAsync<GetEnterpriseProfile.Response>($"/api/trust/enterprises/{creditCode}", TrustJson.Options, Ct))!;
        after.Profile.Licences.ShouldNotContain(l => l.LicenceId == licence.LicenceId);
    }

    [Fact]
    public async Task EnterpriseCode_WhenAlteredOrForAnotherEnterprise_DoesNotVerify()
    {
        var official = await CertificateFlows.MarketIssuerAsync(host, "370281");
        var first = CertificateFlows.NewCreditCode();
        var second = CertificateFlows.NewCreditCode();
        await CertificateFlows.IssueAsync(host, official, CertificateFlows.Licence(first));
        await CertificateFlows.IssueAsync(host, official, CertificateFlows.Licence(second));
        var code = (await host.Client.GetFromJsonAsync<GetEnterpriseCode.Response>($"/api/trust/enterprises/{first}/code", Ct))!;
        var parts = code.Payload["QLE1.".Length..].Split('.');
        var body = Encoding.UTF8.GetString(CertificateDocument.FromBase64Url(parts[0]));
        var forged = "QLE1." + CertificateDocument.Base64Url(Encoding.UTF8.GetBytes(body.Replace(first, second, StringComparison.Ordinal))) + "." + parts[1];

        (await ProfileAsync(second, forged)).Code.ShouldBe("tampered");
        (await ProfileAsync(second, code.Payload)).Code.ShouldBe("mismatch");
        (await ProfileAsync(first, "QLE1.x")).Code.ShouldBe("malformed");
        (await host.Client.GetAsync($"/api/trust/enterprises/{CertificateFlows.NewCreditCode()}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var invalid = await host.Client.GetAsync("/api/trust/enterprises/91110108AM0000015T", Ct);
        invalid.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        invalid.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    private async Task<GetEnterpriseProfile.Response> ProfileAsync(string creditCode, string code) =>
        (await host.Client.GetFromJsonAsync<GetEnterpriseProfile.Response>($"/api/trust/enterprises/{creditCode}?c={Uri.EscapeDataString(code)}",
            TrustJson.Options, Ct))!;
}
