using System.Security.Cryptography;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Engines;
using Org.BouncyCastle.Crypto.Modes;
using Org.BouncyCastle.Crypto.Paddings;
using Org.BouncyCastle.Crypto.Parameters;

namespace Qilu.Platform.Cryptography;

/// <summary>
/// SM4 block cipher (GB/T 32907-2016): 128-bit key, 128-bit block. ECB and CBC with optional PKCS#7 padding, and
/// GCM (NIST SP 800-38D mode over SM4, as in RFC 8998). Prefer GCM: ECB/CBC have no integrity and exist for
/// interoperability with existing systems. Thread-safe (a cipher is created per call).
/// </summary>
public static class Sm4
{
    /// <summary>Key size in bytes.</summary>
    public const int KeySizeInBytes = 16;

    /// <summary>Block size in bytes.</summary>
    public const int BlockSizeInBytes = 16;

    /// <summary>Recommended GCM nonce size (96 bits; other sizes go through GHASH and are discouraged).</summary>
    public const int GcmNonceSizeInBytes = 12;

    /// <summary>GCM authentication tag size (128 bits).</summary>
    public const int GcmTagSizeInBytes = 16;

    /// <summary>Encrypts in ECB mode. Leaks equal blocks: only for interop and test vectors.</summary>
    public static byte[] EncryptEcb(ReadOnlySpan<byte> key, ReadOnlySpan<byte> plaintext, Sm4Padding padding = Sm4Padding.Pkcs7) =>
        Run(CreateBlockMode(new SM4Engine(), padding), true, new KeyParameter(CheckKey(key)), plaintext, padding);

    /// <summary>Decrypts ECB.</summary>
    public static byte[] DecryptEcb(ReadOnlySpan<byte> key, ReadOnlySpan<byte> ciphertext, Sm4Padding padding = Sm4Padding.Pkcs7) =>
        Run(CreateBlockMode(new SM4Engine(), padding), false, new KeyParameter(CheckKey(key)), ciphertext, padding);

    /// <summary>Encrypts in CBC mode with a 16-byte IV (must be unpredictable for each message).</summary>
    public static byte[] EncryptCbc(ReadOnlySpan<byte> key, ReadOnlySpan<byte> iv, ReadOnlySpan<byte> plaintext, Sm4Padding padding = Sm4Padding.Pkcs7) =>
        Run(CreateBlockMode(new CbcBlockCipher(new SM4Engine()), padding), true,
            new ParametersWithIV(new KeyParameter(CheckKey(key)), CheckIv(iv)), plaintext, padding);

    /// <summary>Decrypts CBC.</summary>
    public static byte[] DecryptCbc(ReadOnlySpan<byte> key, ReadOnlySpan<byte> iv, ReadOnlySpan<byte> ciphertext, Sm4Padding padding = Sm4Padding.Pkcs7) =>
        Run(CreateBlockMode(new CbcBlockCipher(new SM4Engine()), padding), false,
            new ParametersWithIV(new KeyParameter(CheckKey(key)), CheckIv(iv)), ciphertext, padding);

    /// <summary>
    /// Encrypts with SM4-GCM. Returns <c>ciphertext || tag</c> (tag 16 bytes). The nonce must never repeat under one
    /// key (a repeat reveals the XOR of plaintexts and the authentication key).
    /// </summary>
    public static byte[] EncryptGcm(ReadOnlySpan<byte> key, ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> plaintext, ReadOnlySpan<byte> associatedData = default)
    {
        var gcm = CreateGcm(true, key, nonce, associatedData);
        var output = new byte[gcm.GetOutputSize(plaintext.Length)];
        var written = gcm.ProcessBytes(plaintext, output);
        written += gcm.DoFinal(output.AsSpan(written));
        return written == output.Length ? output : output[..written];
    }

    /// <summary>
    /// Encrypts with SM4-GCM into <paramref name="destination"/> (<c>ciphertext || tag</c>, exactly
    /// <c>plaintext.Length + 16</c> bytes), the same bytes as <see cref="EncryptGcm(ReadOnlySpan{byte}, ReadOnlySpan{byte}, ReadOnlySpan{byte}, ReadOnlySpan{byte})"/>
    /// without allocating the output. The nonce must never repeat under one key.
    /// </summary>
    public static void EncryptGcm(ReadOnlySpan<byte> key, ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> plaintext, ReadOnlySpan<byte> associatedData, Span<byte> destination)
    {
        if (destination.Length != plaintext.Length + GcmTagSizeInBytes)
            throw new ArgumentException($"Destination must be the plaintext length plus {GcmTagSizeInBytes} bytes.", nameof(destination));
        var gcm = CreateGcm(true, key, nonce, associatedData);
        var written = gcm.ProcessBytes(plaintext, destination);
        written += gcm.DoFinal(destination[written..]);
        if (written != destination.Length) throw new CryptographicException("SM4-GCM wrote an unexpected length.");
    }

    /// <summary>
    /// Decrypts SM4-GCM <c>ciphertext || tag</c>. Throws <see cref="CryptographicException"/> when the tag does not
    /// match (wrong key, nonce, associated data or tampered bytes); no plaintext is released in that case.
    /// </summary>
    public static byte[] DecryptGcm(ReadOnlySpan<byte> key, ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> ciphertextAndTag, ReadOnlySpan<byte> associatedData = default)
    {
        if (ciphertextAndTag.Length < GcmTagSizeInBytes)
            throw new CryptographicException("SM4-GCM input is shorter than the 16-byte tag.");
        var gcm = CreateGcm(false, key, nonce, associatedData);
        var output = new byte[gcm.GetOutputSize(ciphertextAndTag.Length)];
        try
        {
            var written = gcm.ProcessBytes(ciphertextAndTag, output);
            written += gcm.DoFinal(output.AsSpan(written));
            return written == output.Length ? output : output[..written];
        }
        catch (InvalidCipherTextException ex)
        {
            GcmCache.Drop(encrypt: false);
            CryptographicOperations.ZeroMemory(output);
            throw new CryptographicException("SM4-GCM authentication failed: wrong key, nonce, associated data, or tampered ciphertext.", ex);
        }
    }

    private static GcmBlockCipher CreateGcm(bool encrypt, ReadOnlySpan<byte> key, ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> associatedData)
    {
        if (nonce.Length < 1)
            throw new ArgumentException("SM4-GCM nonce must not be empty.", nameof(nonce));
        if (key.Length != KeySizeInBytes)
            throw new ArgumentException($"SM4 key must be {KeySizeInBytes} bytes, got {key.Length}.", nameof(key));
        var gcm = GcmCache.Rent(encrypt, key, nonce);
        if (!associatedData.IsEmpty) gcm.ProcessAadBytes(associatedData);
        return gcm;
    }

    /// <summary>
    /// One SM4-GCM engine per thread and direction, kept keyed: initialising GCM expands the SM4 key schedule and builds
    /// the GHASH multiplier table for H, which costs more than sealing a short field. BouncyCastle engines are not
    /// thread-safe, hence [ThreadStatic]; a new key (rotation, another caller) re-keys the cached engine. Re-init with a
    /// null key keeps the key and takes the new nonce. BouncyCastle refuses an encryption nonce equal to the previous one
    /// under a kept key (a guard against nonce reuse); callers that pass a fixed nonce on purpose (test vectors) get a
    /// fresh engine then, as before.
    /// </summary>
    private static class GcmCache
    {
        [ThreadStatic] private static Slot? t_encrypt;
        [ThreadStatic] private static Slot? t_decrypt;

        public static GcmBlockCipher Rent(bool encrypt, ReadOnlySpan<byte> key, ReadOnlySpan<byte> nonce)
        {
            var slot = encrypt ? (t_encrypt ??= new Slot()) : (t_decrypt ??= new Slot());
            var nonceCopy = nonce.ToArray();
            if (slot.Key is not null && key.SequenceEqual(slot.Key) && !(encrypt && nonce.SequenceEqual(slot.LastNonce)))
            {
                slot.Cipher!.Init(encrypt, new AeadParameters(null, GcmTagSizeInBytes * 8, nonceCopy));
            }
            else
            {
                slot.Cipher = new GcmBlockCipher(new SM4Engine());
                slot.Cipher.Init(encrypt, new AeadParameters(new KeyParameter(key), GcmTagSizeInBytes * 8, nonceCopy));
                slot.Key = key.ToArray();
            }
            slot.LastNonce = nonceCopy;
            return slot.Cipher;
        }

        /// <summary>Forgets the thread's engine for a direction (after a failed operation its state is not trusted).</summary>
        public static void Drop(bool encrypt)
        {
            if (encrypt) t_encrypt = null;
            else t_decrypt = null;
        }

        private sealed class Slot
        {
            public byte[]? Key;
            public byte[] LastNonce = [];
            public GcmBlockCipher? Cipher;
        }
    }

    private static BufferedBlockCipher CreateBlockMode(IBlockCipher cipher, Sm4Padding padding) => padding switch
    {
        Sm4Padding.Pkcs7 => new PaddedBufferedBlockCipher(cipher, new Pkcs7Padding()),
        Sm4Padding.None => new BufferedBlockCipher(cipher),
        _ => throw new ArgumentOutOfRangeException(nameof(padding)),
    };

    private static byte[] Run(BufferedBlockCipher cipher, bool encrypt, ICipherParameters parameters, ReadOnlySpan<byte> input, Sm4Padding padding)
    {
        if ((padding == Sm4Padding.None || !encrypt) && input.Length % BlockSizeInBytes != 0)
            throw new ArgumentException($"Input length {input.Length} is not a multiple of the SM4 block size (16 bytes).", nameof(input));
        cipher.Init(encrypt, parameters);
        var output = new byte[cipher.GetOutputSize(input.Length)];
        try
        {
            var written = cipher.ProcessBytes(input, output);
            written += cipher.DoFinal(output.AsSpan(written));
            return written == output.Length ? output : output[..written];
        }
        catch (InvalidCipherTextException ex)
        {
            throw new CryptographicException("SM4 padding is invalid: wrong key/IV or corrupted ciphertext.", ex);
        }
    }

    private static byte[] CheckKey(ReadOnlySpan<byte> key) => key.Length == KeySizeInBytes
        ? key.ToArray()
        : throw new ArgumentException($"SM4 key must be {KeySizeInBytes} bytes, got {key.Length}.", nameof(key));

    private static byte[] CheckIv(ReadOnlySpan<byte> iv) => iv.Length == BlockSizeInBytes
        ? iv.ToArray()
        : throw new ArgumentException($"SM4-CBC IV must be {BlockSizeInBytes} bytes, got {iv.Length}.", nameof(iv));
}
