using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Qilu.Identity.Contracts;
using Qilu.Platform.Cryptography.Keys;
using Qilu.SharedKernel.Actors;
using Qilu.SharedKernel.Identifiers;
using Qilu.Trust.Auditing;
using Qilu.Trust.Certificates;
using Qilu.Trust.Codes;
using Qilu.Trust.Contracts;
using Qilu.Trust.Data;
using Shouldly;

namespace Qilu.BrowserTests;

/// <summary>
/// The Trust module's pages in Chromium: the citizen's personal code (个人码), the public verification page with an
/// uploaded QR image, and the admin console's certificate types with a new type created through the form.
/// </summary>
[Collection(BrowserSuite.Name)]
public sealed class TrustPagesTests(QiluHostFixture host)
{
    /// <summary>张三, a demo citizen of 历下区 (signs in with the ID number).</summary>
    private static readonly string ZhangSan = IdentityBrowser.ValidId("370102", "19880315", 101);

    [Fact]
    public async Task PersonalCode_WhenACitizenOpensIt_ShowsARotatingSignedQrAndTheRequestsAndUseRecord()
    {
        var page = await IdentityBrowser.OpenAsAsync(host, ZhangSan, "/portal/code");

        var qr = page.Locator("#personal-code-qr");
        await Assertions.Expect(qr).ToBeVisibleAsync();
        (await qr.GetAttributeAsync("src"))!.ShouldStartWith("data:image/png;base64,");
        (await qr.BoundingBoxAsync())!.Width.ShouldBe(240, 1);
        await page.ClickAsync("details summary");
        var first = await page.Locator("#personal-code-text").InnerTextAsync();
        first.ShouldStartWith("QLP1.");
        await Assertions.Expect(page.Locator(".qilu-card").First).ToContainTextAsync("秒");
        await Assertions.Expect(page.Locator("body")).ToContainTextAsync("暂无请求");
        await Assertions.Expect(page.Locator("body")).ToContainTextAsync("用证记录");
        await Screenshots.SaveAsync(page, "portal-personal-code");

        // Refresh issues a new code (new nonce, new signature): an old one is useless to whoever photographed it.
        await page.ClickAsync("#code-refresh");
        await Assertions.Expect(page.Locator("#personal-code-text")).Not.ToHaveTextAsync(first);
    }

    /// <summary>
    /// Issues a 营业执照 to the demo enterprise as the provincial market bureau (its seal is seeded in use), through the
    /// same use case the API calls; returns the certificate's licence id and QR payload.
    /// </summary>
    private async Task<(string LicenceId, string QrPayload)> IssueBusinessLicenceAsync(string creditCode)
    {
        await using var scope = host.Factory.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var ct = TestContext.Current.CancellationToken;
        var directory = sp.GetRequiredService<IOrganisationDirectory>();
        var unit = (await directory.ListUnitsAsync("370000", "market", ct)).Single(u => u.DivisionCode == "370000");
        var official = new Actor(ActorKind.Official, "browser-market-official", "浏览器测试", unit.DivisionCode, unit.Id, new HashSet<string> { "official" },
            new HashSet<string> { TrustPermissions.CertificatesIssue, TrustPermissions.CertificatesRead }, RealNameLevel.InPerson);
        var fields = new Dictionary<string, string>
        {
            ["entityType"] = "有限责任公司", ["legalRepresentative"] = "李四", ["registeredCapital"] = "500万元人民币",
            ["establishedOn"] = "2019-04-01", ["address"] = "山东省济南市历下区经十路88号", ["businessScope"] = "软件开发；数据处理服务",
        };
        var issued = await IssueCertificate.HandleAsync(official, new IssueCertificate.Request(CertificateTypeSeed.NationalBodyCode("MB000001") + "001",
            "山东齐鲁演示科技有限公司", creditCode, null, fields), sp.GetRequiredService<CertificateIssuer>(), directory,
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<TrustAudit>(), ct);
        issued.IsSuccess.ShouldBeTrue(string.Join("; ", issued.Errors.Select(e => e.MessageEn)));
        var read = await GetCertificate.HandleAsync(official, issued.Value.Id, sp.GetRequiredService<TrustDbContext>(), sp.GetRequiredService<IKeyStore>(),
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<TrustAudit>(), ct);
        return (issued.Value.LicenceId, read.Value.QrPayload);
    }

    /// <summary>
    /// Chooses <paramref name="file"/> in the verify page's upload input until the page answers (outcome, enterprise
    /// result or error). The input's change handler is attached by the component after its first interactive render,
    /// which can come a moment after the shell reports the circuit; a choice made before that is not seen.
    /// </summary>
    private static async Task UploadUntilAnsweredAsync(IPage page, string file)
    {
        var answer = page.Locator("#verify-outcome, #verify-enterprise, #verify-error").First;
        for (var attempt = 1; ; attempt++)
        {
            await page.SetInputFilesAsync("#verify-file", file);
            try
            {
                await Assertions.Expect(answer).ToBeVisibleAsync(new() { Timeout = 15_000 });
                return;
            }
            catch (PlaywrightException) when (attempt < 3)
            {
                await page.SetInputFilesAsync("#verify-file", Array.Empty<string>());
            }
        }
    }

    private static async Task<string> TempPngAsync(byte[] png)
    {
        var file = Path.Combine(Path.GetTempPath(), $"qilu-qr-{Guid.NewGuid():N}.png");
        await File.WriteAllBytesAsync(file, png, TestContext.Current.CancellationToken);
        return file;
    }

    [Fact]
    public async Task Verify_WhenACertificateQrImageIsUploaded_DecodesItAndReportsTheCertificateValidWithItsPublicFields()
    {
        var creditCode = host.DemoLogin("enterprise");
        var (licenceId, payload) = await IssueBusinessLicenceAsync(creditCode);
        // The QR as the certificate's page and PDF print it, photographed or saved by whoever received the certificate.
        var file = await TempPngAsync(QrImage.Png(payload));
        try
        {
            var page = await host.NewPageAsync();
            await page.GotoAsync("/verify");
            await BrowserAuth.WaitForCircuitAsync(page);
            await UploadUntilAnsweredAsync(page, file);

            await Screenshots.SaveAsync(page, "portal-verify-upload");
            await Assertions.Expect(page.Locator("#verify-outcome")).ToContainTextAsync("有效");
            await Assertions.Expect(page.Locator("#verify-outcome")).ToHaveClassAsync(new Regex("ant-alert-success"));
            var facts = page.Locator("dl.qilu-facts");
            await Assertions.Expect(facts).ToContainTextAsync("营业执照");
            await Assertions.Expect(facts).ToContainTextAsync(licenceId);
            await Assertions.Expect(facts).ToContainTextAsync("山东齐鲁演示科技有限公司");
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Verify_WhenAnEnterpriseCodeImageIsUploaded_ReportsTheEnterpriseValidAndLinksItsProfile()
    {
        var creditCode = host.DemoLogin("enterprise");
        await IssueBusinessLicenceAsync(creditCode);
        var page = await host.NewPageAsync();
        var png = await page.APIRequest.GetAsync($"/api/trust/enterprises/{creditCode}/code.png");
        png.Status.ShouldBe(200);
        var file = await TempPngAsync(await png.BodyAsync());
        try
        {
            await page.GotoAsync("/verify");
            await BrowserAuth.WaitForCircuitAsync(page);
            await UploadUntilAnsweredAsync(page, file);

            await Assertions.Expect(page.Locator("#verify-enterprise")).ToContainTextAsync("企业码有效");
            await Assertions.Expect(page.Locator("#verify-enterprise")).ToContainTextAsync(creditCode);
            (await page.GetAttributeAsync("#verify-enterprise-link", "href"))!.ShouldContain(creditCode);
            await Screenshots.SaveAsync(page, "portal-verify-enterprise-code");
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Verify_WhenTheUploadedImageHasNoQrCode_SaysSoAndShowsNoOutcome()
    {
        var page = await host.NewPageAsync();
        await page.GotoAsync("/verify");
        await BrowserAuth.WaitForCircuitAsync(page);
        // A real PNG without any QR code: a screenshot of the page itself.
        var file = Path.Combine(Path.GetTempPath(), $"qilu-no-qr-{Guid.NewGuid():N}.png");
        await page.ScreenshotAsync(new() { Path = file });
        try
        {
            await UploadUntilAnsweredAsync(page, file);

            await Assertions.Expect(page.Locator("#verify-error")).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("#verify-outcome")).ToHaveCountAsync(0);
            await Screenshots.SaveAsync(page, "portal-verify-no-qr");
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task CertificateTypes_WhenTheAdministratorCreatesAType_ListsItWithItsSchema()
    {
        var page = await IdentityBrowser.OpenAsAsync(host, "sys.admin", "/admin/trust/types");
        await Assertions.Expect(page.Locator(".ant-table")).ToContainTextAsync("营业执照");
        var org = Random.Shared.Next(10_000_000, 99_999_999).ToString(CultureInfo.InvariantCulture);
        var first17 = "11370000" + org + CreditCode.ComputeOrganizationCheckCharacter(org);
        var code = first17 + CreditCode.ComputeCheckCharacter(first17) + "901";
        var name = "犬只登记证" + org[..4];

        // Filled only once the form is interactive: a value typed or selected into the prerendered form can be lost when
        // the circuit attaches and renders the form again with its defaults (under load a select lost its value).
        await page.Locator("#type-form[data-interactive=yes]").WaitForAsync(new() { Timeout = 20_000 });
        await page.FillAsync("#type-code", code);
        await page.FillAsync("#type-name", name);
        await page.FillAsync("#type-name-en", "Dog registration certificate");
        await page.FillAsync("#type-authority", "山东省公安厅");
        await page.SelectOptionAsync("#type-holder", "person");
        await page.SelectOptionAsync("#type-issuer", "public_security");
        await page.FillAsync("#type-schema", "[{\"name\":\"dogName\",\"label\":\"犬名\",\"required\":true,\"maxLength\":20},{\"name\":\"breed\",\"label\":\"品种\",\"required\":false,\"maxLength\":40}]");
        await page.ClickAsync("#type-submit");

        await Assertions.Expect(page.Locator("#type-result")).ToHaveClassAsync(new Regex("ant-alert-success"), new() { Timeout = 15_000 });
        var row = page.Locator(".ant-table tbody tr", new() { HasText = code });
        await Assertions.Expect(row).ToContainTextAsync(name);
        await Assertions.Expect(row).ToContainTextAsync("public_security");
        await row.Locator("details summary").ClickAsync();
        await Assertions.Expect(row).ToContainTextAsync("dogName — 犬名 *");
        await Screenshots.SaveAsync(page, "admin-trust-types");

        // The same code again is refused with the reason, and nothing is added.
        await page.ClickAsync("#type-submit");
        await Assertions.Expect(page.Locator("#type-result")).ToHaveClassAsync(new Regex("ant-alert-error"));
        await Assertions.Expect(page.Locator(".ant-table tbody tr", new() { HasText = code })).ToHaveCountAsync(1);
    }
}
