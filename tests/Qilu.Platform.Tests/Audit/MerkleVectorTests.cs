using Qilu.Platform.Audit.Merkle;
using Shouldly;
using static Qilu.Platform.Tests.Audit.MerkleTestData;

namespace Qilu.Platform.Tests.Audit;

public sealed class MerkleVectorTests
{
    public static TheoryData<int, string> Roots => new()
    {
        { 0, "1ab21d8355cfa17f8e61194831e81a8f22bec8c728fefb747ed035eb5082aa2b" },
        { 1, "2daef60e7a0b8f5e024c81cd2ab3109f2b4f155cf83adeb2ae5532f74a157fdf" },
        { 2, "0b990fe0c7ad70f1bf1a1262f2c7908ea48146b14253a6db99f2917ab1f5cc4d" },
        { 3, "209ec96a210d662a964772680e8544d18cab7b88ffec3e00962220349b56ea56" },
        { 4, "28e4e307ef6d2d0c62d84b11ef96e835efe490f35b93c8f024ecfe38c8dd4377" },
        { 5, "bb10c996aeebbcdc69be3715fc847344de77442d37a5ab8213da9f41785b103b" },
        { 6, "8723c1ab1f82ddfba4a3733ac0c80d936d9f4c208c7dbc8cc81ca9fff8584f66" },
        { 7, "bd36c22a1ac6ff4308e0c3cc1a85bf0ffa30538ec60a55c70413ab15d45db4d2" },
        { 8, "bc48ba7a709184b5f2a631e1adeb8dc2a0d4c018c1d6cc89b5664fe154c93b38" },
    };

    private static InMemoryMerkleTree VectorTree()
    {
        var t = new InMemoryMerkleTree();
        foreach (var l in Leaves) t.AppendLeaf(l);
        return t;
    }

    [Fact]
    public void Sm3_WhenAbc_MatchesStandardVector() =>
        Convert.ToHexStringLower(Sm3("abc"u8.ToArray())).ShouldBe("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0");

    [Theory]
    [MemberData(nameof(Roots))]
    public void Root_WhenReferenceLeaves_MatchesSm3Vector(int size, string expected)
    {
        var t = new InMemoryMerkleTree();
        foreach (var l in Leaves.Take(size)) t.AppendLeaf(l);
        Convert.ToHexStringLower(t.Root()).ShouldBe(expected);
        Convert.ToHexStringLower(VectorTree().Root(size)).ShouldBe(expected);
        Convert.ToHexStringLower(NaiveMth(Leaves, 0, size)).ShouldBe(expected);
    }

    [Fact]
    public void InclusionPath_WhenIndex0Size8_MatchesVector()
    {
        var path = VectorTree().InclusionPath(0, 8).Select(Convert.ToHexStringLower).ToList();
        path.ShouldBe([
            "af83a966222057ac761246a7543c580d9111014f4e5e3cb1281db33151160335",
            "2489bde054a243baddcdf4fca1bae37cc910a6d9d85fdb9e1a826d7fc114f9a8",
            "2064aa35c6f2961ab1667c4418188b13a7b2510104f71febbb67f19419cf8168",
        ]);
    }

    [Fact]
    public void InclusionPath_WhenIndex5Size8_MatchesVector()
    {
        var t = VectorTree();
        var path = t.InclusionPath(5, 8);
        path.Select(Convert.ToHexStringLower).ShouldBe([
            "a798bfdb4164a6c7b41a6faecc5c3155cf04d38929dcbd4fe21dea29071aac64",
            "155f6ed4ccfa83510c9416c99b48f41aa5b12e443546bee1b501a7b281e5132a",
            "28e4e307ef6d2d0c62d84b11ef96e835efe490f35b93c8f024ecfe38c8dd4377",
        ]);
        MerkleProofs.VerifyInclusion(5, 8, MerkleHash.Leaf(Leaves[5]), path, t.Root()).IsValid.ShouldBeTrue();
    }

    [Fact]
    public void ConsistencyProof_When2To5_MatchesVector()
    {
        var t = VectorTree();
        var proof = t.ConsistencyProof(2, 5);
        proof.Select(Convert.ToHexStringLower).ShouldBe([
            "2489bde054a243baddcdf4fca1bae37cc910a6d9d85fdb9e1a826d7fc114f9a8",
            "a798bfdb4164a6c7b41a6faecc5c3155cf04d38929dcbd4fe21dea29071aac64",
        ]);
        MerkleProofs.VerifyConsistency(2, 5, t.Root(2), t.Root(5), proof).IsValid.ShouldBeTrue();
    }

    [Fact]
    public void ConsistencyProof_When6To8_MatchesVector()
    {
        var t = VectorTree();
        var proof = t.ConsistencyProof(6, 8);
        proof.Select(Convert.ToHexStringLower).ShouldBe([
            "6f5566cd4dfab1605e73be3ce132f38de996be0094142731e1eb2ab2e001daca",
            "155f6ed4ccfa83510c9416c99b48f41aa5b12e443546bee1b501a7b281e5132a",
            "28e4e307ef6d2d0c62d84b11ef96e835efe490f35b93c8f024ecfe38c8dd4377",
        ]);
        MerkleProofs.VerifyConsistency(6, 8, t.Root(6), t.Root(8), proof).IsValid.ShouldBeTrue();
    }

    [Fact]
    public void Hashes_WhenLeafEqualsNodeBytes_DifferByPrefix()
    {
        // Second-preimage resistance: a leaf whose data is left‖right must not hash to the node of left and right.
        var l = MerkleHash.Leaf([1]);
        var r = MerkleHash.Leaf([2]);
        MerkleHash.Leaf([.. l, .. r]).ShouldNotBe(MerkleHash.Node(l, r));
    }

    [Fact]
    public void SplitPoint_WhenSizes_IsLargestPowerOfTwoStrictlyBelow()
    {
        MerkleHash.SplitPoint(2).ShouldBe(1);
        MerkleHash.SplitPoint(3).ShouldBe(2);
        MerkleHash.SplitPoint(4).ShouldBe(2);
        MerkleHash.SplitPoint(5).ShouldBe(4);
        MerkleHash.SplitPoint(8).ShouldBe(4);
        MerkleHash.SplitPoint(9).ShouldBe(8);
        Should.Throw<ArgumentOutOfRangeException>(() => MerkleHash.SplitPoint(1));
    }

    [Fact]
    public void Root_WhenRandomSizesUpTo130_MatchesNaiveRecursiveMth()
    {
        var leaves = RandomLeaves(130, 42);
        var t = new InMemoryMerkleTree();
        for (var n = 1; n <= leaves.Count; n++)
        {
            t.AppendLeaf(leaves[n - 1]);
            var naive = NaiveMth(leaves, 0, n);
            t.Root().ShouldBe(naive, $"size {n}");
            t.Root(n).ShouldBe(naive, $"stored-node root at size {n}");
        }
    }
}
