using System.Diagnostics;
using Org.BouncyCastle.X509;
using Shouldly;

namespace Qilu.Trust.Tests.Authority;

[Collection(TrustHostGroup.Name)]
public sealed class CertificateAuthorityTests(TrustHost host)
{
    private const string Sm3WithSm2 = "1.2.156.10197.1.501";

    [Fact]
    public async Task GetChain_WhenPublished_ParsesWithBouncyCastleAndChainsToTheSelfSignedRoot()
    {
        var pem = await host.Client.GetStringAsync("/api/trust/ca/chain.pem", TestContext.Current.CancellationToken);
        var certs = new X509CertificateParser().ReadCertificates(System.Text.Encoding.ASCII.GetBytes(pem)).ToList();

        certs.Count.ShouldBe(2);
        var (intermediate, root) = (certs[0], certs[1]);
        root.SigAlgOid.ShouldBe(Sm3WithSm2);
        intermediate.SigAlgOid.ShouldBe(Sm3WithSm2);
        root.Verify(root.GetPublicKey());
        intermediate.Verify(root.GetPublicKey());
        intermediate.IssuerDN.Equivalent(root.SubjectDN).ShouldBeTrue();
        intermediate.GetBasicConstraints().ShouldBe(0);
        Should.Throw<Exception>(() => root.Verify(intermediate.GetPublicKey()));
    }

    [Fact]
    public async Task GetRoot_WhenDer_MatchesThePemChain()
    {
        var der = await host.Client.GetByteArrayAsync("/api/trust/ca/root.cer", TestContext.Current.CancellationToken);
        var pem = await host.Client.GetStringAsync("/api/trust/ca/chain.pem", TestContext.Current.CancellationToken);
        var fromPem = new X509CertificateParser().ReadCertificates(System.Text.Encoding.ASCII.GetBytes(pem)).Last();
        der.ShouldBe(fromPem.GetEncoded());
    }

    [Fact]
    public async Task OpenSsl_WhenAvailable_ReadsAndVerifiesTheChain()
    {
        Assert.SkipUnless(File.Exists("/usr/bin/openssl"), "openssl is not installed: the standard-tool check is skipped");
        var dir = Directory.CreateTempSubdirectory("qilu-ca-").FullName;
        var ct = TestContext.Current.CancellationToken;
        await File.WriteAllBytesAsync(Path.Combine(dir, "root.cer"), await host.Client.GetByteArrayAsync("/api/trust/ca/root.cer", ct), ct);
        await File.WriteAllBytesAsync(Path.Combine(dir, "inter.cer"), await host.Client.GetByteArrayAsync("/api/trust/ca/intermediate.cer", ct), ct);

        var text = Run(dir, "x509 -inform DER -in inter.cer -noout -text");
        text.ShouldContain("SM2-with-SM3");
        text.ShouldContain("CA:TRUE");
        Run(dir, "x509 -inform DER -in root.cer -out root.pem");
        Run(dir, "x509 -inform DER -in inter.cer -out inter.pem");
        // OpenSSL 3 verifies SM2 certificate signatures with an EMPTY distinguishing ID unless told otherwise
        // (openssl/openssl#23162); GM/T 0015 certificates use the default ID, so the verifier must pass it.
        Run(dir, "verify -vfyopt distid:1234567812345678 -CAfile root.pem inter.pem").ShouldContain("inter.pem: OK");
        Directory.Delete(dir, true);
    }

    internal static string Run(string dir, string args)
    {
        using var p = Process.Start(new ProcessStartInfo("/usr/bin/openssl", args)
        {
            WorkingDirectory = dir, RedirectStandardOutput = true, RedirectStandardError = true,
        })!;
        var output = p.StandardOutput.ReadToEnd() + p.StandardError.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0) throw new Xunit.Sdk.XunitException($"openssl {args} failed ({p.ExitCode}): {output}");
        return output;
    }
}
