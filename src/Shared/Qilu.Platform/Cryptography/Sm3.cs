using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Macs;
using Org.BouncyCastle.Crypto.Parameters;

namespace Qilu.Platform.Cryptography;

/// <summary>SM3 hash (GB/T 32905-2016) and HMAC-SM3 (RFC 2104 construction over SM3). Thread-safe.</summary>
public static class Sm3
{
    /// <summary>Digest length in bytes (256 bits).</summary>
    public const int HashSizeInBytes = 32;

    /// <summary>SM3 digest of <paramref name="data"/>.</summary>
    public static byte[] Hash(ReadOnlySpan<byte> data)
    {
        var output = new byte[HashSizeInBytes];
        Hash(data, output);
        return output;
    }

    /// <summary>Writes the SM3 digest of <paramref name="data"/> into <paramref name="destination"/> (at least 32 bytes).</summary>
    public static void Hash(ReadOnlySpan<byte> data, Span<byte> destination)
    {
        if (destination.Length < HashSizeInBytes)
            throw new ArgumentException($"Destination must hold {HashSizeInBytes} bytes.", nameof(destination));
        var digest = new SM3Digest();
        digest.BlockUpdate(data);
        digest.DoFinal(destination);
    }

    /// <summary>SM3 digest of <paramref name="data"/> as 64 lower-case hex characters.</summary>
    public static string HashHex(ReadOnlySpan<byte> data)
    {
        Span<byte> buffer = stackalloc byte[HashSizeInBytes];
        Hash(data, buffer);
        return Convert.ToHexStringLower(buffer);
    }

    /// <summary>SM3 digest of the UTF-8 encoding of <paramref name="text"/> as lower-case hex.</summary>
    public static string HashHex(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return HashHex(System.Text.Encoding.UTF8.GetBytes(text));
    }

    /// <summary>HMAC-SM3 (32-byte tag) of <paramref name="data"/> under <paramref name="key"/>.</summary>
    public static byte[] Hmac(ReadOnlySpan<byte> key, ReadOnlySpan<byte> data)
    {
        var output = new byte[HashSizeInBytes];
        Hmac(key, data, output);
        return output;
    }

    /// <summary>Writes HMAC-SM3 of <paramref name="data"/> under <paramref name="key"/> into <paramref name="destination"/>.</summary>
    public static void Hmac(ReadOnlySpan<byte> key, ReadOnlySpan<byte> data, Span<byte> destination)
    {
        if (destination.Length < HashSizeInBytes)
            throw new ArgumentException($"Destination must hold {HashSizeInBytes} bytes.", nameof(destination));
        var mac = HmacCache.Rent(key);
        mac.BlockUpdate(data);
        mac.DoFinal(destination);
    }

    /// <summary>
    /// Keyed HMAC-SM3 engines per thread: keying costs two SM3 compressions (inner and outer pad), as much as MACing a
    /// short value, and the field protector MACs many short values under a handful of sub-keys (blind indexes).
    /// <see cref="HMac.DoFinal(Span{byte})"/> resets to the keyed state, so an engine is reused as is. BouncyCastle engines
    /// are not thread-safe, hence [ThreadStatic]; the cache holds a few keys and starts over when full.
    /// </summary>
    private static class HmacCache
    {
        private const int Capacity = 16;
        [ThreadStatic] private static List<(byte[] Key, HMac Mac)>? t_macs;

        public static HMac Rent(ReadOnlySpan<byte> key)
        {
            var macs = t_macs ??= new List<(byte[], HMac)>(Capacity);
            foreach (var (k, m) in macs)
                if (key.SequenceEqual(k)) return m;
            if (macs.Count == Capacity) macs.Clear();
            var mac = new HMac(new SM3Digest());
            mac.Init(new KeyParameter(key));
            macs.Add((key.ToArray(), mac));
            return mac;
        }
    }

    /// <summary>
    /// Derives <paramref name="length"/> (≤ 32) bytes from <paramref name="key"/> for one <paramref name="label"/>:
    /// HMAC-SM3(key, UTF-8(label)) truncated. Distinct labels give independent keys from one secret.
    /// </summary>
    internal static byte[] DeriveKey(ReadOnlySpan<byte> key, string label, int length)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(length, HashSizeInBytes);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(length);
        var full = Hmac(key, System.Text.Encoding.UTF8.GetBytes(label));
        if (length == HashSizeInBytes) return full;
        var result = full.AsSpan(0, length).ToArray();
        System.Security.Cryptography.CryptographicOperations.ZeroMemory(full);
        return result;
    }
}
