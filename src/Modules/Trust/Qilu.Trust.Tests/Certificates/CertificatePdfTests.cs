using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PdfSharp.Pdf.IO;
using Qilu.Identity.Contracts;
using Qilu.Platform.Cryptography.Fields;
using Qilu.Platform.Cryptography.Keys;
using Qilu.SharedKernel.Actors;
using Qilu.SharedKernel.Results;
using Qilu.Trust.Auditing;
using Qilu.Trust.Certificates;
using Qilu.Trust.Data;
using Qilu.Trust.Rendering;
using Qilu.Trust.Tests.Rendering;
using Shouldly;

namespace Qilu.Trust.Tests.Certificates;

[Collection(TrustHostGroup.Name)]
public sealed class CertificatePdfTests(TrustHost host)
{
    internal static Task<Result<GetCertificatePdf.Rendered>> PdfAsync(TrustHost host, Actor actor, Guid id) => host.RunAsync(sp =>
        GetCertificatePdf.HandleAsync(actor, id, sp.GetRequiredService<TrustDbContext>(), sp.GetRequiredService<IKeyStore>(),
            sp.GetRequiredService<IPersonDirectory>(), sp.GetRequiredService<IFieldProtector>(), sp.GetRequiredService<IOptions<TrustOptions>>().Value,
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<TrustAudit>(), TestContext.Current.CancellationToken));

    internal static Actor EnterpriseAgent(string creditCode) => new(ActorKind.EnterpriseAgent, "agent-" + creditCode, "王经办", null, null,
        new HashSet<string> { "enterprise" }, new HashSet<string>(), RealNameLevel.Verified, creditCode);

    private static void RequireFont() =>
        Assert.SkipWhen(CjkFont.Path is null, "No CJK .ttf font installed (apt-get install fonts-arphic-gbsn00lp): PDF tests skipped");

    [Fact]
    public async Task Pdf_WhenOfficialInScope_HasOnePageWithSealAndQrImages()
    {
        RequireFont();
        var official = await CertificateFlows.MarketIssuerAsync(host, "370300");
        var c = (await CertificateFlows.IssueAsync(host, official, CertificateFlows.Licence(CertificateFlows.NewCreditCode()))).Value;

        var rendered = (await PdfAsync(host, official, c.Id)).Value;

        System.Text.Encoding.ASCII.GetString(rendered.Pdf, 0, 5).ShouldBe("%PDF-");
        rendered.FileName.ShouldEndWith("-001.pdf");
        using var document = PdfReader.Open(new MemoryStream(rendered.Pdf), PdfDocumentOpenMode.Import);
        document.PageCount.ShouldBe(1);
        var xObjects = document.Pages[0].Resources.Elements.GetDictionary("/XObject");
        xObjects.ShouldNotBeNull();
        xObjects.Elements.Count.ShouldBe(2, "the seal picture and the QR code");
    }

    [Fact]
    public async Task Pdf_WhenReadByPdfToText_GivesBackTheChineseFaceFields()
    {
        RequireFont();
        Assert.SkipUnless(Tools.Has("pdftotext"), "poppler-utils not installed: text extraction check skipped");
        var official = await CertificateFlows.MarketIssuerAsync(host, "370400");
        var c = (await CertificateFlows.IssueAsync(host, official, CertificateFlows.Licence(CertificateFlows.NewCreditCode()))).Value;
        var dir = Directory.CreateTempSubdirectory("qilu-pdf-").FullName;
        await File.WriteAllBytesAsync(Path.Combine(dir, "c.pdf"), (await PdfAsync(host, official, c.Id)).Value.Pdf, TestContext.Current.CancellationToken);

        var (code, text, _) = Tools.Run(dir, "pdftotext", "c.pdf", "-");

        code.ShouldBe(0, text);
        text.ShouldContain("营业执照");
        text.ShouldContain("济南泉城软件有限公司");
        text.ShouldContain("软件开发；信息技术咨询服务");
        text.ShouldContain(c.HolderIdMasked);
        text.ShouldContain(c.IssuerName);
        text.Replace("\n", "", StringComparison.Ordinal).ShouldContain(c.LicenceId);
        Directory.Delete(dir, true);
    }

    [Fact]
    public async Task Pdf_WhenRasterised_HasAQrCodeThatVerifiesOnline()
    {
        RequireFont();
        Assert.SkipUnless(Tools.Has("pdftoppm") && Tools.Has("zbarimg"), "poppler-utils/zbar-tools not installed: QR scan check skipped");
        var official = await CertificateFlows.MarketIssuerAsync(host, "370500");
        var c = (await CertificateFlows.IssueAsync(host, official, CertificateFlows.Licence(CertificateFlows.NewCreditCode()))).Value;
        var dir = Directory.CreateTempSubdirectory("qilu-pdf-").FullName;
        await File.WriteAllBytesAsync(Path.Combine(dir, "c.pdf"), (await PdfAsync(host, official, c.Id)).Value.Pdf, TestContext.Current.CancellationToken);

        Tools.Run(dir, "pdftoppm", "-r", "200", "-png", "c.pdf", "page").ExitCode.ShouldBe(0);
        var (code, scanned, _) = Tools.Run(dir, "zbarimg", "--raw", "-q", Directory.GetFiles(dir, "page*.png").Single());

        code.ShouldBe(0, scanned);
        // Set QILU_TEST_ARTIFACTS to a folder to keep the rasterised page for a look.
        if (Environment.GetEnvironmentVariable("QILU_TEST_ARTIFACTS") is { Length: > 0 } keep)
            File.Copy(Directory.GetFiles(dir, "page*.png").Single(), Path.Combine(keep, "certificate-pdf.png"), overwrite: true);
        var payload = scanned.Trim();
        payload.ShouldStartWith("QL1.");
        var response = await host.Client.PostAsync("/api/trust/verify", System.Net.Http.Json.JsonContent.Create(new { payload }), TestContext.Current.CancellationToken);
        var answer = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        answer.ShouldContain("\"outcome\":\"valid\"", customMessage: answer + " for " + payload);
        Directory.Delete(dir, true);
    }

    [Fact]
    public async Task Pdf_WhenHolderOrStranger_HolderGetsItStrangerDoesNot()
    {
        RequireFont();
        var official = await CertificateFlows.MarketIssuerAsync(host, "370600");
        var code = CertificateFlows.NewCreditCode();
        var c = (await CertificateFlows.IssueAsync(host, official, CertificateFlows.Licence(code))).Value;
        var elsewhere = TrustHost.Official(await host.UnitAsync("market", "370700"), Qilu.Trust.Contracts.TrustPermissions.CertificatesRead);

        (await PdfAsync(host, EnterpriseAgent(code), c.Id)).IsSuccess.ShouldBeTrue();
        (await PdfAsync(host, EnterpriseAgent(CertificateFlows.NewCreditCode()), c.Id)).Kind.ShouldBe(ErrorKind.NotFound);
        (await PdfAsync(host, elsewhere, c.Id)).Kind.ShouldBe(ErrorKind.NotFound);
        (await PdfAsync(host, TrustHost.Citizen("nobody"), c.Id)).Kind.ShouldBe(ErrorKind.NotFound);
    }
}
