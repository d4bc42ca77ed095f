using System.Diagnostics;
using System.Text;
using Qilu.Platform.Cryptography;
using Shouldly;

namespace Qilu.Platform.Tests.Cryptography;

/// <summary>
/// Qilu's SM2 wire format against OpenSSL 3 (ADR 0003). OpenSSL's default SM2 ID is EMPTY, so every call passes
/// <c>distid:1234567812345678</c>; the test without it proves the trap is real. Skipped when openssl lacks SM2.
/// </summary>
public sealed class OpenSslInteropTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("qilu-openssl-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void OpenSslVerify_WhenQiluSignsWithDefaultId_VerifiesSuccessfully()
    {
        SkipUnlessOpenSslHasSm2();
        var key = Sm2PrivateKey.Generate();
        var message = Encoding.UTF8.GetBytes("营业执照 91350100M000100Y43");
        var pub = Write("pub.pem", key.PublicKey.ExportPem());
        var msg = Write("msg.bin", message);
        var sig = Write("sig.der", Sm2.Sign(key, message));

        var (code, output) = OpenSsl($"pkeyutl -verify -pubin -inkey {pub} -rawin -digest sm3 -in {msg} -sigfile {sig} -pkeyopt distid:1234567812345678");

        output.ShouldContain("Signature Verified Successfully");
        code.ShouldBe(0);
    }

    [Fact]
    public void OpenSslVerify_WhenDistIdOmitted_FailsBecauseOpenSslDefaultsToEmptyId()
    {
        SkipUnlessOpenSslHasSm2();
        var key = Sm2PrivateKey.Generate();
        var pub = Write("pub.pem", key.PublicKey.ExportPem());
        var msg = Write("msg.bin", "m"u8.ToArray());
        var sig = Write("sig.der", Sm2.Sign(key, "m"u8));

        var (code, _) = OpenSsl($"pkeyutl -verify -pubin -inkey {pub} -rawin -digest sm3 -in {msg} -sigfile {sig}");

        code.ShouldNotBe(0);
    }

    [Fact]
    public void QiluVerify_WhenOpenSslSignsWithQiluExportedPrivateKey_ReturnsTrue()
    {
        SkipUnlessOpenSslHasSm2();
        var key = Sm2PrivateKey.Generate();
        var priv = Write("priv.pem", key.ExportPkcs8Pem());
        var msg = Write("msg.bin", "电子证照"u8.ToArray());
        var sig = Path.Combine(_dir, "sig.der");

        var (code, output) = OpenSsl($"pkeyutl -sign -inkey {priv} -rawin -digest sm3 -in {msg} -out {sig} -pkeyopt distid:1234567812345678");
        code.ShouldBe(0, output);

        Sm2.Verify(key.PublicKey, "电子证照"u8, File.ReadAllBytes(sig)).ShouldBeTrue();
    }

    [Fact]
    public void ImportPem_WhenOpenSslGeneratedSm2Key_ReadsSameKeyAsOpenSsl()
    {
        SkipUnlessOpenSslHasSm2();
        var priv = Path.Combine(_dir, "gen.pem");
        var pub = Path.Combine(_dir, "gen.pub.pem");
        OpenSsl($"genpkey -algorithm SM2 -out {priv}").Code.ShouldBe(0);
        OpenSsl($"pkey -in {priv} -pubout -out {pub}").Code.ShouldBe(0);

        var key = Sm2PrivateKey.ImportPem(File.ReadAllText(priv));

        Sm2PublicKey.ImportPem(File.ReadAllText(pub)).ShouldBe(key.PublicKey);
        var signature = Sm2.Sign(key, "x"u8);
        Sm2.Verify(Sm2PublicKey.ImportPem(File.ReadAllText(pub)), "x"u8, signature).ShouldBeTrue();
    }

    [Fact]
    public void OpenSslPkey_WhenReadingQiluPrivateKey_ReportsSm2CurveAndSamePublicKey()
    {
        SkipUnlessOpenSslHasSm2();
        var key = Sm2PrivateKey.Generate();
        var priv = Write("priv.pem", key.ExportPkcs8Pem());

        var (code, output) = OpenSsl($"pkey -in {priv} -pubout");

        code.ShouldBe(0, output);
        Sm2PublicKey.ImportPem(output).ShouldBe(key.PublicKey);
        OpenSsl($"pkey -in {priv} -noout -text").Output.ShouldContain("SM2");
    }

    private string Write(string name, string text) => Write(name, Encoding.ASCII.GetBytes(text));

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static (int Code, string Output) OpenSsl(string arguments)
    {
        var psi = new ProcessStartInfo("openssl", arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout.Result + stderr);
    }

    private static readonly Lazy<string?> Sm2Support = new(() =>
    {
        try
        {
            var (code, output) = OpenSsl("list -signature-algorithms");
            if (code != 0) return "openssl list failed";
            return output.Contains("SM2", StringComparison.OrdinalIgnoreCase) ? null : "this openssl build lacks SM2";
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "openssl is not installed";
        }
    });

    private static void SkipUnlessOpenSslHasSm2()
    {
        var reason = Sm2Support.Value;
        Assert.SkipWhen(reason is not null, $"OpenSSL SM2 interop skipped: {reason}.");
    }
}
