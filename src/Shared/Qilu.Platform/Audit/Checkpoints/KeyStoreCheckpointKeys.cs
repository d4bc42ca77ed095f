using Qilu.Platform.Cryptography.Keys;

namespace Qilu.Platform.Audit.Checkpoints;

/// <summary>
/// Signs checkpoints with the key store's active SM2 key of purpose <c>audit.checkpoint</c> (loaded on first use,
/// after start-up migrations). A rotation takes effect at the next restart; old keys stay in the store for verifying.
/// </summary>
public sealed class KeyStoreCheckpointSigner(IKeyStore keys) : ICheckpointSigner
{
    private readonly Lazy<Sm2SigningKey> _key = new(() => keys.GetActiveSm2KeyAsync(KeyPurposes.AuditCheckpoint).GetAwaiter().GetResult());

    public string KeyId => _key.Value.KeyId;

    public byte[] PublicKey => _key.Value.PublicKey.ToUncompressed();

    public byte[] Sign(ReadOnlySpan<byte> data) => _key.Value.Sign(data);
}

/// <summary>Finds checkpoint verification keys, current and retired, in the key store.</summary>
public sealed class KeyStoreCheckpointVerifierKeys(IKeyStore keys) : ICheckpointVerifierKeys
{
    public byte[]? FindPublicKey(string keyId) =>
        keys.FindVerificationKeyAsync(keyId).GetAwaiter().GetResult()?.ToUncompressed();
}
