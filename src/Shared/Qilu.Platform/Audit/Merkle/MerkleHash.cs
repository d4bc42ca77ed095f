namespace Qilu.Platform.Audit.Merkle;

/// <summary>
/// The hash functions of the Qilu audit log: RFC 6962 §2.1 / RFC 9162 §2.1.1 with SM3 in place of SHA-256.
/// <c>leaf = SM3(0x00 ‖ data)</c>, <c>node = SM3(0x01 ‖ left ‖ right)</c>, empty tree = <c>SM3("")</c>.
/// </summary>
public static class MerkleHash
{
    /// <summary>Length of every hash in bytes (SM3 digest).</summary>
    public const int Size = Sm3Hasher.HashSize;

    /// <summary>The root of the empty tree, <c>SM3("")</c>.</summary>
    public static byte[] EmptyRoot() => Sm3Hasher.Hash([]);

    /// <summary>Leaf hash <c>SM3(0x00 ‖ leaf)</c>.</summary>
    public static byte[] Leaf(ReadOnlySpan<byte> leaf) => Sm3Hasher.HashLeaf(leaf);

    /// <summary>Interior node hash <c>SM3(0x01 ‖ left ‖ right)</c>.</summary>
    public static byte[] Node(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right) => Sm3Hasher.HashChildren(left, right);

    /// <summary>
    /// The largest power of two strictly less than <paramref name="n"/> (n ≥ 2): where RFC 6962 §2.1 splits
    /// a tree of n leaves.
    /// </summary>
    public static long SplitPoint(long n)
    {
        if (n < 2) throw new ArgumentOutOfRangeException(nameof(n), n, "A tree of fewer than 2 leaves has no split.");
        return 1L << (63 - (int)long.LeadingZeroCount(n - 1));
    }
}
