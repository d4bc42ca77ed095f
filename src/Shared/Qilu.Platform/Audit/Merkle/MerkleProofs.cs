namespace Qilu.Platform.Audit.Merkle;

/// <summary>
/// Proof generation over a store of perfect subtree hashes (RFC 6962 §2.1.1 PATH and §2.1.2 SUBPROOF) and the
/// iterative verification algorithms of RFC 9162 §2.1.3.2 (inclusion) and §2.1.4.2 (consistency).
/// </summary>
/// <remarks>
/// Generation reads each needed hash through <c>node</c>: a perfect subtree is one read; the one non-perfect subtree on
/// the right edge of a proof is folded from its border, so a proof costs O(log n) reads, never O(n) rehashing.
/// </remarks>
public static class MerkleProofs
{
    /// <summary>MTH of the aligned subtree <c>[start, end)</c> from stored perfect subtrees.</summary>
    public static byte[] SubtreeHash(long start, long end, Func<NodeId, byte[]> node)
    {
        ArgumentNullException.ThrowIfNull(node);
        var n = end - start;
        if (n <= 0) throw new ArgumentOutOfRangeException(nameof(end), "Empty range.");
        if ((n & (n - 1)) == 0 && start % n == 0)
        {
            var level = 63 - (int)long.LeadingZeroCount(n);
            return node(new NodeId(level, start >> level));
        }
        var k = MerkleHash.SplitPoint(n);
        return MerkleHash.Node(SubtreeHash(start, start + k, node), SubtreeHash(start + k, end, node));
    }

    /// <summary>The tree head of the first <paramref name="size"/> leaves.</summary>
    public static byte[] Root(long size, Func<NodeId, byte[]> node) =>
        size == 0 ? MerkleHash.EmptyRoot() : SubtreeHash(0, size, node);

    /// <summary>RFC 6962 §2.1.1 audit path for leaf <paramref name="index"/> in the tree of <paramref name="size"/> leaves, nearest the leaf first.</summary>
    public static List<byte[]> InclusionPath(long index, long size, Func<NodeId, byte[]> node)
    {
        if (index < 0 || index >= size)
            throw new ArgumentOutOfRangeException(nameof(index), index, $"Leaf index must be in [0, {size}).");
        var path = new List<byte[]>();
        Path(index, 0, size, node, path);
        return path;
    }

    private static void Path(long m, long start, long end, Func<NodeId, byte[]> node, List<byte[]> path)
    {
        var n = end - start;
        if (n == 1) return;
        var k = MerkleHash.SplitPoint(n);
        if (m < k)
        {
            Path(m, start, start + k, node, path);
            path.Add(SubtreeHash(start + k, end, node));
        }
        else
        {
            Path(m - k, start + k, end, node, path);
            path.Add(SubtreeHash(start, start + k, node));
        }
    }

    /// <summary>
    /// RFC 6962 §2.1.2 consistency proof between the trees of <paramref name="first"/> and <paramref name="second"/>
    /// leaves. Requires 0 &lt; first ≤ second; first = second gives the empty proof.
    /// </summary>
    public static List<byte[]> ConsistencyProof(long first, long second, Func<NodeId, byte[]> node)
    {
        if (first <= 0) throw new ArgumentOutOfRangeException(nameof(first), first, "The first tree size must be at least 1.");
        if (first > second) throw new ArgumentOutOfRangeException(nameof(first), first, $"The first tree size must not exceed the second ({second}).");
        var proof = new List<byte[]>();
        if (first == second) return proof;
        SubProof(first, 0, second, true, node, proof);
        return proof;
    }

    private static void SubProof(long m, long start, long end, bool completeSubtree, Func<NodeId, byte[]> node, List<byte[]> proof)
    {
        var n = end - start;
        if (m == n)
        {
            if (!completeSubtree) proof.Add(SubtreeHash(start, end, node));
            return;
        }
        var k = MerkleHash.SplitPoint(n);
        if (m <= k)
        {
            SubProof(m, start, start + k, completeSubtree, node, proof);
            proof.Add(SubtreeHash(start + k, end, node));
        }
        else
        {
            SubProof(m - k, start + k, end, false, node, proof);
            proof.Add(SubtreeHash(start, start + k, node));
        }
    }

    /// <summary>
    /// The stored nodes a proof generator will read, so that a store can fetch them in one query before generating.
    /// </summary>
    public static HashSet<NodeId> NodesRead(Action<Func<NodeId, byte[]>> generate)
    {
        ArgumentNullException.ThrowIfNull(generate);
        var ids = new HashSet<NodeId>();
        var placeholder = new byte[MerkleHash.Size];
        generate(id =>
        {
            ids.Add(id);
            return placeholder;
        });
        return ids;
    }

    /// <summary>RFC 9162 §2.1.3.2: verifies that <paramref name="leafHash"/> is leaf <paramref name="index"/> of the tree with <paramref name="root"/>.</summary>
    public static MerkleVerification VerifyInclusion(long index, long size, ReadOnlySpan<byte> leafHash,
        IReadOnlyList<byte[]> path, ReadOnlySpan<byte> root)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (index < 0 || size < 0) return MerkleVerification.Fail("negative index or tree size");
        if (index >= size) return MerkleVerification.Fail($"leaf index {index} is not below tree size {size}");
        if (leafHash.Length != MerkleHash.Size || root.Length != MerkleHash.Size)
            return MerkleVerification.Fail("hash length is not 32 bytes");
        var fn = index;
        var sn = size - 1;
        var r = leafHash.ToArray();
        foreach (var p in path)
        {
            if (p is null || p.Length != MerkleHash.Size) return MerkleVerification.Fail("proof node is not 32 bytes");
            if (sn == 0) return MerkleVerification.Fail("proof is longer than the tree is deep");
            if ((fn & 1) == 1 || fn == sn)
            {
                r = MerkleHash.Node(p, r);
                if ((fn & 1) == 0)
                {
                    while ((fn & 1) == 0 && fn != 0)
                    {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            }
            else
            {
                r = MerkleHash.Node(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        if (sn != 0) return MerkleVerification.Fail("proof is shorter than the tree is deep");
        return r.AsSpan().SequenceEqual(root)
            ? MerkleVerification.Valid
            : MerkleVerification.Fail("computed root does not match the tree head");
    }

    /// <summary>
    /// RFC 9162 §2.1.4.2: verifies that the tree of <paramref name="first"/> leaves with <paramref name="firstRoot"/>
    /// is a prefix of the tree of <paramref name="second"/> leaves with <paramref name="secondRoot"/>.
    /// first = second is consistent only with an empty proof and equal roots; first = 0 is rejected.
    /// </summary>
    public static MerkleVerification VerifyConsistency(long first, long second, ReadOnlySpan<byte> firstRoot,
        ReadOnlySpan<byte> secondRoot, IReadOnlyList<byte[]> proof)
    {
        ArgumentNullException.ThrowIfNull(proof);
        if (first < 1) return MerkleVerification.Fail("the first tree size must be at least 1");
        if (first > second) return MerkleVerification.Fail($"first tree size {first} exceeds second tree size {second}");
        if (firstRoot.Length != MerkleHash.Size || secondRoot.Length != MerkleHash.Size)
            return MerkleVerification.Fail("hash length is not 32 bytes");
        if (first == second)
        {
            if (proof.Count != 0) return MerkleVerification.Fail("proof between equal sizes must be empty");
            return firstRoot.SequenceEqual(secondRoot)
                ? MerkleVerification.Valid
                : MerkleVerification.Fail("equal tree sizes with different roots");
        }
        // Step 1.
        if (proof.Count == 0) return MerkleVerification.Fail("consistency proof is empty");
        foreach (var c in proof)
            if (c is null || c.Length != MerkleHash.Size) return MerkleVerification.Fail("proof node is not 32 bytes");
        // Step 2: when first is a power of two its root is itself a node of the second tree and is not sent.
        IEnumerable<byte[]> path = (first & (first - 1)) == 0 ? proof.Prepend(firstRoot.ToArray()) : proof;
        // Steps 3-4.
        var fn = first - 1;
        var sn = second - 1;
        while ((fn & 1) == 1)
        {
            fn >>= 1;
            sn >>= 1;
        }
        using var e = path.GetEnumerator();
        e.MoveNext();
        // Step 5.
        var fr = e.Current;
        var sr = e.Current;
        // Step 6.
        while (e.MoveNext())
        {
            var c = e.Current;
            if (sn == 0) return MerkleVerification.Fail("proof is longer than the tree is deep");
            if ((fn & 1) == 1 || fn == sn)
            {
                fr = MerkleHash.Node(c, fr);
                sr = MerkleHash.Node(c, sr);
                if ((fn & 1) == 0)
                {
                    while ((fn & 1) == 0 && fn != 0)
                    {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            }
            else
            {
                sr = MerkleHash.Node(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        // Step 7.
        if (sn != 0) return MerkleVerification.Fail("proof is shorter than the tree is deep");
        if (!fr.AsSpan().SequenceEqual(firstRoot)) return MerkleVerification.Fail("computed first root does not match");
        if (!sr.AsSpan().SequenceEqual(secondRoot)) return MerkleVerification.Fail("computed second root does not match");
        return MerkleVerification.Valid;
    }
}

/// <summary>Outcome of a proof verification, with the reason when it fails.</summary>
/// <param name="IsValid">True when the proof holds.</param>
/// <param name="Reason">Why it failed (English, for logs and reports); null when valid.</param>
public readonly record struct MerkleVerification(bool IsValid, string? Reason)
{
    public static MerkleVerification Valid => new(true, null);

    public static MerkleVerification Fail(string reason) => new(false, reason);
}
