namespace Qilu.Platform.Audit.Merkle;

/// <summary>
/// A Merkle tree held in memory with every perfect subtree kept (the same layout the database stores). Used by the
/// tests, the benchmarks and the verifier's node check.
/// </summary>
internal sealed class InMemoryMerkleTree
{
    private readonly List<List<byte[]>> _levels = [];
    private readonly CompactRange _range = new();

    public long Size => _range.Size;

    public void AppendLeafHash(byte[] leafHash) => _range.Append(leafHash, Store);

    public void AppendLeaf(ReadOnlySpan<byte> leaf) => AppendLeafHash(MerkleHash.Leaf(leaf));

    private void Store(NodeId id, byte[] hash)
    {
        while (_levels.Count <= id.Level) _levels.Add([]);
        _levels[id.Level].Add(hash);
    }

    public byte[] Node(NodeId id) => _levels[id.Level][checked((int)id.Index)];

    public byte[] Root() => _range.Root();

    public byte[] Root(long size) => MerkleProofs.Root(size, Node).ToArray();

    public List<byte[]> InclusionPath(long index, long size) => MerkleProofs.InclusionPath(index, size, Node);

    public List<byte[]> ConsistencyProof(long first, long second) => MerkleProofs.ConsistencyProof(first, second, Node);
}
