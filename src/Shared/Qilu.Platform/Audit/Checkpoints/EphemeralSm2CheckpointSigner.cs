using Qilu.Platform.Cryptography;

namespace Qilu.Platform.Audit.Checkpoints;

/// <summary>
/// An SM2 checkpoint signer whose key pair lives only in memory. For tests and benchmarks: checkpoints it signed
/// cannot be verified after a restart unless its public key was recorded. Production binds the key store.
/// </summary>
public sealed class EphemeralSm2CheckpointSigner : ICheckpointSigner
{
    private readonly Sm2PrivateKey _private;

    public EphemeralSm2CheckpointSigner(string keyId = "qilu-audit-ephemeral")
    {
        SignedNote.ValidateKeyName(keyId);
        KeyId = keyId;
        _private = Sm2PrivateKey.Generate();
        PublicKey = _private.PublicKey.ToUncompressed();
    }

    public string KeyId { get; }

    public byte[] PublicKey { get; }

    public byte[] Sign(ReadOnlySpan<byte> data) => Sm2.Sign(_private, data);
}
