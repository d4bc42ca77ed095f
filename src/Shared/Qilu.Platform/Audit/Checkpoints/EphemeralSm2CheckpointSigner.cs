using Org.BouncyCastle.Crypto.Parameters;

namespace Qilu.Platform.Audit.Checkpoints;

/// <summary>
/// An SM2 checkpoint signer whose key pair lives only in memory. For tests and benchmarks: checkpoints it signed
/// cannot be verified after a restart unless its public key was recorded. Production binds the key store.
/// </summary>
public sealed class EphemeralSm2CheckpointSigner : ICheckpointSigner
{
    private readonly ECPrivateKeyParameters _private;

    public EphemeralSm2CheckpointSigner(string keyId = "qilu-audit-ephemeral")
    {
        SignedNote.ValidateKeyName(keyId);
        KeyId = keyId;
        var pair = Sm2.GenerateKeyPair();
        _private = (ECPrivateKeyParameters)pair.Private;
        PublicKey = Sm2.EncodePublicKey((ECPublicKeyParameters)pair.Public);
    }

    public string KeyId { get; }

    public byte[] PublicKey { get; }

    public byte[] Sign(ReadOnlySpan<byte> data) => Sm2.Sign(_private, data);
}
