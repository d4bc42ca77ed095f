namespace Qilu.Platform.Audit.Merkle;

/// <summary>
/// The right border of an append-only Merkle tree: one hash per set bit of the size (the perfect subtrees that make
/// up the tree, largest first). Appending a leaf completes zero or more perfect subtrees; those are reported so the
/// store can persist them, which is what lets proofs be served with O(log n) reads.
/// </summary>
internal sealed class CompactRange
{
    private readonly List<byte[]> _hashes;

    public CompactRange() : this(0, []) { }

    /// <param name="size">Tree size the hashes describe.</param>
    /// <param name="hashes">Hashes of <see cref="NodeId.CompactRange(long)"/> of <paramref name="size"/>, in that order.</param>
    public CompactRange(long size, IEnumerable<byte[]> hashes)
    {
        _hashes = [.. hashes];
        if (_hashes.Count != long.PopCount(size))
            throw new ArgumentException($"A tree of {size} leaves has {long.PopCount(size)} border subtrees, got {_hashes.Count}.", nameof(hashes));
        Size = size;
    }

    public long Size { get; private set; }

    /// <summary>Appends a leaf hash; <paramref name="completed"/> receives each perfect subtree completed (the leaf first).</summary>
    public void Append(byte[] leafHash, Action<NodeId, byte[]>? completed = null)
    {
        var index = Size;
        var level = 0;
        var hash = leafHash;
        completed?.Invoke(new NodeId(0, index), hash);
        while ((index & 1) == 1)
        {
            var left = _hashes[^1];
            _hashes.RemoveAt(_hashes.Count - 1);
            hash = MerkleHash.Node(left, hash);
            index >>= 1;
            level++;
            completed?.Invoke(new NodeId(level, index), hash);
        }
        _hashes.Add(hash);
        Size++;
    }

    /// <summary>The tree head (RFC 6962 MTH) of the current size.</summary>
    public byte[] Root() => FoldRoot(_hashes, Size);

    /// <summary>Folds border subtree hashes (largest first) into the MTH; the right edge nests as RFC 6962 §2.1 splits.</summary>
    public static byte[] FoldRoot(IReadOnlyList<byte[]> border, long size)
    {
        if (size == 0) return MerkleHash.EmptyRoot();
        var root = border[^1].ToArray();
        for (var i = border.Count - 2; i >= 0; i--) root = MerkleHash.Node(border[i], root);
        return root;
    }

    public CompactRange Clone() => new(Size, _hashes.Select(h => h));
}
