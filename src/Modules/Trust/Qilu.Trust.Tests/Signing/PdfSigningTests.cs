using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PdfSharp.Pdf.IO;
using Qilu.Platform.Cryptography;
using Qilu.Platform.Cryptography.Keys;
using Qilu.SharedKernel.Actors;
using Qilu.SharedKernel.Results;
using Qilu.Trust.Auditing;
using Qilu.Trust.Authority;
using Qilu.Trust.Data;
using Qilu.Trust.Rendering;
using Qilu.Trust.Signing;
using Qilu.Trust.Tests.Seals;
using Shouldly;

namespace Qilu.Trust.Tests.Signing;

[Collection(TrustHostGroup.Name)]
public sealed class PdfSigningTests(TrustHost host)
{
    private static readonly PdfStamp.Placement BottomRight = new(1, 150, 240);

    /// <summary>A two-page A4 letter made with PDFsharp, as an office system would upload it.</summary>
    internal static byte[] Letter()
    {
        PdfFonts.EnsureInstalled();
        using var document = new PdfDocument();
        for (var i = 1; i <= 2; i++)
        {
            var page = document.AddPage();
            using var gfx = XGraphics.FromPdfPage(page);
            gfx.DrawString($"关于同意设立政务服务分中心的批复（第 {i} 页）", new XFont(PdfFonts.Family, 14), XBrushes.Black, 60, 100);
        }
        using var output = new MemoryStream();
        document.Save(output, closeStream: false);
        return output.ToArray();
    }

    private Task<Result<SignPdf.Response>> SignAsync(Actor actor, Guid sealId, byte[] pdf, PdfStamp.Placement at) => host.RunAsync(sp =>
        SignPdf.HandleAsync(actor, sealId, "批复.pdf", pdf, at, sp.GetRequiredService<TrustDbContext>(), sp.GetRequiredService<IKeyStore>(),
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<TrustAudit>(), TestContext.Current.CancellationToken));

    private Task<Result<VerifyDocument.Report>> VerifyAsync(byte[] document, string signature, TimeProvider? clock = null) => host.RunAsync(sp =>
        VerifyDocument.HandleAsync(document, signature, sp.GetRequiredService<TrustDbContext>(), sp.GetRequiredService<CertificateAuthority>(),
            clock ?? sp.GetRequiredService<TimeProvider>(), TestContext.Current.CancellationToken));

    private static void RequireFont() =>
        Assert.SkipWhen(CjkFont.Path is null, "No CJK .ttf font installed (apt-get install fonts-arphic-gbsn00lp): PDF tests skipped");

    [Fact]
    public async Task SignPdf_WhenStamped_PlacesTheSealOnThePageAndTheSignatureCoversTheStampedBytes()
    {
        RequireFont();
        var (official, seal) = await SealFlows.InUseAsync(host, "market", "370800");
        var original = Letter();

        var signed = (await SignAsync(official, seal.Id, original, BottomRight)).Value;

        var stamped = Convert.FromBase64String(signed.Pdf);
        stamped.ShouldNotBe(original);
        signed.DocumentSm3.ShouldBe(Sm3.HashHex(stamped));
        using (var document = PdfReader.Open(new MemoryStream(stamped), PdfDocumentOpenMode.Import))
        {
            document.PageCount.ShouldBe(2);
            document.Pages[0].Resources.Elements.GetDictionary("/XObject")!.Elements.Count.ShouldBe(1, "the seal picture is on page 1");
            document.Pages[1].Resources.Elements.GetDictionary("/XObject").ShouldBeNull("page 2 is untouched");
        }
        if (Environment.GetEnvironmentVariable("QILU_TEST_ARTIFACTS") is { Length: > 0 } keep)
            await File.WriteAllBytesAsync(Path.Combine(keep, "stamped.pdf"), stamped, TestContext.Current.CancellationToken);
        var report = (await VerifyAsync(stamped, signed.Signature)).Value;
        report.Outcome.ShouldBe("valid", report.ReasonEn);
        report.Seal!.Name.ShouldBe(seal.Name);
    }

    [Fact]
    public async Task Verify_WhenTheStampedPdfIsChangedOrTheUnstampedOriginalIsShown_IsTampered()
    {
        RequireFont();
        var (official, seal) = await SealFlows.InUseAsync(host, "market", "370900");
        var original = Letter();
        var signed = (await SignAsync(official, seal.Id, original, BottomRight)).Value;
        var stamped = Convert.FromBase64String(signed.Pdf);

        (await VerifyAsync(original, signed.Signature)).Value.Outcome.ShouldBe("tampered", "the stamp is part of what is signed");
        var flipped = (byte[])stamped.Clone();
        flipped[flipped.Length / 2] ^= 0x20;
        (await VerifyAsync(flipped, signed.Signature)).Value.Outcome.ShouldBe("tampered");
        byte[] appended = [.. stamped, .. "%%EOF\n"u8.ToArray()];
        (await VerifyAsync(appended, signed.Signature)).Value.Outcome.ShouldBe("tampered", "an incremental update after signing is a change");
    }

    [Fact]
    public async Task Verify_WhenTheSealIsRevokedAfterSigning_IsSealRevoked()
    {
        RequireFont();
        var (official, seal) = await SealFlows.InUseAsync(host, "market", "371000");
        var signed = (await SignAsync(official, seal.Id, Letter(), BottomRight)).Value;
        var admin = TrustHost.Administrator(await host.UnitAsync("market", "371000"));
        (await SealFlows.ActAsync(host, admin, seal.Id, "revoke", "印章遗失")).IsSuccess.ShouldBeTrue();

        var report = (await VerifyAsync(Convert.FromBase64String(signed.Pdf), signed.Signature)).Value;

        report.Outcome.ShouldBe("seal_revoked");
        report.Reason.ShouldContain("印章遗失");
        (await SignAsync(official, seal.Id, Letter(), BottomRight)).Errors[0].Code.ShouldBe("seal.not_in_use");
    }

    [Fact]
    public async Task Verify_WhenTheSealCertificateHasExpired_IsCertificateExpired()
    {
        RequireFont();
        var (official, seal) = await SealFlows.InUseAsync(host, "market", "371100");
        var signed = (await SignAsync(official, seal.Id, Letter(), BottomRight)).Value;
        var later = new FakeTimeProvider(TimeProvider.System.GetUtcNow().AddYears(4));

        (await VerifyAsync(Convert.FromBase64String(signed.Pdf), signed.Signature, later)).Value.Outcome.ShouldBe("certificate_expired");
    }

    [Theory]
    [InlineData(3, 100, 100, 42, "sign.stamp_page")]
    [InlineData(1, 5, 100, 42, "sign.stamp_position")]
    [InlineData(1, 100, 290, 42, "sign.stamp_position")]
    [InlineData(1, 100, 100, 5, "sign.stamp_size")]
    public async Task SignPdf_WhenThePlacementIsImpossible_SaysWhyAndSignsNothing(int page, double x, double y, double size, string code)
    {
        RequireFont();
        var (official, seal) = await SealFlows.InUseAsync(host, "market", "371300");

        var result = await SignAsync(official, seal.Id, Letter(), new PdfStamp.Placement(page, x, y, size));

        result.IsSuccess.ShouldBeFalse();
        result.Errors[0].Code.ShouldBe(code);
    }

    [Fact]
    public async Task SignPdf_WhenTheFileIsNotAPdf_IsRefusedAsInvalid()
    {
        RequireFont();
        var (official, seal) = await SealFlows.InUseAsync(host, "market", "371400");

        var result = await SignAsync(official, seal.Id, "%PDF-1.7 这不是 PDF"u8.ToArray(), BottomRight);

        result.Errors[0].Code.ShouldBe("sign.pdf_invalid");
    }
}
