namespace Qilu.Platform.Cryptography;

/// <summary>How an SM2 signature (r, s) is written as bytes (ADR 0003).</summary>
public enum Sm2SignatureEncoding
{
    /// <summary>
    /// ASN.1 DER <c>SEQUENCE { INTEGER r, INTEGER s }</c> (GM/T 0009 SM2Signature; what OpenSSL, gmssl and
    /// BouncyCastle's default produce). Variable length, at most 72 bytes. Use for stored and exchanged artefacts.
    /// </summary>
    Der,

    /// <summary>
    /// Fixed 64 bytes: r then s, each a 32-byte big-endian unsigned integer left-padded with zeros (npm sm-crypto's
    /// default output). Use only where a JavaScript/JSON peer demands it.
    /// </summary>
    Raw,
}
