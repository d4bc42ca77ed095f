using System.Globalization;
using System.Numerics;
using System.Security.Cryptography;

namespace Qilu.Trust.Credentials;

/// <summary>
/// did:key for P-256 public keys (W3C did:key method; Multikey): <c>did:key:z</c> + base58btc(multicodec p256-pub
/// varint 0x1200 = bytes 0x80 0x24 ‖ SEC 1 compressed point). Such identifiers start with <c>zDn</c>. The verification
/// method is <c>did:key:z…#z…</c>. Decompression uses p ≡ 3 (mod 4): y = (x³ − 3x + b)^((p+1)/4) mod p.
/// </summary>
internal static class DidKeyP256
{
    private static readonly byte[] Multicodec = [0x80, 0x24];
    private static readonly BigInteger P = Hex("ffffffff00000001000000000000000000000000ffffffffffffffffffffffff");
    private static readonly BigInteger B = Hex("5ac635d8aa3a93e7b3ebbd55769886bc651d06b0cc53b0f63bce3c3e27d2604b");

    /// <summary>The multibase Multikey value (<c>zDn…</c>) of a compressed P-256 point.</summary>
    public static string Multikey(ReadOnlySpan<byte> compressed) => "z" + Base58Btc.Encode([.. Multicodec, .. compressed]);

    public static string Did(ReadOnlySpan<byte> compressed) => "did:key:" + Multikey(compressed);

    public static string VerificationMethod(ReadOnlySpan<byte> compressed)
    {
        var key = Multikey(compressed);
        return $"did:key:{key}#{key}";
    }

    /// <summary>The SEC 1 compressed point of a P-256 SubjectPublicKeyInfo (DER).</summary>
    public static byte[] Compress(byte[] subjectPublicKeyInfo)
    {
        using var ec = ECDsa.Create();
        ec.ImportSubjectPublicKeyInfo(subjectPublicKeyInfo, out _);
        var q = ec.ExportParameters(includePrivateParameters: false).Q;
        return [(byte)((q.Y![^1] & 1) == 0 ? 0x02 : 0x03), .. q.X!];
    }

    /// <summary>The compressed point in a did:key verification method (or DID), or a format error.</summary>
    public static byte[] Parse(string verificationMethod)
    {
        if (!verificationMethod.StartsWith("did:key:z", StringComparison.Ordinal))
            throw new FormatException("The verification method is not a did:key with a base58btc multibase key.");
        var did = verificationMethod.Split('#')[0];
        var key = did["did:key:".Length..];
        if (verificationMethod.Contains('#', StringComparison.Ordinal) && verificationMethod[(verificationMethod.IndexOf('#', StringComparison.Ordinal) + 1)..] != key)
            throw new FormatException("The did:key fragment must repeat the key.");
        var bytes = Base58Btc.Decode(key[1..]);
        if (bytes.Length != 35 || bytes[0] != Multicodec[0] || bytes[1] != Multicodec[1] || bytes[2] is not (0x02 or 0x03))
            throw new FormatException("The did:key is not a compressed P-256 public key (multicodec 0x1200).");
        return bytes[2..];
    }

    /// <summary>An <see cref="ECDsa"/> holding the public key of a compressed point; the caller disposes it.</summary>
    public static ECDsa PublicKey(byte[] compressed)
    {
        var x = new BigInteger(compressed.AsSpan(1), isUnsigned: true, isBigEndian: true);
        if (x >= P) throw new FormatException("x is not a field element.");
        var rhs = ((BigInteger.ModPow(x, 3, P) - 3 * x + B) % P + P) % P;
        var y = BigInteger.ModPow(rhs, (P + 1) / 4, P);
        if (BigInteger.ModPow(y, 2, P) != rhs) throw new FormatException("The point is not on P-256.");
        if ((y.IsEven ? 0x02 : 0x03) != compressed[0]) y = P - y;
        var parameters = new ECParameters
        {
            Curve = ECCurve.NamedCurves.nistP256,
            Q = new ECPoint { X = compressed[1..], Y = Fixed(y) },
        };
        var ec = ECDsa.Create();
        try
        {
            ec.ImportParameters(parameters);
            return ec;
        }
        catch (CryptographicException ex)
        {
            ec.Dispose();
            throw new FormatException("The point is not a valid P-256 public key.", ex);
        }
    }

    private static byte[] Fixed(BigInteger v)
    {
        var bytes = v.ToByteArray(isUnsigned: true, isBigEndian: true);
        var result = new byte[32];
        bytes.CopyTo(result, 32 - bytes.Length);
        return result;
    }

    private static BigInteger Hex(string hex) => BigInteger.Parse("0" + hex, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
}
