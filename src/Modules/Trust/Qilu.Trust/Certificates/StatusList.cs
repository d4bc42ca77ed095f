namespace Qilu.Trust.Certificates;

/// <summary>
/// A W3C Bitstring Status List pair: one bitstring for <c>revocation</c>, one for <c>suspension</c>, both of
/// <see cref="Size"/> bits; a certificate holds the same random index in both.
/// </summary>
internal sealed class StatusList
{
    /// <summary>Minimum list length of the Bitstring Status List recommendation (§ privacy: 16 KiB of bits).</summary>
    public const int Size = 131_072;

    public int Id { get; set; }

    public byte[] Revocation { get; set; } = new byte[Size / 8];

    public byte[] Suspension { get; set; } = new byte[Size / 8];

    public int Used { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public uint Version { get; set; }

    /// <summary>Bit <paramref name="index"/>, the left-most bit of byte 0 being index 0 (BSL §4.1).</summary>
    public static bool Get(byte[] bits, int index) => (bits[index >> 3] & (0x80 >> (index & 7))) != 0;

    public static void Set(byte[] bits, int index, bool value)
    {
        if (value) bits[index >> 3] |= (byte)(0x80 >> (index & 7));
        else bits[index >> 3] &= (byte)~(0x80 >> (index & 7));
    }
}
