using System.Security.Cryptography;

namespace Qilu.Platform.Cryptography.Keys;

/// <summary>
/// An ECDSA P-256 key pair from the key store, for W3C Data Integrity proofs (<c>ecdsa-jcs-2019</c>) that verifiers
/// without 国密 support can check. Signatures are IEEE P1363 (r‖s, 64 bytes) over SHA-256, as those proofs require.
/// </summary>
public sealed class EcdsaP256KeyMaterial
{
    private readonly byte[] _pkcs8;
    private readonly byte[] _subjectPublicKeyInfo;

    internal EcdsaP256KeyMaterial(string keyId, string purpose, DateTimeOffset createdAt, byte[] pkcs8, byte[] subjectPublicKeyInfo)
    {
        KeyId = keyId;
        Purpose = purpose;
        CreatedAt = createdAt;
        _pkcs8 = pkcs8;
        _subjectPublicKeyInfo = subjectPublicKeyInfo;
    }

    /// <summary>Key id in the key store.</summary>
    public string KeyId { get; }

    /// <summary>The purpose the key was issued for.</summary>
    public string Purpose { get; }

    /// <summary>When the key was generated (UTC).</summary>
    public DateTimeOffset CreatedAt { get; }

    /// <summary>SubjectPublicKeyInfo DER (a copy).</summary>
    public byte[] ExportSubjectPublicKeyInfo() => (byte[])_subjectPublicKeyInfo.Clone();

    /// <summary>The public point compressed per SEC 1 (33 bytes: 0x02/0x03 ‖ x), as did:key and Multikey carry it.</summary>
    public byte[] ExportCompressedPublicKey()
    {
        using var ec = ECDsa.Create();
        ec.ImportSubjectPublicKeyInfo(_subjectPublicKeyInfo, out _);
        var q = ec.ExportParameters(includePrivateParameters: false).Q;
        var compressed = new byte[33];
        compressed[0] = (byte)((q.Y![^1] & 1) == 0 ? 0x02 : 0x03);
        q.X!.CopyTo(compressed, 1);
        return compressed;
    }

    /// <summary>ECDSA with SHA-256 over <paramref name="data"/>, IEEE P1363 encoding (r‖s, 64 bytes).</summary>
    public byte[] SignData(ReadOnlySpan<byte> data)
    {
        using var ec = ECDsa.Create();
        ec.ImportPkcs8PrivateKey(_pkcs8, out _);
        return ec.SignData(data, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
    }

    public override string ToString() => $"EcdsaP256KeyMaterial({KeyId}, {Purpose})";
}
