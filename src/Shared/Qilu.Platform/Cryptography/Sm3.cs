namespace Qilu.Platform.Cryptography;

/// <summary>SM3 hash (GB/T 32905-2016) and HMAC-SM3 (RFC 2104 construction over SM3). Thread-safe. The compression is
/// the platform's own (<see cref="Sm3Core"/>, ADR 0016 addendum 3), checked against BouncyCastle in the tests.</summary>
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
        Sm3Core.Finish(Sm3Core.InitialValue, 0, data, destination);
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
        var keyed = HmacCache.Rent(key);
        Sm3Core.Hmac(keyed.AsSpan(0, 8), keyed.AsSpan(8, 8), data, destination);
    }

    /// <summary>
    /// Keyed HMAC-SM3 states per thread: keying costs two SM3 compressions (inner and outer pad), as much as MACing a
    /// short value, and the field protector MACs many short values under a handful of sub-keys (blind indexes). A keyed
    /// state is 16 words (inner then outer chaining value after the padded key block); the cache holds a few keys per
    /// thread and starts over when full.
    /// </summary>
    private static class HmacCache
    {
        private const int Capacity = 16;
        [ThreadStatic] private static List<(byte[] Key, uint[] States)>? t_states;

        public static uint[] Rent(ReadOnlySpan<byte> key)
        {
            var cached = t_states ??= new List<(byte[], uint[])>(Capacity);
            foreach (var (k, states) in cached)
                if (key.SequenceEqual(k)) return states;
            if (cached.Count == Capacity) cached.Clear();
            var keyed = new uint[16];
            Sm3Core.KeyedStates(key, keyed.AsSpan(0, 8), keyed.AsSpan(8, 8));
            cached.Add((key.ToArray(), keyed));
            return keyed;
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
