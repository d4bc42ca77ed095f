using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Qilu.Platform.Cryptography.Keys;
using Qilu.Trust.Auditing;
using Qilu.Trust.Data;
using Qilu.Trust.Signing;
using Qilu.Trust.Tests.Certificates;
using Qilu.Trust.Tests.Rendering;
using Qilu.Trust.Tests.Seals;
using Shouldly;

namespace Qilu.Trust.Tests.Interop;

/// <summary>
/// The signing inputs of docs/trust-signatures.md checked by an independent SM2 implementation: OpenSSL 3's
/// <c>pkeyutl -verify -rawin -digest sm3</c> with the default ID passed explicitly, the public key taken by OpenSSL
/// itself from the seal's X.509 certificate.
/// </summary>
[Collection(TrustHostGroup.Name)]
public sealed class OpenSslSm2Tests(TrustHost host)
{
    private const string DefaultId = "distid:1234567812345678";

    private static void RequireOpenSsl()
    {
        Assert.SkipUnless(Tools.Has("openssl"), "openssl is not installed: the independent SM2 check is skipped");
        var (_, version, _) = Tools.Run("/", "openssl", "version");
        Assert.SkipWhen(version.StartsWith("OpenSSL 1.0", StringComparison.Ordinal), $"{version.Trim()} has no SM2: skipped");
    }

    private static bool Verify(string dir, string input, string signature, bool withId = true)
    {
        string[] args = ["pkeyutl", "-verify", "-pubin", "-inkey", "pub.pem", "-rawin", "-in", input, "-sigfile", signature, "-digest", "sm3"];
        var (code, output, _) = Tools.Run(dir, "openssl", withId ? [.. args, "-pkeyopt", DefaultId] : args);
        return code == 0 && output.Contains("Signature Verified Successfully", StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenSsl_WhenGivenTheTbsSignAndTheSealCertificate_VerifiesTheGbt38540SignatureWithTheDefaultIdOnly()
    {
        RequireOpenSsl();
        var (official, seal) = await SealFlows.InUseAsync(host, "market", "371500");
        var document = Encoding.UTF8.GetBytes("关于印发《山东省电子证照管理办法》的通知（互操作测试）");
        var signed = (await host.RunAsync(sp => SignDocument.HandleAsync(official, seal.Id, "通知.txt", document, sp.GetRequiredService<TrustDbContext>(),
            sp.GetRequiredService<IKeyStore>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<TrustAudit>(),
            TestContext.Current.CancellationToken))).Value;
        var view = Ses.ReadSignature(Convert.FromBase64String(signed.Signature));
        var dir = Directory.CreateTempSubdirectory("qilu-sm2-").FullName;
        await File.WriteAllBytesAsync(Path.Combine(dir, "seal.cer"), view.SignerCertificate, TestContext.Current.CancellationToken);
        await File.WriteAllBytesAsync(Path.Combine(dir, "tbs.der"), view.TbsDer, TestContext.Current.CancellationToken);
        await File.WriteAllBytesAsync(Path.Combine(dir, "sig.der"), view.SignatureValue, TestContext.Current.CancellationToken);
        var tampered = (byte[])view.TbsDer.Clone();
        tampered[^1] ^= 1;
        await File.WriteAllBytesAsync(Path.Combine(dir, "tampered.der"), tampered, TestContext.Current.CancellationToken);

        var (code, text, _) = Tools.Run(dir, "openssl", "x509", "-inform", "DER", "-in", "seal.cer", "-noout", "-text");
        code.ShouldBe(0, text);
        text.ShouldContain("SM2-with-SM3");
        text.ShouldContain("Digital Signature, Non Repudiation");
        Tools.Run(dir, "openssl", "x509", "-inform", "DER", "-in", "seal.cer", "-noout", "-pubkey", "-out", "pub.pem").ExitCode.ShouldBe(0);

        Verify(dir, "tbs.der", "sig.der").ShouldBeTrue("SM2(SM3(Z_A ‖ DER(TBS_Sign))) with ID 1234567812345678, DER r,s");
        Verify(dir, "tampered.der", "sig.der").ShouldBeFalse();
        Verify(dir, "tbs.der", "sig.der", withId: false).ShouldBeFalse("OpenSSL's default is an empty ID (openssl#23162)");
        Directory.Delete(dir, true);
    }

    [Fact]
    public async Task OpenSsl_WhenGivenTheCanonicalJson_VerifiesTheCertificateSignature()
    {
        RequireOpenSsl();
        var official = await CertificateFlows.MarketIssuerAsync(host, "371600");
        var c = (await CertificateFlows.IssueAsync(host, official, CertificateFlows.Licence(CertificateFlows.NewCreditCode()))).Value;
        var sealCertificate = await host.Client.GetByteArrayAsync($"/api/trust/seals/certificates/{c.SealCertificateSerial}.cer", TestContext.Current.CancellationToken);
        var dir = Directory.CreateTempSubdirectory("qilu-sm2-").FullName;
        await File.WriteAllBytesAsync(Path.Combine(dir, "seal.cer"), sealCertificate, TestContext.Current.CancellationToken);
        await File.WriteAllBytesAsync(Path.Combine(dir, "doc.json"), Encoding.UTF8.GetBytes(c.CanonicalJson), TestContext.Current.CancellationToken);
        await File.WriteAllBytesAsync(Path.Combine(dir, "sig.der"), Convert.FromBase64String(c.Signature), TestContext.Current.CancellationToken);
        await File.WriteAllBytesAsync(Path.Combine(dir, "changed.json"),
            Encoding.UTF8.GetBytes(c.CanonicalJson.Replace("李四", "李五", StringComparison.Ordinal)), TestContext.Current.CancellationToken);
        Tools.Run(dir, "openssl", "x509", "-inform", "DER", "-in", "seal.cer", "-noout", "-pubkey", "-out", "pub.pem").ExitCode.ShouldBe(0);

        Verify(dir, "doc.json", "sig.der").ShouldBeTrue();
        Verify(dir, "changed.json", "sig.der").ShouldBeFalse();
        Directory.Delete(dir, true);
    }
}
