namespace Qilu.Platform.Audit.Data;

/// <summary>
/// Table <c>nodes</c>: the hash of every perfect subtree, keyed by (level, index); level 0 holds the leaf hashes.
/// Written in the same transaction as the entries that complete them; kept when entries expire so that proofs for
/// the remaining entries still verify.
/// </summary>
internal sealed class AuditNodeRow
{
    public int Level { get; set; }

    public long Idx { get; set; }

    public byte[] Hash { get; set; } = [];
}
