namespace Qilu.Platform.Audit.Checkpoints;

/// <summary>
/// Signs checkpoints with SM2 (SM3withSM2, default user id <c>1234567812345678</c>, DER signature). The host binds
/// this to the platform key store; <see cref="EphemeralSm2CheckpointSigner"/> is for tests and first runs.
/// </summary>
public interface ICheckpointSigner
{
    /// <summary>
    /// The key name used in the signature line of the signed note; no spaces or '+' (C2SP signed-note), e.g.
    /// <c>qilu.shandong.gov.cn/audit-2026</c>.
    /// </summary>
    string KeyId { get; }

    /// <summary>The 65-byte uncompressed SM2 public key (0x04 ‖ X ‖ Y).</summary>
    byte[] PublicKey { get; }

    /// <summary>SM3withSM2 signature over <paramref name="data"/>, DER encoded.</summary>
    byte[] Sign(ReadOnlySpan<byte> data);
}

/// <summary>Trusted checkpoint keys: key id → 65-byte uncompressed SM2 public key.</summary>
public interface ICheckpointVerifierKeys
{
    /// <summary>The public key registered under <paramref name="keyId"/>, or null when the key is unknown.</summary>
    byte[]? FindPublicKey(string keyId);
}

/// <summary>A fixed set of trusted keys (configuration, tests, the offline verifier).</summary>
public sealed class StaticCheckpointVerifierKeys : ICheckpointVerifierKeys
{
    private readonly Dictionary<string, byte[]> _keys;

    public StaticCheckpointVerifierKeys(IEnumerable<KeyValuePair<string, byte[]>> keys) =>
        _keys = new Dictionary<string, byte[]>(keys, StringComparer.Ordinal);

    /// <summary>Trusts exactly the signer's own key.</summary>
    public static StaticCheckpointVerifierKeys Of(ICheckpointSigner signer)
    {
        ArgumentNullException.ThrowIfNull(signer);
        return new([new(signer.KeyId, signer.PublicKey)]);
    }

    public byte[]? FindPublicKey(string keyId) => _keys.GetValueOrDefault(keyId);
}
