namespace Qilu.Platform.Cryptography;

/// <summary>Padding for SM4 ECB/CBC.</summary>
public enum Sm4Padding
{
    /// <summary>PKCS#7: 1–16 bytes, each equal to the pad length (npm sm-crypto and OpenSSL default).</summary>
    Pkcs7,

    /// <summary>No padding: input must be a multiple of 16 bytes (test vectors, fixed-size blocks).</summary>
    None,
}
