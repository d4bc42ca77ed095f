using System.Security.Cryptography;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Pkcs;
using Org.BouncyCastle.Asn1.Sec;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Asn1.X9;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Math.EC.Multiplier;
using Org.BouncyCastle.Utilities;

namespace Qilu.Platform.Cryptography;

/// <summary>
/// An SM2 private key on sm2p256v1: the scalar d with 1 ≤ d ≤ n−2 (GB/T 32918.1 §6.1: d = n−1 has no (1+d)⁻¹).
/// Immutable and thread-safe; signing through <c>Sm2.Sign</c> reuses initialised signers held by the key.
/// <see cref="ToString"/> never prints the secret.
/// </summary>
public sealed class Sm2PrivateKey
{
    private const string PemLabel = "PRIVATE KEY";
    private static readonly BigInteger MaxD = Sm2Curve.X9.N.Subtract(BigInteger.Two);

    private Sm2PrivateKey(BigInteger d)
    {
        if (d.SignValue <= 0 || d.CompareTo(MaxD) > 0)
            throw new FormatException("SM2 private key is out of range: it must satisfy 1 ≤ d ≤ n−2.");
        Parameters = new ECPrivateKeyParameters("EC", d, Sm2Curve.Domain);
        PublicKey = new Sm2PublicKey(new FixedPointCombMultiplier().Multiply(Sm2Curve.Domain.G, d));
        SignerPool = new Sm2SignerPool(Parameters, forSigning: true);
    }

    internal ECPrivateKeyParameters Parameters { get; }

    internal Sm2SignerPool SignerPool { get; }

    /// <summary>The matching public key P = [d]G.</summary>
    public Sm2PublicKey PublicKey { get; }

    /// <summary>Generates a key from the operating system CSPRNG.</summary>
    public static Sm2PrivateKey Generate()
    {
        Span<byte> buffer = stackalloc byte[Sm2Curve.FieldBytes];
        try
        {
            while (true)
            {
                // Rejection sampling keeps d uniform on [1, n−2].
                RandomNumberGenerator.Fill(buffer);
                var d = new BigInteger(1, buffer);
                if (d.SignValue > 0 && d.CompareTo(MaxD) <= 0) return new Sm2PrivateKey(d);
            }
        }
        finally
        {
            CryptographicOperations.ZeroMemory(buffer);
        }
    }

    /// <summary>Reads the 32-byte big-endian scalar.</summary>
    public static Sm2PrivateKey FromBytes(ReadOnlySpan<byte> scalar)
    {
        if (scalar.Length != Sm2Curve.FieldBytes)
            throw new FormatException($"SM2 private key must be {Sm2Curve.FieldBytes} bytes, got {scalar.Length}.");
        return new Sm2PrivateKey(new BigInteger(1, scalar));
    }

    /// <summary>Reads the scalar as 64 hex characters (sm-crypto form).</summary>
    public static Sm2PrivateKey FromHex(string hex)
    {
        ArgumentNullException.ThrowIfNull(hex);
        var bytes = Pem.DecodeHex(hex, "SM2 private key");
        try
        {
            return FromBytes(bytes);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(bytes);
        }
    }

    /// <summary>The scalar as 32 big-endian bytes (a copy the caller should wipe).</summary>
    public byte[] ToBytes() => BigIntegers.AsUnsignedByteArray(Sm2Curve.FieldBytes, Parameters.D);

    /// <summary>The scalar as 64 lower-case hex characters.</summary>
    public string ToHex() => Convert.ToHexStringLower(ToBytes());

    /// <summary>
    /// PKCS#8 PrivateKeyInfo DER: algorithm id-ecPublicKey with namedCurve sm2p256v1, and an RFC 5915 ECPrivateKey
    /// carrying the public key. OpenSSL 3 reads it as an SM2 key.
    /// </summary>
    public byte[] ExportPkcs8()
    {
        var algorithm = new AlgorithmIdentifier(X9ObjectIdentifiers.IdECPublicKey, Sm2Curve.Oid);
        var ecKey = new ECPrivateKeyStructure(Sm2Curve.X9.N.BitLength, Parameters.D,
            new DerBitString(PublicKey.ToUncompressed()), null);
        return new PrivateKeyInfo(algorithm, ecKey).GetDerEncoded();
    }

    /// <summary>PKCS#8 as PEM (<c>-----BEGIN PRIVATE KEY-----</c>, unencrypted: protect the file).</summary>
    public string ExportPkcs8Pem() => Pem.Encode(PemLabel, ExportPkcs8());

    /// <summary>Reads an unencrypted PKCS#8 PrivateKeyInfo DER holding an sm2p256v1 key.</summary>
    public static Sm2PrivateKey ImportPkcs8(ReadOnlySpan<byte> der)
    {
        PrivateKeyInfo info;
        ECPrivateKeyStructure ecKey;
        try
        {
            info = PrivateKeyInfo.GetInstance(Asn1Object.FromByteArray(der.ToArray()));
            Sm2KeyEncoding.CheckAlgorithm(info.PrivateKeyAlgorithm);
            ecKey = ECPrivateKeyStructure.GetInstance(info.ParsePrivateKey());
        }
        catch (Exception ex) when (ex is ArgumentException or IOException or InvalidCastException)
        {
            throw new FormatException("Not a DER PKCS#8 PrivateKeyInfo with an EC private key.", ex);
        }
        var key = new Sm2PrivateKey(ecKey.GetKey());
        var embedded = ecKey.PublicKey;
        if (embedded is not null && !embedded.GetOctets().AsSpan().SequenceEqual(key.PublicKey.ToUncompressed())
            && !embedded.GetOctets().AsSpan().SequenceEqual(Sm2Curve.X9.Curve.DecodePoint(key.PublicKey.ToUncompressed()).GetEncoded(true)))
            throw new FormatException("PKCS#8 key is inconsistent: the embedded public key is not [d]G.");
        return key;
    }

    /// <summary>Reads a <c>-----BEGIN PRIVATE KEY-----</c> PEM.</summary>
    public static Sm2PrivateKey ImportPem(string pem) => ImportPkcs8(Pem.Decode(pem, PemLabel));

    /// <summary>Never reveals the scalar.</summary>
    public override string ToString() => $"Sm2PrivateKey(public {PublicKey.ToHex()})";
}
