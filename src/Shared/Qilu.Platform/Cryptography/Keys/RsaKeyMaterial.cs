using System.Security.Cryptography;

namespace Qilu.Platform.Cryptography.Keys;

/// <summary>An RSA key pair from the key store (for RS256 tokens).</summary>
public sealed class RsaKeyMaterial
{
    private readonly byte[] _pkcs8;
    private readonly byte[] _subjectPublicKeyInfo;

    internal RsaKeyMaterial(string keyId, string purpose, DateTimeOffset createdAt, byte[] pkcs8, byte[] subjectPublicKeyInfo)
    {
        KeyId = keyId;
        Purpose = purpose;
        CreatedAt = createdAt;
        _pkcs8 = pkcs8;
        _subjectPublicKeyInfo = subjectPublicKeyInfo;
    }

    /// <summary>Key id; use it as the JWK <c>kid</c>.</summary>
    public string KeyId { get; }

    /// <summary>The purpose the key was issued for.</summary>
    public string Purpose { get; }

    /// <summary>When the key was generated (UTC).</summary>
    public DateTimeOffset CreatedAt { get; }

    /// <summary>PKCS#8 PrivateKeyInfo DER (a copy; wipe after use).</summary>
    public byte[] ExportPkcs8PrivateKey() => (byte[])_pkcs8.Clone();

    /// <summary>SubjectPublicKeyInfo DER (a copy).</summary>
    public byte[] ExportSubjectPublicKeyInfo() => (byte[])_subjectPublicKeyInfo.Clone();

    /// <summary>A new <see cref="RSA"/> holding the private key; the caller disposes it.</summary>
    public RSA CreateRsa()
    {
        var rsa = RSA.Create();
        try
        {
            rsa.ImportPkcs8PrivateKey(_pkcs8, out _);
            return rsa;
        }
        catch
        {
            rsa.Dispose();
            throw;
        }
    }

    /// <summary>Public parameters (n, e) for a JWKS document.</summary>
    public RSAParameters ExportPublicParameters()
    {
        using var rsa = RSA.Create();
        rsa.ImportSubjectPublicKeyInfo(_subjectPublicKeyInfo, out _);
        return rsa.ExportParameters(includePrivateParameters: false);
    }

    public override string ToString() => $"RsaKeyMaterial({KeyId}, {Purpose})";
}
