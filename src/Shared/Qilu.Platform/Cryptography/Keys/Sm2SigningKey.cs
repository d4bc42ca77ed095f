namespace Qilu.Platform.Cryptography.Keys;

/// <summary>An SM2 key from the key store together with its id (to stamp next to each signature).</summary>
public sealed class Sm2SigningKey
{
    internal Sm2SigningKey(string keyId, string purpose, Sm2PrivateKey privateKey)
    {
        KeyId = keyId;
        Purpose = purpose;
        PrivateKey = privateKey;
    }

    /// <summary>Key id; verifiers look the public key up with <see cref="IKeyStore.FindVerificationKeyAsync"/>.</summary>
    public string KeyId { get; }

    /// <summary>The purpose the key was issued for.</summary>
    public string Purpose { get; }

    /// <summary>The private key.</summary>
    public Sm2PrivateKey PrivateKey { get; }

    /// <summary>The public key.</summary>
    public Sm2PublicKey PublicKey => PrivateKey.PublicKey;

    /// <summary>Signs with SM3withSM2 (see <see cref="Sm2.Sign(Sm2PrivateKey, ReadOnlySpan{byte}, Sm2SignatureEncoding, string)"/>).</summary>
    public byte[] Sign(ReadOnlySpan<byte> message, Sm2SignatureEncoding encoding = Sm2SignatureEncoding.Der, string userId = Sm2.DefaultUserId) =>
        Sm2.Sign(PrivateKey, message, encoding, userId);

    public override string ToString() => $"Sm2SigningKey({KeyId}, {Purpose})";
}
