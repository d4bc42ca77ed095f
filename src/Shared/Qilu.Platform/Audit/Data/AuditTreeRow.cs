namespace Qilu.Platform.Audit.Data;

/// <summary>
/// Table <c>tree</c>: one row per leaf of the Merkle tree, keyed by the leaf's sequence number. <see cref="Hashes"/>
/// holds the leaf's hash, then the hash of every perfect subtree whose last leaf it is, by level: leaf <c>seq</c>
/// completes <c>1 + trailing ones of seq</c> subtrees (<see cref="Merkle.NodeId.CompletedBy"/>), and the subtree
/// (level L, index k) is found in row <c>((k + 1) · 2^L) − 1</c> at bytes <c>[32·L, 32·L + 32)</c>.
/// Written in the same transaction as the entries; kept when entries expire so that proofs for the remaining entries
/// still verify. One append-only row per entry replaced a row per subtree keyed by (level, index) (ADR 0004 addendum 2):
/// that table's key index took an insert on a different page for each level a batch completed.
/// </summary>
internal sealed class AuditTreeRow
{
    public long Seq { get; set; }

    public byte[] Hashes { get; set; } = [];
}
