namespace Qilu.Trust.Certificates;

/// <summary>
/// A W3C Bitstring Status List slot range: <see cref="Size"/> indexes handed out at random. The bits themselves are
/// derived from the certificates' stored status when the list is published (one source of truth, no lost updates when
/// two officials revoke at once): <c>revocation</c> has revoked and superseded versions set, <c>suspension</c> the
/// suspended ones. A certificate holds the same index in both lists.
/// </summary>
internal sealed class StatusList
{
    /// <summary>Minimum list length of the Bitstring Status List recommendation (16 KiB of bits, for herd privacy).</summary>
    public const int Size = 131_072;

    /// <summary>A list is closed to new slots at half occupancy so that a random free index is found in a few tries.</summary>
    public const int Capacity = Size / 2;

    public int Id { get; set; }

    public int Used { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Bit <paramref name="index"/>, the left-most bit of byte 0 being index 0 (BSL §4.1).</summary>
    public static bool Get(byte[] bits, int index) => (bits[index >> 3] & (0x80 >> (index & 7))) != 0;

    public static void Set(byte[] bits, int index) => bits[index >> 3] |= (byte)(0x80 >> (index & 7));
}
