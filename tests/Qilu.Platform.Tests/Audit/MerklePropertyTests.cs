using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Qilu.Platform.Audit.Merkle;
using Shouldly;
using static Qilu.Platform.Tests.Audit.MerkleTestData;

namespace Qilu.Platform.Tests.Audit;

public sealed class MerklePropertyTests
{
    private static readonly InMemoryMerkleTree Big = Tree(300, 11);

    [Property(MaxTest = 300)]
    public bool InclusionProof_ForAnyIndexAndSize_Verifies(PositiveInt a, NonNegativeInt b)
    {
        var n = (a.Get % 300) + 1;
        var m = b.Get % n;
        var path = Big.InclusionPath(m, n);
        var ok = MerkleProofs.VerifyInclusion(m, n, Big.Node(new NodeId(0, m)), path, Big.Root(n)).IsValid;
        return ok && path.Count <= 64 - long.LeadingZeroCount(n);
    }

    [Property(MaxTest = 300)]
    public bool ConsistencyProof_ForAnySizes_Verifies(PositiveInt a, PositiveInt b)
    {
        var second = (a.Get % 300) + 1;
        var first = (b.Get % second) + 1;
        var proof = Big.ConsistencyProof(first, second);
        return MerkleProofs.VerifyConsistency(first, second, Big.Root(first), Big.Root(second), proof).IsValid;
    }

    [Property(MaxTest = 200)]
    public bool InclusionProof_WhenAnyProofBitFlipped_IsRejected(PositiveInt a, NonNegativeInt b, NonNegativeInt c)
    {
        var n = (a.Get % 299) + 2;
        var m = b.Get % n;
        var path = Big.InclusionPath(m, n);
        var node = c.Get % path.Count;
        var bit = c.Get % 256;
        var bad = path.Select(p => p.ToArray()).ToList();
        bad[node][bit / 8] ^= (byte)(1 << (bit % 8));
        return !MerkleProofs.VerifyInclusion(m, n, Big.Node(new NodeId(0, m)), bad, Big.Root(n)).IsValid;
    }

    [Property(MaxTest = 200)]
    public bool ConsistencyProof_WhenAnyProofBitFlipped_IsRejected(PositiveInt a, PositiveInt b, NonNegativeInt c)
    {
        var second = (a.Get % 299) + 2;
        var first = (b.Get % (second - 1)) + 1;
        var proof = Big.ConsistencyProof(first, second);
        var bad = proof.Select(p => p.ToArray()).ToList();
        var node = c.Get % bad.Count;
        var bit = c.Get % 256;
        bad[node][bit / 8] ^= (byte)(1 << (bit % 8));
        return !MerkleProofs.VerifyConsistency(first, second, Big.Root(first), Big.Root(second), bad).IsValid;
    }

    [Property(MaxTest = 100)]
    public void Proofs_FromStoredNodes_MatchNaiveDefinitionRoots(PositiveInt a)
    {
        var leaves = RandomLeaves(70, 5);
        var n = (a.Get % 70) + 1;
        var t = new InMemoryMerkleTree();
        foreach (var l in leaves.Take(n)) t.AppendLeaf(l);
        t.Root().ShouldBe(NaiveMth(leaves, 0, n));
    }

    // Size ±1 is not listed: the RFC 9162 algorithm only sees the shape of the path, and sizes with the same shape
    // are told apart by the signed checkpoint, which binds size and root together (transparency-dev tests ×2 and ÷2).
    public static TheoryData<string> InclusionTamperings => new()
    {
        "index+1", "index-1", "size*2", "size/2", "leaf-bit", "root-bit", "truncated", "extended-front",
        "extended-back", "swapped", "removed-middle", "inserted-middle", "empty-proof",
    };

    [Theory]
    [MemberData(nameof(InclusionTamperings))]
    public void VerifyInclusion_WhenTampered_IsRejected(string how)
    {
        var t = Tree(37, 3);
        foreach (var (m, n) in new[] { (0L, 37L), (5L, 37L), (18L, 37L), (35L, 37L), (36L, 37L), (3L, 8L), (12L, 13L) })
        {
            var path = t.InclusionPath(m, n);
            var leaf = t.Node(new NodeId(0, m));
            var root = t.Root(n);
            MerkleProofs.VerifyInclusion(m, n, leaf, path, root).IsValid.ShouldBeTrue();
            var (mi, ni, l, p, r) = (m, n, leaf.ToArray(), path.Select(x => x.ToArray()).ToList(), root.ToArray());
            switch (how)
            {
                case "index+1": mi++; break;
                case "index-1": mi--; break;
                case "size*2": ni *= 2; break;
                case "size/2": ni /= 2; break;
                case "leaf-bit": l[0] ^= 1; break;
                case "root-bit": r[31] ^= 0x80; break;
                case "truncated": p.RemoveAt(p.Count - 1); break;
                case "extended-front": p.Insert(0, new byte[32]); break;
                case "extended-back": p.Add(r); break;
                case "swapped":
                    if (p.Count < 2) continue;
                    (p[0], p[1]) = (p[1], p[0]);
                    break;
                case "removed-middle":
                    if (p.Count < 3) continue;
                    p.RemoveAt(1);
                    break;
                case "inserted-middle": p.Insert(p.Count / 2, MerkleHash.Leaf([9])); break;
                case "empty-proof": p.Clear(); break;
            }
            var result = MerkleProofs.VerifyInclusion(mi, ni, l, p, r);
            result.IsValid.ShouldBeFalse($"{how} at ({m},{n}) must be rejected");
            result.Reason.ShouldNotBeNullOrEmpty();
        }
    }

    public static TheoryData<string> ConsistencyTamperings => new()
    {
        "first+1", "first-1", "second*2", "second/2", "first-root-bit", "second-root-bit", "proof-bit",
        "truncated", "extended", "extended-front", "swapped", "empty", "first>second", "first=0", "equal-with-proof",
    };

    [Theory]
    [MemberData(nameof(ConsistencyTamperings))]
    public void VerifyConsistency_WhenTampered_IsRejected(string how)
    {
        var t = Tree(40, 9);
        foreach (var (f, s) in new[] { (1L, 40L), (3L, 7L), (4L, 40L), (6L, 8L), (13L, 37L), (32L, 33L), (39L, 40L) })
        {
            var proof = t.ConsistencyProof(f, s);
            var (fi, si, fr, sr, p) = (f, s, t.Root(f).ToArray(), t.Root(s).ToArray(), proof.Select(x => x.ToArray()).ToList());
            MerkleProofs.VerifyConsistency(f, s, fr, sr, p).IsValid.ShouldBeTrue();
            switch (how)
            {
                case "first+1": fi++; break;
                case "first-1":
                    if (fi == 1) continue;
                    fi--;
                    break;
                case "second/2":
                    if (si / 2 < fi) continue;
                    si /= 2;
                    break;
                case "second*2": si *= 2; break;
                case "first-root-bit": fr[0] ^= 1; break;
                case "second-root-bit": sr[5] ^= 4; break;
                case "proof-bit": p[^1][7] ^= 2; break;
                case "truncated": p.RemoveAt(p.Count - 1); break;
                case "extended": p.Add(new byte[32]); break;
                case "extended-front": p.Insert(0, sr); break;
                case "swapped":
                    if (p.Count < 2) continue;
                    (p[0], p[^1]) = (p[^1], p[0]);
                    break;
                case "empty": p.Clear(); break;
                case "first>second": (fi, si, fr, sr) = (si, fi, sr, fr); break;
                case "first=0": fi = 0; break;
                case "equal-with-proof": (si, sr) = (fi, fr); break;
            }
            if (fi == si && fr.AsSpan().SequenceEqual(sr) && p.Count == 0) continue;
            MerkleProofs.VerifyConsistency(fi, si, fr, sr, p).IsValid.ShouldBeFalse($"{how} at ({f},{s}) must be rejected");
        }
    }

    /// <summary>
    /// The layout of the store's tree rows (ADR 0004 addendum 2): appending leaf s reports exactly
    /// <see cref="NodeId.CompletedBy"/>(s) subtrees, one per level from 0 up, each of which names leaf s as the one
    /// completing it; so every stored subtree has one place, in its completing leaf's row at its level.
    /// </summary>
    [Fact]
    public void Append_ReportsTheSubtreesEachLeafCompletes_OnePerLevelFromZero()
    {
        var range = new CompactRange();
        var all = new HashSet<NodeId>();
        for (long s = 0; s < 1_100; s++)
        {
            var reported = new List<NodeId>();
            range.Append(MerkleHash.Leaf([(byte)s, (byte)(s >> 8)]), (id, _) => reported.Add(id));
            reported.Count.ShouldBe(NodeId.CompletedBy(s), $"leaf {s}");
            reported.Select(id => id.Level).ShouldBe(Enumerable.Range(0, reported.Count), $"leaf {s}");
            reported.ShouldAllBe(id => id.CompletingLeaf == s);
            foreach (var id in reported) all.Add(id).ShouldBeTrue($"{id} reported twice");
        }
        // Every perfect subtree of the 1,100 leaves was reported once: 2·1100 − popcount(1100) of them.
        all.Count.ShouldBe((2 * 1_100) - (int)long.PopCount(1_100));
    }

    [Fact]
    public void VerifyConsistency_WhenEqualSizesEmptyProof_IsValid()
    {
        var t = Tree(10);
        MerkleProofs.VerifyConsistency(10, 10, t.Root(10), t.Root(10), []).IsValid.ShouldBeTrue();
        t.ConsistencyProof(10, 10).ShouldBeEmpty();
    }

    [Fact]
    public void ProofGeneration_WhenArgumentsOutOfRange_Throws()
    {
        var t = Tree(10);
        Should.Throw<ArgumentOutOfRangeException>(() => t.InclusionPath(10, 10));
        Should.Throw<ArgumentOutOfRangeException>(() => t.InclusionPath(-1, 10));
        Should.Throw<ArgumentOutOfRangeException>(() => t.ConsistencyProof(0, 10));
        Should.Throw<ArgumentOutOfRangeException>(() => t.ConsistencyProof(5, 4));
    }

    [Fact]
    public void ProofGeneration_WhenLargeTree_ReadsLogarithmicallyManyNodes()
    {
        var t = Tree(5000, 1);
        var reads = MerkleProofs.NodesRead(node => MerkleProofs.InclusionPath(1234, 4999, node));
        reads.Count.ShouldBeLessThanOrEqualTo(2 * 13);
        var creads = MerkleProofs.NodesRead(node => MerkleProofs.ConsistencyProof(1001, 4999, node));
        creads.Count.ShouldBeLessThanOrEqualTo(2 * 13);
        _ = t;
    }
}
