namespace Qilu.Platform.Cryptography.Keys.Data;

/// <summary>One row of the key table. Private material is SM4-GCM ciphertext under the master key (see docs/crypto.md).</summary>
internal sealed class KeyRecord
{
    public required string Id { get; set; }

    public required string Purpose { get; set; }

    public KeyAlgorithm Algorithm { get; set; }

    public KeyStatus Status { get; set; }

    /// <summary>SM2: 04‖x‖y; RSA: SubjectPublicKeyInfo; symmetric: empty.</summary>
    public required byte[] PublicMaterial { get; set; }

    /// <summary><c>0x01 ‖ nonce(12) ‖ SM4-GCM(ciphertext ‖ tag)</c>.</summary>
    public required byte[] EncryptedPrivateMaterial { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? ActivatedAt { get; set; }

    public DateTimeOffset? RetiredAt { get; set; }

    /// <summary>Changed on every update; an UPDATE whose stamp no longer matches affects no row (optimistic concurrency).</summary>
    public required string ConcurrencyStamp { get; set; }
}
