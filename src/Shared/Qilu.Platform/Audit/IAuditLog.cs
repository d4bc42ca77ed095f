using Qilu.Platform.Audit.Checkpoints;
using Qilu.SharedKernel.Paging;
using Qilu.SharedKernel.Results;

namespace Qilu.Platform.Audit;

/// <summary>
/// The platform audit log (审计日志): append-only and tamper-evident (an SM3 Merkle tree in the RFC 6962/9162 shape
/// with SM2-signed checkpoints). There is deliberately no update or delete operation; expired entries are removed
/// only by the retention purge, which keeps the tree nodes and checkpoints.
/// </summary>
public interface IAuditLog
{
    /// <summary>
    /// Appends a record and returns its sequence number once it is durable (committed). Throws
    /// <see cref="ArgumentException"/> for an invalid record and the database exception if the commit fails.
    /// Cancelling only stops waiting: a record already queued may still be committed.
    /// </summary>
    ValueTask<long> AppendAsync(AuditRecord record, CancellationToken ct = default);


    /// <summary>The entry with the given sequence, or null when it does not exist (or has expired).</summary>
    Task<AuditEntry?> GetAsync(long sequence, CancellationToken ct = default);

    /// <summary>Entries matching the filter, newest first.</summary>
    Task<Paged<AuditEntry>> QueryAsync(AuditQuery query, CancellationToken ct = default);

    /// <summary>
    /// Up to <paramref name="max"/> entries with <paramref name="from"/> ≤ sequence &lt; <paramref name="to"/> whose
    /// action starts with <paramref name="actionPrefix"/>, oldest first, with only what a projection of them needs:
    /// sequence, time, actor id, action and the details as their stored canonical text, which the reader deserialises
    /// into its own type once (no <see cref="System.Text.Json.JsonElement"/> in between, no columns it does not use). For
    /// readers that follow the log (a module's projection of its own entries, such as the sharing gateway's metering):
    /// every sequence below the tree size is committed, and sequence numbers are dense, so reading up to a size read
    /// before leaves no entry behind.
    /// </summary>
    Task<IReadOnlyList<AuditTailEntry>> ReadTailAsync(long from, long to, string actionPrefix, int max, CancellationToken ct = default);

    /// <summary>Number of committed entries (the current tree size).</summary>
    Task<long> GetTreeSizeAsync(CancellationToken ct = default);

    /// <summary>The newest signed checkpoint; signs one first when none exists yet.</summary>
    Task<SignedCheckpoint> GetLatestCheckpointAsync(CancellationToken ct = default);

    /// <summary>Signs a checkpoint of the current tree now, unless the newest checkpoint already covers it.</summary>
    Task<SignedCheckpoint> CheckpointNowAsync(CancellationToken ct = default);

    /// <summary>Audit path for entry <paramref name="sequence"/> in the tree of <paramref name="treeSize"/> entries.</summary>
    Task<Result<InclusionProof>> GetInclusionProofAsync(long sequence, long treeSize, CancellationToken ct = default);

    /// <summary>Consistency proof between tree sizes <paramref name="first"/> and <paramref name="second"/>.</summary>
    Task<Result<ConsistencyProof>> GetConsistencyProofAsync(long first, long second, CancellationToken ct = default);

    /// <summary>
    /// Writes the JSON-lines export (entries as canonical leaf bytes, checkpoints interleaved) that
    /// <see cref="Verification.AuditVerifier.VerifyExportAsync"/> and independent tools verify.
    /// </summary>
    Task ExportAsync(Stream output, CancellationToken ct = default);
}
