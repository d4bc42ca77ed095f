using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Asn1.X9;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Math.EC;

namespace Qilu.Platform.Cryptography;

/// <summary>
/// An SM2 public key on sm2p256v1. Immutable and thread-safe; equal when the points are equal. Encodings:
/// uncompressed point <c>04‖x‖y</c> (65 bytes, sm-crypto's 130-hex form) and X.509 SubjectPublicKeyInfo with
/// algorithm id-ecPublicKey and parameters sm2p256v1 (1.2.156.10197.1.301), readable by OpenSSL 3 and gmssl.
/// </summary>
public sealed class Sm2PublicKey : IEquatable<Sm2PublicKey>
{
    private const string PemLabel = "PUBLIC KEY";
    private readonly byte[] _encoded;

    internal Sm2PublicKey(ECPoint point)
    {
        var normalized = point.Normalize();
        Parameters = new ECPublicKeyParameters("EC", normalized, Sm2Curve.Domain);
        _encoded = normalized.GetEncoded(false);
        VerifierPool = new Sm2SignerPool(Parameters, forSigning: false);
    }

    internal ECPublicKeyParameters Parameters { get; }

    internal Sm2SignerPool VerifierPool { get; }

    /// <summary>The uncompressed point <c>04‖x‖y</c> (65 bytes; a copy).</summary>
    public byte[] ToUncompressed() => (byte[])_encoded.Clone();

    /// <summary>The uncompressed point as 130 lower-case hex characters (npm sm-crypto form).</summary>
    public string ToHex() => Convert.ToHexStringLower(_encoded);

    /// <summary>X.509 SubjectPublicKeyInfo DER.</summary>
    public byte[] ExportSubjectPublicKeyInfo()
    {
        var algorithm = new AlgorithmIdentifier(X9ObjectIdentifiers.IdECPublicKey, Sm2Curve.Oid);
        return new SubjectPublicKeyInfo(algorithm, _encoded).GetDerEncoded();
    }

    /// <summary>SubjectPublicKeyInfo as PEM (<c>-----BEGIN PUBLIC KEY-----</c>).</summary>
    public string ExportPem() => Pem.Encode(PemLabel, ExportSubjectPublicKeyInfo());

    /// <summary>
    /// Reads an SEC 1 point: uncompressed <c>04‖x‖y</c> (65 bytes) or compressed <c>02/03‖x</c> (33 bytes).
    /// Throws <see cref="FormatException"/> when the bytes are not a valid point of sm2p256v1.
    /// </summary>
    public static Sm2PublicKey FromPoint(ReadOnlySpan<byte> encodedPoint)
    {
        if (encodedPoint.Length is not (65 or 33))
            throw new FormatException($"SM2 public key must be 65 bytes (04‖x‖y) or 33 bytes (compressed), got {encodedPoint.Length}.");
        ECPoint point;
        try
        {
            point = Sm2Curve.X9.Curve.DecodePoint(encodedPoint.ToArray());
            // Rejects the point at infinity and points off the curve or outside the prime-order subgroup.
            point = Sm2Curve.Domain.ValidatePublicPoint(point);
        }
        catch (ArgumentException ex)
        {
            throw new FormatException("SM2 public key is not a valid point on sm2p256v1.", ex);
        }
        return new Sm2PublicKey(point);
    }

    /// <summary>Reads a hex point (130 or 66 hex characters; sm-crypto form).</summary>
    public static Sm2PublicKey FromHex(string hex)
    {
        ArgumentNullException.ThrowIfNull(hex);
        return FromPoint(Pem.DecodeHex(hex, "SM2 public key"));
    }

    /// <summary>Reads SubjectPublicKeyInfo DER with id-ecPublicKey/sm2p256v1 (or the SM2 algorithm OID itself).</summary>
    public static Sm2PublicKey ImportSubjectPublicKeyInfo(ReadOnlySpan<byte> der)
    {
        SubjectPublicKeyInfo info;
        try
        {
            info = SubjectPublicKeyInfo.GetInstance(Asn1Object.FromByteArray(der.ToArray()));
        }
        catch (Exception ex) when (ex is ArgumentException or IOException or InvalidCastException)
        {
            throw new FormatException("Not a DER SubjectPublicKeyInfo.", ex);
        }
        Sm2KeyEncoding.CheckAlgorithm(info.Algorithm);
        return FromPoint(info.PublicKey.GetOctets());
    }

    /// <summary>Reads a <c>-----BEGIN PUBLIC KEY-----</c> PEM.</summary>
    public static Sm2PublicKey ImportPem(string pem) => ImportSubjectPublicKeyInfo(Pem.Decode(pem, PemLabel));

    public bool Equals(Sm2PublicKey? other) => other is not null && _encoded.AsSpan().SequenceEqual(other._encoded);

    public override bool Equals(object? obj) => obj is Sm2PublicKey other && Equals(other);

    public override int GetHashCode() => BitConverter.ToInt32(_encoded, 1);

    public override string ToString() => $"Sm2PublicKey({ToHex()})";
}
