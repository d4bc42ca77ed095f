namespace Qilu.Platform.Cryptography.Keys;

/// <summary>Well-known key purposes. A purpose separates keys so that one compromise or rotation stays local.</summary>
public static class KeyPurposes
{
    /// <summary>SM2 key signing audit-log checkpoints.</summary>
    public const string AuditCheckpoint = "audit.checkpoint";

    /// <summary>Token signing keys of the OpenID Connect provider (RSA for RS256; SM2 where clients support it).</summary>
    public const string OidcSigning = "oidc.signing";

    /// <summary>Symmetric key for SM4-GCM encryption of personal-data fields.</summary>
    public const string FieldEncryption = "field.encryption";

    /// <summary>Symmetric key for HMAC-SM3 blind indexes of encrypted fields (rotation forces a re-index).</summary>
    public const string FieldBlindIndex = "field.blind-index";

    /// <summary>Checks a purpose: 1–100 characters of <c>a-z 0-9 . _ -</c>.</summary>
    public static void Validate(string purpose)
    {
        ArgumentNullException.ThrowIfNull(purpose);
        if (purpose.Length is 0 or > 100)
            throw new ArgumentException("Key purpose must be 1–100 characters.", nameof(purpose));
        foreach (var c in purpose)
        {
            if (c is not ((>= 'a' and <= 'z') or (>= '0' and <= '9') or '.' or '_' or '-'))
                throw new ArgumentException($"Key purpose '{purpose}' may contain only a-z, 0-9, '.', '_' and '-'.", nameof(purpose));
        }
    }
}
