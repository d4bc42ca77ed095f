namespace Qilu.Platform.Cryptography.Keys;

/// <summary>A 256-bit secret from the key store. Use <see cref="DeriveKey"/> to get per-use sub-keys.</summary>
public sealed class SymmetricKey
{
    private readonly byte[] _material;

    internal SymmetricKey(string keyId, string purpose, byte[] material)
    {
        KeyId = keyId;
        Purpose = purpose;
        _material = material;
    }

    /// <summary>Key id, written into every ciphertext so that decryption finds the key after rotation.</summary>
    public string KeyId { get; }

    /// <summary>The purpose the key was issued for.</summary>
    public string Purpose { get; }

    /// <summary>The 32 secret bytes (read-only view; do not persist).</summary>
    public ReadOnlySpan<byte> Material => _material;

    /// <summary>
    /// A sub-key for one use: HMAC-SM3(material, UTF-8(label)) truncated to <paramref name="length"/> (≤ 32) bytes.
    /// E.g. an SM4 key (16 bytes) for field encryption, a 32-byte HMAC key for blind indexes.
    /// </summary>
    public byte[] DeriveKey(string label, int length) => Sm3.DeriveKey(_material, label, length);

    public override string ToString() => $"SymmetricKey({KeyId}, {Purpose})";
}
