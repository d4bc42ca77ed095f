namespace Qilu.Platform.Audit;

/// <summary>
/// RFC 6962 §2.1.1 audit path proving that entry <see cref="LeafIndex"/> is in the tree of <see cref="TreeSize"/>
/// entries. Verify with <see cref="Merkle.MerkleProofs.VerifyInclusion"/> against the root of a signed checkpoint of
/// that size (the <see cref="RootHash"/> here is a convenience, not a trust anchor).
/// </summary>
/// <param name="LeafIndex">Sequence of the entry.</param>
/// <param name="TreeSize">Tree size the path is for.</param>
/// <param name="LeafHash">SM3(0x00 ‖ leaf bytes) of the entry.</param>
/// <param name="Path">Sibling hashes, nearest the leaf first.</param>
/// <param name="RootHash">Tree head of <see cref="TreeSize"/> as computed by the server.</param>
public sealed record InclusionProof(long LeafIndex, long TreeSize, byte[] LeafHash, IReadOnlyList<byte[]> Path, byte[] RootHash);

/// <summary>
/// RFC 6962 §2.1.2 consistency proof that the tree of <see cref="First"/> entries is a prefix of the tree of
/// <see cref="Second"/> entries. Verify with <see cref="Merkle.MerkleProofs.VerifyConsistency"/> against two
/// signed checkpoints.
/// </summary>
/// <param name="First">Smaller tree size (≥ 1).</param>
/// <param name="Second">Larger tree size.</param>
/// <param name="Path">Proof hashes in RFC order.</param>
/// <param name="FirstRoot">Tree head of <see cref="First"/> as computed by the server.</param>
/// <param name="SecondRoot">Tree head of <see cref="Second"/> as computed by the server.</param>
public sealed record ConsistencyProof(long First, long Second, IReadOnlyList<byte[]> Path, byte[] FirstRoot, byte[] SecondRoot);
