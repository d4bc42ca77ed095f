using System.Text;
using Qilu.Platform.Cryptography;
using Shouldly;

namespace Qilu.Platform.Tests.Cryptography;

public sealed class Sm3Tests
{
    [Theory]
    // GB/T 32905-2016 examples 1 and 2.
    [InlineData("abc", "66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0")]
    [InlineData("abcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcd", "debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732")]
    // BouncyCastle SM3DigestTest non-standard vectors.
    [InlineData("", "1ab21d8355cfa17f8e61194831e81a8f22bec8c728fefb747ed035eb5082aa2b")]
    [InlineData("abcdefghijklmnopqrstuvwxyz", "b80fe97a4da24afc277564f66a359ef440462ad28dcc6d63adb24d5c20a61595")]
    public void HashHex_WhenStandardVector_MatchesPublishedDigest(string input, string expected)
    {
        Sm3.HashHex(Encoding.ASCII.GetBytes(input)).ShouldBe(expected);
        Convert.ToHexStringLower(Sm3.Hash(Encoding.ASCII.GetBytes(input))).ShouldBe(expected);
    }

    [Fact]
    public void Hash_WhenMillionA_MatchesPublishedDigest()
    {
        var data = new byte[1_000_000];
        data.AsSpan().Fill((byte)'a');
        Sm3.HashHex(data).ShouldBe("c8aaf89429554029e231941a2acc0ad61ff2a5acd8fadd25847a3a732b3b02c3");
    }

    [Fact]
    public void Hmac_WhenComputed_MatchesRfc2104ConstructionOverSm3()
    {
        // Independent HMAC from the definition: H((K ⊕ opad) ‖ H((K ⊕ ipad) ‖ m)), block size 64.
        var key = Encoding.ASCII.GetBytes("qilu-test-key");
        var data = Encoding.UTF8.GetBytes("身份证号 110101199003070011");
        var k = new byte[64];
        key.CopyTo(k, 0);
        var inner = Sm3.Hash([.. k.Select(b => (byte)(b ^ 0x36)), .. data]);
        var expected = Sm3.Hash([.. k.Select(b => (byte)(b ^ 0x5c)), .. inner]);

        Sm3.Hmac(key, data).ShouldBe(expected);
    }

    [Fact]
    public void Hmac_WhenEngineReusedAcrossManyKeys_MatchesRfc2104ConstructionEveryTime()
    {
        // The thread keeps keyed engines (16, then starts over): interleave more keys than that, and long keys
        // (hashed first by HMAC), and check each tag against the definition.
        static byte[] Reference(byte[] key, byte[] data)
        {
            var k = new byte[64];
            (key.Length > 64 ? Sm3.Hash(key) : key).CopyTo(k, 0);
            var inner = Sm3.Hash([.. k.Select(b => (byte)(b ^ 0x36)), .. data]);
            return Sm3.Hash([.. k.Select(b => (byte)(b ^ 0x5c)), .. inner]);
        }
        var keys = Enumerable.Range(0, 40).Select(i => Encoding.UTF8.GetBytes(new string('k', i % 3 == 0 ? 70 + i : 1 + i))).ToArray();
        for (var round = 0; round < 3; round++)
            for (var i = 0; i < keys.Length; i++)
            {
                var data = Encoding.UTF8.GetBytes($"值{round}-{i}");
                Sm3.Hmac(keys[i], data).ShouldBe(Reference(keys[i], data));
                Sm3.Hmac(keys[(i * 7) % keys.Length], data).ShouldBe(Reference(keys[(i * 7) % keys.Length], data));
            }
    }

    [Fact]
    public void HashAndHmac_WhenRandomInputs_MatchBouncyCastleByteForByte()
    {
        // The platform's SM3 (Sm3Core) against BouncyCastle's SM3Digest and HMac over every length 0…300 (all padding
        // cases: 55, 56, 63, 64 and 119/120 bytes are where the length field moves to a second block) and random keys of
        // 0…150 bytes (over 64 bytes HMAC hashes the key first).
        var random = new Random(32905);
        for (var length = 0; length <= 300; length++)
        {
            for (var round = 0; round < 10; round++)
            {
                var data = new byte[length];
                random.NextBytes(data);
                var digest = new Org.BouncyCastle.Crypto.Digests.SM3Digest();
                digest.BlockUpdate(data, 0, data.Length);
                var expected = new byte[32];
                digest.DoFinal(expected, 0);
                Sm3.Hash(data).ShouldBe(expected, $"hash of {length} bytes");

                var key = new byte[random.Next(0, 151)];
                random.NextBytes(key);
                var mac = new Org.BouncyCastle.Crypto.Macs.HMac(new Org.BouncyCastle.Crypto.Digests.SM3Digest());
                mac.Init(new Org.BouncyCastle.Crypto.Parameters.KeyParameter(key));
                mac.BlockUpdate(data, 0, data.Length);
                var expectedMac = new byte[32];
                mac.DoFinal(expectedMac, 0);
                Sm3.Hmac(key, data).ShouldBe(expectedMac, $"HMAC of {length} bytes under a {key.Length}-byte key");
            }
        }
    }

    [Fact]
    public void Hmac_WhenKeyDiffers_DiffersInOutput()
    {
        var data = "x"u8.ToArray();
        Sm3.Hmac("k1"u8, data).ShouldNotBe(Sm3.Hmac("k2"u8, data));
    }

    [Fact]
    public void Hash_WhenDestinationTooSmall_Throws()
    {
        Should.Throw<ArgumentException>(() => Sm3.Hash("abc"u8, new byte[31]));
    }
}
