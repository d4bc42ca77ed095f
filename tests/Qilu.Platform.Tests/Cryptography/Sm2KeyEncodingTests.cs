using Qilu.Platform.Cryptography;
using Shouldly;

namespace Qilu.Platform.Tests.Cryptography;

public sealed class Sm2KeyEncodingTests
{
    [Fact]
    public void PrivateKey_WhenHexRoundTrip_KeepsScalarAndPublicKey()
    {
        var key = Sm2PrivateKey.Generate();
        var copy = Sm2PrivateKey.FromHex(key.ToHex());

        copy.ToBytes().ShouldBe(key.ToBytes());
        copy.ToBytes().Length.ShouldBe(32);
        copy.PublicKey.ShouldBe(key.PublicKey);
    }

    [Fact]
    public void PrivateKey_WhenPkcs8PemRoundTrip_KeepsKey()
    {
        var key = Sm2PrivateKey.Generate();
        var pem = key.ExportPkcs8Pem();

        pem.ShouldStartWith("-----BEGIN PRIVATE KEY-----");
        Sm2PrivateKey.ImportPem(pem).ToHex().ShouldBe(key.ToHex());
    }

    [Fact]
    public void Pkcs8_WhenExported_NamesIdEcPublicKeyAndSm2Curve()
    {
        var der = Sm2PrivateKey.Generate().ExportPkcs8();
        var hex = Convert.ToHexStringLower(der);

        hex.ShouldContain("06072a8648ce3d0201");     // OID 1.2.840.10045.2.1 id-ecPublicKey
        hex.ShouldContain("06082a811ccf5501822d");   // OID 1.2.156.10197.1.301 sm2p256v1
    }

    [Fact]
    public void PublicKey_WhenSpkiPemRoundTrip_KeepsPoint()
    {
        var key = Sm2PrivateKey.Generate().PublicKey;
        var pem = key.ExportPem();

        pem.ShouldStartWith("-----BEGIN PUBLIC KEY-----");
        Sm2PublicKey.ImportPem(pem).ShouldBe(key);
        key.ToUncompressed().Length.ShouldBe(65);
        key.ToUncompressed()[0].ShouldBe((byte)0x04);
        Sm2PublicKey.ImportSubjectPublicKeyInfo(key.ExportSubjectPublicKeyInfo()).ToHex().ShouldBe(key.ToHex());
    }

    [Fact]
    public void PublicKey_WhenPointNotOnCurve_ThrowsFormatException()
    {
        var bytes = Sm2PrivateKey.Generate().PublicKey.ToUncompressed();
        bytes[64] ^= 1;
        Should.Throw<FormatException>(() => Sm2PublicKey.FromPoint(bytes));
        Should.Throw<FormatException>(() => Sm2PublicKey.FromPoint(new byte[64]));
        Should.Throw<FormatException>(() => Sm2PublicKey.FromHex("zz"));
    }

    [Fact]
    public void PrivateKey_WhenOutOfRange_ThrowsFormatException()
    {
        Should.Throw<FormatException>(() => Sm2PrivateKey.FromBytes(new byte[32]));
        // n − 1 has no (1 + d)⁻¹ mod n.
        Should.Throw<FormatException>(() => Sm2PrivateKey.FromHex("FFFFFFFEFFFFFFFFFFFFFFFFFFFFFFFF7203DF6B21C6052B53BBF40939D54122"));
        Should.Throw<FormatException>(() => Sm2PrivateKey.FromBytes(new byte[31]));
    }

    [Fact]
    public void ImportPem_WhenWrongLabel_ThrowsFormatExceptionNamingLabel()
    {
        var pem = Sm2PrivateKey.Generate().PublicKey.ExportPem();
        var ex = Should.Throw<FormatException>(() => Sm2PrivateKey.ImportPem(pem));
        ex.Message.ShouldContain("PUBLIC KEY");
    }

    [Fact]
    public void ImportSubjectPublicKeyInfo_WhenOtherCurve_ThrowsFormatExceptionNamingCurve()
    {
        using var p256 = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256);
        var ex = Should.Throw<FormatException>(() => Sm2PublicKey.ImportSubjectPublicKeyInfo(p256.ExportSubjectPublicKeyInfo()));
        ex.Message.ShouldContain("1.2.840.10045.3.1.7");
    }

    [Fact]
    public void ToString_WhenPrivateKey_DoesNotRevealScalar()
    {
        var key = Sm2PrivateKey.Generate();
        key.ToString().ShouldNotContain(key.ToHex());
    }
}
