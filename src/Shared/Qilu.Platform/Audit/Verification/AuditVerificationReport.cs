namespace Qilu.Platform.Audit.Verification;

/// <summary>One problem found by the verifier.</summary>
/// <param name="Code">
/// Stable code: <c>entry.leaf_mismatch</c>, <c>entry.gap</c>, <c>entry.unreadable</c>, <c>entry.missing</c>,
/// <c>checkpoint.signature</c>, <c>checkpoint.root_mismatch</c>, <c>checkpoint.beyond_log</c>, <c>export.malformed</c>.
/// </param>
/// <param name="Sequence">The exact entry concerned, when the verifier can name it.</param>
/// <param name="RangeStart">For a root mismatch: the first entry not covered by an earlier valid checkpoint.</param>
/// <param name="RangeEnd">For a root mismatch: the checkpoint's tree size (exclusive end of the suspect range).</param>
/// <param name="Message">English explanation.</param>
public sealed record AuditVerificationIssue(string Code, long? Sequence, long? RangeStart, long? RangeEnd, string Message);

/// <summary>Result of an offline verification of the audit log.</summary>
/// <param name="IsValid">True when no issue was found and at least the structure verified.</param>
/// <param name="FirstSequence">First entry present (entries below were purged by retention).</param>
/// <param name="EntriesVerified">Entries whose leaf hash was recomputed.</param>
/// <param name="TreeSize">Tree size reached.</param>
/// <param name="RootHash">Recomputed root of <see cref="TreeSize"/>.</param>
/// <param name="CheckpointsVerified">Checkpoints whose signature and root both verified.</param>
/// <param name="CheckpointsNotCheckable">Checkpoints signed correctly but older than the retained entries.</param>
/// <param name="FirstBrokenSequence">The lowest entry sequence named by an issue, if any.</param>
/// <param name="Issues">The problems found (at most 100).</param>
/// <param name="Elapsed">Wall time.</param>
public sealed record AuditVerificationReport(
    bool IsValid,
    long FirstSequence,
    long EntriesVerified,
    long TreeSize,
    byte[] RootHash,
    int CheckpointsVerified,
    int CheckpointsNotCheckable,
    long? FirstBrokenSequence,
    IReadOnlyList<AuditVerificationIssue> Issues,
    TimeSpan Elapsed)
{
    /// <summary>Entries verified per second.</summary>
    public double EntriesPerSecond => Elapsed.TotalSeconds > 0 ? EntriesVerified / Elapsed.TotalSeconds : 0;
}
