using System.Security.Cryptography;
using System.Text;
using Qilu.Platform.Cryptography;
using Shouldly;

namespace Qilu.Platform.Tests.Cryptography;

public sealed class Sm2Tests
{
    // GB/T 32918 / GM/T 0003.5 Annex A example on sm2p256v1 (reference/trust.md §1.4).
    private const string StandardD = "3945208F7B2144B13F36E38AC6D39F95889393692860B51A42FB81EF4DF7C5B8";
    private const string StandardPx = "09F9DF311E5421A150DD7D161E4BC5C672179FAD1833FC076BB08FF356F35020";
    private const string StandardPy = "CCEA490CE26775A52DC6EA718CC1AA600AED05FBF35E084A6632F6072DA9AD13";
    private const string StandardK = "59276E27D506861A16680F3AD9C02DCCEF3CC1FA3CDBE4CE6D54B80DEAC1BC21";
    private const string StandardR = "F5A03B0648D2C4630EEAC513E1BB81A15944DA3827D5B74143AC7EACEEE720B3";
    private const string StandardS = "B1B6AA29DF212FD8763182BC0D421CA1BB9038FD1F7F42D4840B69C485BBC1AA";
    private static readonly byte[] StandardMessage = Encoding.ASCII.GetBytes("message digest");

    private static readonly Sm2PrivateKey StandardKey = Sm2PrivateKey.FromHex(StandardD);

    [Fact]
    public void PublicKey_WhenStandardPrivateKey_MatchesPublishedPoint()
    {
        StandardKey.PublicKey.ToHex().ShouldBe(("04" + StandardPx + StandardPy).ToLowerInvariant());
    }

    [Fact]
    public void ComputeZ_WhenStandardKeyAndDefaultId_MatchesPublishedZ()
    {
        Convert.ToHexString(Sm2.ComputeZ(StandardKey.PublicKey))
            .ShouldBe("B2E14C5C79C6DF5B85F4FE7ED8DB7A262B9DA7E07CCB0EA9F4747B8CCDA8A4F3");
    }

    [Fact]
    public void Sign_WhenStandardExampleWithFixedK_ReproducesPublishedRAndS()
    {
        var raw = Sm2.SignWithRandom(StandardKey, StandardMessage, Sm2SignatureEncoding.Raw, Sm2.DefaultUserId, FixedRandom.Of(StandardK));
        Convert.ToHexString(raw).ShouldBe(StandardR + StandardS);

        var der = Sm2.SignWithRandom(StandardKey, StandardMessage, Sm2SignatureEncoding.Der, Sm2.DefaultUserId, FixedRandom.Of(StandardK));
        // Both INTEGERs have the top bit set, so each gets a leading 00: 2 + (2 + 33) × 2 = 72 bytes.
        Convert.ToHexString(der).ShouldBe("3046022100" + StandardR + "022100" + StandardS);
    }

    [Fact]
    public void Verify_WhenStandardExampleSignature_ReturnsTrueInBothEncodings()
    {
        var publicKey = Sm2PublicKey.FromHex("04" + StandardPx + StandardPy);
        Sm2.Verify(publicKey, StandardMessage, Convert.FromHexString(StandardR + StandardS), Sm2SignatureEncoding.Raw).ShouldBeTrue();
        Sm2.Verify(publicKey, StandardMessage, Convert.FromHexString("3046022100" + StandardR + "022100" + StandardS)).ShouldBeTrue();
    }

    [Fact]
    public void Sign_WhenBouncyCastleVectorWithOtherUserId_ReproducesPublishedRAndS()
    {
        // bc-csharp SM2SignerTest on sm2p256v1 with a non-default ID.
        var key = Sm2PrivateKey.FromHex("110E7973206F68C19EE5F7328C036F26911C8C73B4E4F36AE3291097F8984FFC");
        var raw = Sm2.SignWithRandom(key, Encoding.ASCII.GetBytes("hi chappy"), Sm2SignatureEncoding.Raw, "sm2test@example.com",
            FixedRandom.Of("3174C6FFC3C279D2422F3FC0A9F3E574674A4490FE45A5325CAF7D3EC4C8F96C"));

        Convert.ToHexString(raw).ShouldBe(
            "05890B9077B92E47B17A1FF42A814280E556AFD92B4A98B9670BF8B1A274C2FA" + "E3ABBB8DB2B6ECD9B24ECCEA7F679FB9A4B1DB52F4AA985E443AD73237FA1993");
        Sm2.Verify(key.PublicKey, "hi chappy"u8, raw, Sm2SignatureEncoding.Raw, "sm2test@example.com").ShouldBeTrue();
    }

    [Theory]
    [InlineData(Sm2SignatureEncoding.Der)]
    [InlineData(Sm2SignatureEncoding.Raw)]
    public void Verify_WhenAnyMessageBitFlipped_ReturnsFalse(Sm2SignatureEncoding encoding)
    {
        var key = Sm2PrivateKey.Generate();
        var message = Encoding.UTF8.GetBytes("营业执照 91350100M000100Y43");
        var signature = Sm2.Sign(key, message, encoding);
        Sm2.Verify(key.PublicKey, message, signature, encoding).ShouldBeTrue();

        for (var bit = 0; bit < message.Length * 8; bit += 7)
        {
            var tampered = (byte[])message.Clone();
            tampered[bit / 8] ^= (byte)(1 << (bit % 8));
            Sm2.Verify(key.PublicKey, tampered, signature, encoding).ShouldBeFalse();
        }
    }

    [Theory]
    [InlineData(Sm2SignatureEncoding.Der)]
    [InlineData(Sm2SignatureEncoding.Raw)]
    public void Verify_WhenAnySignatureBitFlipped_ReturnsFalse(Sm2SignatureEncoding encoding)
    {
        var key = Sm2PrivateKey.Generate();
        var signature = Sm2.Sign(key, "checkpoint"u8, encoding);
        for (var bit = 0; bit < signature.Length * 8; bit++)
        {
            var tampered = (byte[])signature.Clone();
            tampered[bit / 8] ^= (byte)(1 << (bit % 8));
            Sm2.Verify(key.PublicKey, "checkpoint"u8, tampered, encoding).ShouldBeFalse($"bit {bit}");
        }
    }

    [Fact]
    public void Verify_WhenUserIdDiffers_ReturnsFalse()
    {
        var key = Sm2PrivateKey.Generate();
        var signature = Sm2.Sign(key, "m"u8, userId: "ALICE123@YAHOO.COM");
        Sm2.Verify(key.PublicKey, "m"u8, signature, userId: "ALICE123@YAHOO.COM").ShouldBeTrue();
        Sm2.Verify(key.PublicKey, "m"u8, signature).ShouldBeFalse();
        // OpenSSL's default (no distid) is the empty ID: it must not verify a default-ID signature.
        Sm2.Verify(key.PublicKey, "m"u8, Sm2.Sign(key, "m"u8), userId: "").ShouldBeFalse();
    }

    [Fact]
    public void Verify_WhenWrongKeyOrWrongEncoding_ReturnsFalse()
    {
        var key = Sm2PrivateKey.Generate();
        var der = Sm2.Sign(key, "m"u8);
        Sm2.Verify(Sm2PrivateKey.Generate().PublicKey, "m"u8, der).ShouldBeFalse();
        Sm2.Verify(key.PublicKey, "m"u8, der, Sm2SignatureEncoding.Raw).ShouldBeFalse();
        Sm2.Verify(key.PublicKey, "m"u8, Sm2.Sign(key, "m"u8, Sm2SignatureEncoding.Raw)).ShouldBeFalse();
        Sm2.Verify(key.PublicKey, "m"u8, []).ShouldBeFalse();
        Sm2.Verify(key.PublicKey, "m"u8, new byte[64], Sm2SignatureEncoding.Raw).ShouldBeFalse();
    }

    [Fact]
    public void ConvertSignature_WhenDerToRawAndBack_RoundTripsAndVerifies()
    {
        var key = Sm2PrivateKey.Generate();
        var der = Sm2.Sign(key, "round trip"u8);
        var raw = Sm2.ConvertSignature(der, Sm2SignatureEncoding.Der, Sm2SignatureEncoding.Raw);

        raw.Length.ShouldBe(64);
        Sm2.Verify(key.PublicKey, "round trip"u8, raw, Sm2SignatureEncoding.Raw).ShouldBeTrue();
        Sm2.ConvertSignature(raw, Sm2SignatureEncoding.Raw, Sm2SignatureEncoding.Der).ShouldBe(der);
    }

    [Fact]
    public void ConvertSignature_WhenMalformed_ThrowsFormatException()
    {
        Should.Throw<FormatException>(() => Sm2.ConvertSignature(new byte[10], Sm2SignatureEncoding.Der, Sm2SignatureEncoding.Raw));
    }

    [Fact]
    public void Sign_WhenCalledConcurrently_EverySignatureVerifies()
    {
        var key = Sm2PrivateKey.Generate();
        var results = new bool[200];
        Parallel.For(0, results.Length, i =>
        {
            var message = BitConverter.GetBytes(i);
            var encoding = i % 2 == 0 ? Sm2SignatureEncoding.Der : Sm2SignatureEncoding.Raw;
            var signature = Sm2.Sign(key, message, encoding);
            results[i] = Sm2.Verify(key.PublicKey, message, signature, encoding)
                && !Sm2.Verify(key.PublicKey, BitConverter.GetBytes(i + 1), signature, encoding);
        });
        results.ShouldAllBe(ok => ok);
    }

    [Fact]
    public void Sign_WhenSameMessageTwice_UsesFreshNonces()
    {
        var key = Sm2PrivateKey.Generate();
        Sm2.Sign(key, "m"u8).ShouldNotBe(Sm2.Sign(key, "m"u8));
    }

    [Fact]
    public void Encrypt_WhenStandardExampleWithFixedK_MatchesPublishedC1C3C2()
    {
        // GM/T 0003.5-2012 Annex C: same d and k as the signature example, M = "encryption standard".
        var ciphertext = Sm2.Encrypt(StandardKey.PublicKey, Encoding.ASCII.GetBytes("encryption standard"), FixedRandom.Of(StandardK));

        Convert.ToHexString(ciphertext).ShouldBe(
            "04" + "04EBFC718E8D1798620432268E77FEB6415E2EDE0E073C0F4F640ECD2E149A73"
            + "E858F9D81E5430A57B36DAAB8F950A3C64E6EE6A63094D99283AFF767E124DF0"
            + "59983C18F809E262923C53AEC295D30383B54E39D609D160AFCB1908D0BD8766"
            + "21886CA989CA9C7D58087307CA93092D651EFA");
        Encoding.ASCII.GetString(Sm2.Decrypt(StandardKey, ciphertext)).ShouldBe("encryption standard");
    }

    [Fact]
    public void Decrypt_WhenTamperedOrWrongKey_ThrowsCryptographicException()
    {
        var key = Sm2PrivateKey.Generate();
        var ciphertext = Sm2.Encrypt(key.PublicKey, "secret"u8);
        var tampered = (byte[])ciphertext.Clone();
        tampered[^1] ^= 1;

        Should.Throw<CryptographicException>(() => Sm2.Decrypt(key, tampered));
        Should.Throw<CryptographicException>(() => Sm2.Decrypt(Sm2PrivateKey.Generate(), ciphertext));
        Sm2.Decrypt(key, ciphertext).ShouldBe("secret"u8.ToArray());
    }
}
