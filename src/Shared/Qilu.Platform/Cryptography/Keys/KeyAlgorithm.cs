namespace Qilu.Platform.Cryptography.Keys;

/// <summary>What kind of key a key-store entry holds. Active keys are unique per (purpose, algorithm).</summary>
public enum KeyAlgorithm
{
    /// <summary>SM2 key pair on sm2p256v1 (signatures: audit checkpoints, e-licences, seals).</summary>
    Sm2,

    /// <summary>32 random bytes; sub-keys for SM4 field encryption and HMAC-SM3 blind indexes are derived from it.</summary>
    Symmetric,

    /// <summary>RSA 2048 key pair (OpenID Connect requires RS256 support for ID tokens).</summary>
    Rsa,

    /// <summary>ECDSA key pair on NIST P-256 (W3C Data Integrity <c>ecdsa-jcs-2019</c> proofs beside the SM2 forms).</summary>
    EcdsaP256,
}
