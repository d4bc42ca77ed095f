namespace Qilu.Platform.Cryptography.Keys;

/// <summary>
/// Keys by purpose, encrypted at rest under the master key, cached decrypted in memory (the hot path does not touch
/// the database). Exactly one key is active per purpose and algorithm; rotation retires the old one, which stays
/// available for verification and decryption — keys are never deleted. Thread-safe; shared by all nodes through the
/// database.
/// </summary>
public interface IKeyStore
{
    /// <summary>The active SM2 key of <paramref name="purpose"/>; generated on first use.</summary>
    Task<Sm2SigningKey> GetActiveSm2KeyAsync(string purpose, CancellationToken cancellationToken = default);

    /// <summary>The SM2 public key with that id, active or retired, or null when no SM2 key has that id.</summary>
    Task<Sm2PublicKey?> FindVerificationKeyAsync(string keyId, CancellationToken cancellationToken = default);

    /// <summary>The active 256-bit symmetric key of <paramref name="purpose"/>; generated on first use.</summary>
    Task<SymmetricKey> GetActiveSymmetricKeyAsync(string purpose, CancellationToken cancellationToken = default);

    /// <summary>The symmetric key with that id, active or retired (to decrypt old data), or null.</summary>
    Task<SymmetricKey?> FindSymmetricKeyAsync(string keyId, CancellationToken cancellationToken = default);

    /// <summary>The active RSA key of <paramref name="purpose"/>; generated (2048 bits) on first use.</summary>
    Task<RsaKeyMaterial> GetActiveRsaKeyAsync(string purpose, CancellationToken cancellationToken = default);

    /// <summary>The active ECDSA P-256 key of <paramref name="purpose"/>; generated on first use.</summary>
    Task<EcdsaP256KeyMaterial> GetActiveEcdsaP256KeyAsync(string purpose, CancellationToken cancellationToken = default);

    /// <summary>All RSA keys of <paramref name="purpose"/>, newest first (publish the retired ones in JWKS too).</summary>
    Task<IReadOnlyList<KeyInfo>> ListRsaKeysAsync(string purpose, CancellationToken cancellationToken = default);

    /// <summary>All keys, or those of one purpose, newest first.</summary>
    Task<IReadOnlyList<KeyInfo>> ListAsync(string? purpose = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Generates a new key for (purpose, algorithm), makes it active and retires the previous one in one
    /// transaction. When several nodes rotate at once they serialise: each call that returns activated its own key,
    /// and exactly one key is active afterwards.
    /// </summary>
    Task<KeyInfo> RotateAsync(string purpose, KeyAlgorithm algorithm = KeyAlgorithm.Sm2, CancellationToken cancellationToken = default);
}
