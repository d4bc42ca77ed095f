using System.Security.Cryptography;
using System.Text;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Engines;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Security;

namespace Qilu.Platform.Cryptography;

/// <summary>
/// SM2 digital signature (SM3withSM2, GB/T 32918.2 / GM/T 0003.2) and public-key encryption (C1C3C2,
/// GB/T 32918.4) on sm2p256v1. Signing hashes e = SM3(Z_A ‖ M) with
/// Z_A = SM3(ENTL ‖ ID ‖ a ‖ b ‖ xG ‖ yG ‖ xA ‖ yA); the default ID is <see cref="DefaultUserId"/> (GM/T 0009 §10).
/// The exact wire format is fixed in ADR 0003. All members are thread-safe.
/// </summary>
public static class Sm2
{
    /// <summary>The default distinguishing identifier "1234567812345678" (GM/T 0009-2012, GB/T 35276-2017).</summary>
    public const string DefaultUserId = "1234567812345678";

    /// <summary>Length of a raw r‖s signature.</summary>
    public const int RawSignatureSize = 64;

    /// <summary>
    /// Signs <paramref name="message"/> (the message itself, not a digest: Z_A and SM3 are applied here).
    /// The user ID is UTF-8 encoded. Nonces come from the OS CSPRNG.
    /// </summary>
    public static byte[] Sign(Sm2PrivateKey privateKey, ReadOnlySpan<byte> message,
        Sm2SignatureEncoding encoding = Sm2SignatureEncoding.Der, string userId = DefaultUserId)
    {
        ArgumentNullException.ThrowIfNull(privateKey);
        CheckUserId(userId);
        var lease = privateKey.SignerPool.Rent(encoding, userId);
        var signer = lease.Signer;
        signer.BlockUpdate(message);
        var signature = signer.GenerateSignature();
        // Returned only after a completed signature: GenerateSignature resets the signer to its initialised state.
        lease.Return();
        return signature;
    }

    /// <summary>Signs the UTF-8 encoding of <paramref name="message"/>.</summary>
    public static byte[] Sign(Sm2PrivateKey privateKey, string message,
        Sm2SignatureEncoding encoding = Sm2SignatureEncoding.Der, string userId = DefaultUserId)
    {
        ArgumentNullException.ThrowIfNull(message);
        return Sign(privateKey, Encoding.UTF8.GetBytes(message), encoding, userId);
    }

    /// <summary>
    /// Verifies a signature. Returns false — never throws — for a wrong key, message, user ID, a tampered or
    /// malformed signature, r or s outside [1, n−1], or a signature in the other encoding (DER is parsed strictly).
    /// </summary>
    public static bool Verify(Sm2PublicKey publicKey, ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature,
        Sm2SignatureEncoding encoding = Sm2SignatureEncoding.Der, string userId = DefaultUserId)
    {
        ArgumentNullException.ThrowIfNull(publicKey);
        CheckUserId(userId);
        if (encoding == Sm2SignatureEncoding.Raw ? signature.Length != RawSignatureSize : signature.Length is < 8 or > 72)
            return false;
        var lease = publicKey.VerifierPool.Rent(encoding, userId);
        var verifier = lease.Signer;
        verifier.BlockUpdate(message);
        var ok = verifier.VerifySignature(signature.ToArray());
        lease.Return();
        return ok;
    }

    /// <summary>Verifies a signature over the UTF-8 encoding of <paramref name="message"/>.</summary>
    public static bool Verify(Sm2PublicKey publicKey, string message, ReadOnlySpan<byte> signature,
        Sm2SignatureEncoding encoding = Sm2SignatureEncoding.Der, string userId = DefaultUserId)
    {
        ArgumentNullException.ThrowIfNull(message);
        return Verify(publicKey, Encoding.UTF8.GetBytes(message), signature, encoding, userId);
    }

    /// <summary>Re-encodes a signature between DER and raw r‖s. Throws <see cref="FormatException"/> when malformed.</summary>
    public static byte[] ConvertSignature(ReadOnlySpan<byte> signature, Sm2SignatureEncoding from, Sm2SignatureEncoding to)
    {
        var source = DsaEncoding(from);
        Org.BouncyCastle.Math.BigInteger[] rs;
        try
        {
            rs = source.Decode(Sm2Curve.X9.N, signature.ToArray());
        }
        catch (ArgumentException ex)
        {
            throw new FormatException($"Signature is not a valid {from} SM2 signature.", ex);
        }
        return DsaEncoding(to).Encode(Sm2Curve.X9.N, rs[0], rs[1]);
    }

    /// <summary>
    /// Z_A = SM3(ENTL ‖ ID ‖ a ‖ b ‖ xG ‖ yG ‖ xA ‖ yA) for a public key and user ID (for interop diagnosis: two
    /// implementations that disagree on Z disagree on every signature).
    /// </summary>
    public static byte[] ComputeZ(Sm2PublicKey publicKey, string userId = DefaultUserId)
    {
        ArgumentNullException.ThrowIfNull(publicKey);
        CheckUserId(userId);
        var id = Encoding.UTF8.GetBytes(userId);
        var digest = new SM3Digest();
        var entl = id.Length * 8;
        digest.Update((byte)(entl >> 8));
        digest.Update((byte)entl);
        digest.BlockUpdate(id);
        var curve = Sm2Curve.X9.Curve;
        var g = Sm2Curve.Domain.G;
        var q = publicKey.Parameters.Q;
        foreach (var element in new[] { curve.A, curve.B, g.AffineXCoord, g.AffineYCoord, q.AffineXCoord, q.AffineYCoord })
            digest.BlockUpdate(element.GetEncoded());
        var z = new byte[Sm3.HashSizeInBytes];
        digest.DoFinal(z);
        return z;
    }

    /// <summary>
    /// SM2 public-key encryption, output C1 ‖ C3 ‖ C2 (C1 = uncompressed point 04‖x‖y, 65 bytes; C3 = SM3 tag,
    /// 32 bytes; C2 = ciphertext, same length as the plaintext). npm sm-crypto's default (cipherMode 1) omits
    /// the leading 04 of C1; prepend it before decrypting such input.
    /// </summary>
    public static byte[] Encrypt(Sm2PublicKey publicKey, ReadOnlySpan<byte> plaintext) =>
        Encrypt(publicKey, plaintext, Sm2Random.Instance);

    internal static byte[] Encrypt(Sm2PublicKey publicKey, ReadOnlySpan<byte> plaintext, SecureRandom random)
    {
        ArgumentNullException.ThrowIfNull(publicKey);
        if (plaintext.IsEmpty) throw new ArgumentException("SM2 cannot encrypt an empty message.", nameof(plaintext));
        var engine = new SM2Engine(SM2Engine.Mode.C1C3C2);
        engine.Init(true, new ParametersWithRandom(publicKey.Parameters, random));
        var input = plaintext.ToArray();
        return engine.ProcessBlock(input, 0, input.Length);
    }

    /// <summary>
    /// Decrypts C1 ‖ C3 ‖ C2. Throws <see cref="CryptographicException"/> when C3 does not match (wrong key or
    /// tampered ciphertext) or the input is malformed.
    /// </summary>
    public static byte[] Decrypt(Sm2PrivateKey privateKey, ReadOnlySpan<byte> ciphertext)
    {
        ArgumentNullException.ThrowIfNull(privateKey);
        if (ciphertext.Length < 65 + 32 + 1)
            throw new CryptographicException("SM2 ciphertext is too short for C1 (65) ‖ C3 (32) ‖ C2.");
        var engine = new SM2Engine(SM2Engine.Mode.C1C3C2);
        engine.Init(false, privateKey.Parameters);
        var input = ciphertext.ToArray();
        try
        {
            return engine.ProcessBlock(input, 0, input.Length);
        }
        catch (Exception ex) when (ex is InvalidCipherTextException or ArgumentException)
        {
            throw new CryptographicException("SM2 decryption failed: wrong key or tampered ciphertext.", ex);
        }
    }

    /// <summary>Signs with a caller-supplied random source and an unpooled signer (fixed-k standard vectors).</summary>
    internal static byte[] SignWithRandom(Sm2PrivateKey privateKey, ReadOnlySpan<byte> message,
        Sm2SignatureEncoding encoding, string userId, SecureRandom random)
    {
        var signer = privateKey.SignerPool.Create(encoding, Encoding.UTF8.GetBytes(userId), random);
        signer.BlockUpdate(message);
        return signer.GenerateSignature();
    }

    private static IDsaEncoding DsaEncoding(Sm2SignatureEncoding encoding) => encoding switch
    {
        Sm2SignatureEncoding.Der => StandardDsaEncoding.Instance,
        Sm2SignatureEncoding.Raw => PlainDsaEncoding.Instance,
        _ => throw new ArgumentOutOfRangeException(nameof(encoding)),
    };

    private static void CheckUserId(string userId)
    {
        ArgumentNullException.ThrowIfNull(userId);
        // ENTL is two bytes of bit length: the ID must be shorter than 8192 bytes (GB/T 32918.2 §5.5).
        if (Encoding.UTF8.GetByteCount(userId) >= 8192)
            throw new ArgumentException("SM2 user ID must be shorter than 8192 bytes.", nameof(userId));
    }
}
