using System.Security.Cryptography;
using Qilu.Platform.Cryptography;
using Shouldly;

namespace Qilu.Platform.Tests.Cryptography;

public sealed class Sm4Tests
{
    private static readonly byte[] StandardKey = Convert.FromHexString("0123456789abcdeffedcba9876543210");

    [Fact]
    public void EncryptEcb_WhenStandardExample1_MatchesPublishedCiphertext()
    {
        // GB/T 32907-2016 example 1: key = plaintext.
        var ciphertext = Sm4.EncryptEcb(StandardKey, StandardKey, Sm4Padding.None);

        Convert.ToHexStringLower(ciphertext).ShouldBe("681edf34d206965e86b3e94f536e4246");
        Sm4.DecryptEcb(StandardKey, ciphertext, Sm4Padding.None).ShouldBe(StandardKey);
    }

    [Fact]
    public void EncryptEcb_WhenStandardExample2MillionIterations_MatchesPublishedCiphertext()
    {
        // GB/T 32907-2016 example 2: encrypt the same block 1,000,000 times (about 1–2 s here; kept in the suite).
        var block = (byte[])StandardKey.Clone();
        var engine = new Org.BouncyCastle.Crypto.Engines.SM4Engine();
        engine.Init(true, new Org.BouncyCastle.Crypto.Parameters.KeyParameter(StandardKey));
        for (var i = 0; i < 1_000_000; i++) engine.ProcessBlock(block, 0, block, 0);

        Convert.ToHexStringLower(block).ShouldBe("595298c7c6fd271f0402f804c33d3f66");
        // The public API agrees with the engine on the first iteration, so the chain above tests the same cipher.
        Sm4.EncryptEcb(StandardKey, StandardKey, Sm4Padding.None).ShouldBe(FirstIteration());
    }

    private static byte[] FirstIteration()
    {
        var engine = new Org.BouncyCastle.Crypto.Engines.SM4Engine();
        engine.Init(true, new Org.BouncyCastle.Crypto.Parameters.KeyParameter(StandardKey));
        var block = (byte[])StandardKey.Clone();
        engine.ProcessBlock(block, 0, block, 0);
        return block;
    }

    [Fact]
    public void EncryptCbc_WhenGmsslVector_MatchesPublishedCiphertext()
    {
        var plaintext = Convert.FromHexString("00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff");
        var iv = Convert.FromHexString("000102030405060708090a0b0c0d0e0f");

        var ciphertext = Sm4.EncryptCbc(StandardKey, iv, plaintext);

        Convert.ToHexStringLower(ciphertext).ShouldBe(
            "4691e99a3261b6144f6aa68bea48dbbd16e96658f113bf22cbe041bb87f2e01145d4184544ee7728d4f5e61653665de5");
        Sm4.DecryptCbc(StandardKey, iv, ciphertext).ShouldBe(plaintext);
    }

    [Fact]
    public void EncryptGcm_WhenRfc8998Vector_MatchesPublishedCiphertextAndTag()
    {
        // RFC 8998 Appendix A.1 (SM4-GCM).
        var nonce = Convert.FromHexString("00001234567800000000ABCD");
        var aad = Convert.FromHexString("FEEDFACEDEADBEEFFEEDFACEDEADBEEFABADDAD2");
        var plaintext = Convert.FromHexString(
            "AAAAAAAAAAAAAAAABBBBBBBBBBBBBBBBCCCCCCCCCCCCCCCCDDDDDDDDDDDDDDDDEEEEEEEEEEEEEEEEFFFFFFFFFFFFFFFFEEEEEEEEEEEEEEEEAAAAAAAAAAAAAAAA");

        var output = Sm4.EncryptGcm(StandardKey, nonce, plaintext, aad);

        Convert.ToHexString(output).ShouldBe(
            "17F399F08C67D5EE19D0DC9969C4BB7D5FD46FD3756489069157B282BB200735D82710CA5C22F0CCFA7CBF93D496AC15A56834CBCF98C397B4024A2691233B8D"
            + "83DE3541E4C2B58177E065A9BF7B62EC");
        Sm4.DecryptGcm(StandardKey, nonce, output, aad).ShouldBe(plaintext);
    }

    [Fact]
    public void EncryptGcm_WhenEngineReusedAcrossKeysAndNonces_StillMatchesRfc8998Vector()
    {
        // The thread keeps a keyed engine: a seal under another key, a repeat of the same nonce (refused by a kept
        // BouncyCastle engine) and a failed open in between must not change the published result.
        var nonce = Convert.FromHexString("00001234567800000000ABCD");
        var aad = Convert.FromHexString("FEEDFACEDEADBEEFFEEDFACEDEADBEEFABADDAD2");
        var plaintext = Convert.FromHexString(
            "AAAAAAAAAAAAAAAABBBBBBBBBBBBBBBBCCCCCCCCCCCCCCCCDDDDDDDDDDDDDDDDEEEEEEEEEEEEEEEEFFFFFFFFFFFFFFFFEEEEEEEEEEEEEEEEAAAAAAAAAAAAAAAA");
        const string Expected = "17F399F08C67D5EE19D0DC9969C4BB7D5FD46FD3756489069157B282BB200735D82710CA5C22F0CCFA7CBF93D496AC15A56834CBCF98C397B4024A2691233B8D"
            + "83DE3541E4C2B58177E065A9BF7B62EC";
        var otherKey = RandomNumberGenerator.GetBytes(16);

        for (var round = 0; round < 3; round++)
        {
            var other = Sm4.EncryptGcm(otherKey, RandomNumberGenerator.GetBytes(12), plaintext, aad);
            Convert.ToHexString(Sm4.EncryptGcm(StandardKey, nonce, plaintext, aad)).ShouldBe(Expected);
            Convert.ToHexString(Sm4.EncryptGcm(StandardKey, nonce, plaintext, aad)).ShouldBe(Expected);
            Should.Throw<CryptographicException>(() => Sm4.DecryptGcm(StandardKey, nonce, other, aad));
            Sm4.DecryptGcm(StandardKey, nonce, Convert.FromHexString(Expected), aad).ShouldBe(plaintext);
            Sm4.DecryptGcm(otherKey, nonce, Sm4.EncryptGcm(otherKey, nonce, plaintext), default).ShouldBe(plaintext);
        }
    }

    [Fact]
    public void EncryptGcm_WhenManyThreadsSealAtOnce_EveryValueOpensToItsPlaintext()
    {
        var results = new System.Collections.Concurrent.ConcurrentBag<bool>();
        Parallel.For(0, 2_000, i =>
        {
            var plaintext = System.Text.Encoding.UTF8.GetBytes($"身份证号 {i}");
            var nonce = RandomNumberGenerator.GetBytes(12);
            var sealedBytes = Sm4.EncryptGcm(StandardKey, nonce, plaintext, "aad"u8);
            results.Add(Sm4.DecryptGcm(StandardKey, nonce, sealedBytes, "aad"u8).AsSpan().SequenceEqual(plaintext));
        });
        results.Count.ShouldBe(2_000);
        results.ShouldAllBe(ok => ok);
    }

    [Fact]
    public void EncryptGcm_WhenWrittenIntoDestination_MatchesRfc8998VectorAndAFreshBouncyCastleEngine()
    {
        // The non-allocating form (the field protector's hot path) against the published vector, then differentially
        // against a fresh BouncyCastle SM4-GCM engine over random keys, nonces, lengths (0…300 bytes, across block
        // boundaries) and associated data, with the thread's kept engine re-keyed in between.
        var nonce = Convert.FromHexString("00001234567800000000ABCD");
        var aad = Convert.FromHexString("FEEDFACEDEADBEEFFEEDFACEDEADBEEFABADDAD2");
        var plaintext = Convert.FromHexString(
            "AAAAAAAAAAAAAAAABBBBBBBBBBBBBBBBCCCCCCCCCCCCCCCCDDDDDDDDDDDDDDDDEEEEEEEEEEEEEEEEFFFFFFFFFFFFFFFFEEEEEEEEEEEEEEEEAAAAAAAAAAAAAAAA");
        var output = new byte[plaintext.Length + 16];
        Sm4.EncryptGcm(StandardKey, nonce, plaintext, aad, output);
        Convert.ToHexString(output).ShouldBe(
            "17F399F08C67D5EE19D0DC9969C4BB7D5FD46FD3756489069157B282BB200735D82710CA5C22F0CCFA7CBF93D496AC15A56834CBCF98C397B4024A2691233B8D"
            + "83DE3541E4C2B58177E065A9BF7B62EC");

        var random = new Random(20261129);
        var keys = Enumerable.Range(0, 4).Select(_ => RandomNumberGenerator.GetBytes(16)).ToArray();
        for (var i = 0; i < 3_000; i++)
        {
            var key = i % 7 == 0 ? RandomNumberGenerator.GetBytes(16) : keys[random.Next(keys.Length)];
            var n = RandomNumberGenerator.GetBytes(12);
            var data = RandomNumberGenerator.GetBytes(random.Next(0, 301));
            var ad = random.Next(4) == 0 ? [] : RandomNumberGenerator.GetBytes(random.Next(1, 40));
            var mine = new byte[data.Length + 16];
            Sm4.EncryptGcm(key, n, data, ad, mine);

            var reference = new Org.BouncyCastle.Crypto.Modes.GcmBlockCipher(new Org.BouncyCastle.Crypto.Engines.SM4Engine());
            reference.Init(true, new Org.BouncyCastle.Crypto.Parameters.AeadParameters(new Org.BouncyCastle.Crypto.Parameters.KeyParameter(key), 128, n, ad));
            var expected = new byte[reference.GetOutputSize(data.Length)];
            var written = reference.ProcessBytes(data, 0, data.Length, expected, 0);
            reference.DoFinal(expected, written);

            mine.ShouldBe(expected, $"case {i}: {data.Length} bytes, {ad.Length} bytes of associated data");
            Sm4.EncryptGcm(key, n, data, ad).ShouldBe(expected);
            Sm4.DecryptGcm(key, n, mine, ad).ShouldBe(data);
        }
        Should.Throw<ArgumentException>(() => Sm4.EncryptGcm(StandardKey, nonce, plaintext, aad, new byte[plaintext.Length + 15]));
    }

    [Fact]
    public void DecryptGcm_WhenAnyBitFlipped_ThrowsCryptographicException()
    {
        var nonce = RandomNumberGenerator.GetBytes(12);
        var output = Sm4.EncryptGcm(StandardKey, nonce, "hello"u8, "aad"u8);
        for (var i = 0; i < output.Length; i++)
        {
            var tampered = (byte[])output.Clone();
            tampered[i] ^= 0x01;
            Should.Throw<CryptographicException>(() => Sm4.DecryptGcm(StandardKey, nonce, tampered, "aad"u8));
        }
        Should.Throw<CryptographicException>(() => Sm4.DecryptGcm(StandardKey, nonce, output, "other"u8));
    }

    [Fact]
    public void EncryptEcb_WhenPkcs7_PadsToNextBlockAndRoundTrips()
    {
        var ciphertext = Sm4.EncryptEcb(StandardKey, new byte[16]);
        ciphertext.Length.ShouldBe(32);
        Sm4.DecryptEcb(StandardKey, ciphertext).ShouldBe(new byte[16]);
    }

    [Fact]
    public void EncryptEcb_WhenKeyWrongLength_ThrowsWithReason()
    {
        var ex = Should.Throw<ArgumentException>(() => Sm4.EncryptEcb(new byte[15], new byte[16]));
        ex.Message.ShouldContain("16 bytes");
    }

    [Fact]
    public void DecryptCbc_WhenWrongKey_FailsPaddingOrReturnsDifferentPlaintext()
    {
        var iv = new byte[16];
        var ciphertext = Sm4.EncryptCbc(StandardKey, iv, "国密 SM4"u8);
        var wrongKey = (byte[])StandardKey.Clone();
        wrongKey[0] ^= 1;
        try
        {
            Sm4.DecryptCbc(wrongKey, iv, ciphertext).ShouldNotBe("国密 SM4"u8.ToArray());
        }
        catch (CryptographicException)
        {
            // Expected in most cases: the padding check rejects the garbage block.
        }
    }
}
