namespace Qilu.Platform.Audit.Merkle;

/// <summary>
/// A perfect subtree of the log: the subtree at <paramref name="Level"/> (0 = leaves) and position
/// <paramref name="Index"/> covers leaves <c>[Index·2^Level, (Index+1)·2^Level)</c>. Only perfect subtrees are stored;
/// every other hash a proof needs is derived from O(log n) of them.
/// </summary>
/// <param name="Level">Height above the leaves.</param>
/// <param name="Index">Position among the subtrees of that level.</param>
public readonly record struct NodeId(int Level, long Index)
{
    /// <summary>First leaf covered.</summary>
    public long Start => Index << Level;

    /// <summary>One past the last leaf covered.</summary>
    public long End => (Index + 1) << Level;

    /// <summary>
    /// The leaf whose append completes this subtree (its last leaf): the audit store keeps the subtree's hash in that
    /// leaf's row of the tree table, at position <see cref="Level"/> (ADR 0004 addendum 2).
    /// </summary>
    public long CompletingLeaf => End - 1;

    /// <summary>How many perfect subtrees the append of leaf <paramref name="seq"/> completes: the leaf itself and one
    /// more for every trailing one bit of <paramref name="seq"/> (level L is completed when seq + 1 is a multiple of 2^L).</summary>
    public static int CompletedBy(long seq)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(seq);
        return 1 + System.Numerics.BitOperations.TrailingZeroCount(seq + 1);
    }

    /// <summary>The perfect subtrees whose concatenation is the tree of <paramref name="size"/> leaves, largest (leftmost) first.</summary>
    public static List<NodeId> CompactRange(long size)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        var nodes = new List<NodeId>(64);
        long start = 0;
        for (var level = 62; level >= 0; level--)
        {
            var width = 1L << level;
            if ((size & width) == 0) continue;
            nodes.Add(new NodeId(level, start >> level));
            start += width;
        }
        return nodes;
    }
}
