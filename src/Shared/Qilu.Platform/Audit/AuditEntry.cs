using System.Text.Json;
using Qilu.SharedKernel.Actors;

namespace Qilu.Platform.Audit;

/// <summary>
/// One entry of the audit log (审计日志条目): a leaf of the Merkle tree. Its leaf bytes are the canonical
/// serialisation documented in <c>docs/audit-log.md</c> (see <see cref="AuditLeafCodec"/>).
/// </summary>
/// <param name="Sequence">0-based leaf index; dense and never reused.</param>
/// <param name="Timestamp">When the log accepted the entry (UTC, microsecond precision).</param>
/// <param name="ActorId">Account or client id of the actor.</param>
/// <param name="ActorKind">Kind of actor.</param>
/// <param name="ActorName">Masked display name.</param>
/// <param name="DivisionCode">行政区划代码 of the actor's unit.</param>
/// <param name="Action">Dotted action name.</param>
/// <param name="Target">Object acted on.</param>
/// <param name="Outcome">How the action ended.</param>
/// <param name="Details">Action-specific JSON object.</param>
/// <param name="SourceIp">Client IP.</param>
/// <param name="TraceId">Trace id.</param>
public sealed record AuditEntry(
    long Sequence,
    DateTimeOffset Timestamp,
    string ActorId,
    ActorKind ActorKind,
    string ActorName,
    string? DivisionCode,
    string Action,
    AuditTarget? Target,
    AuditOutcome Outcome,
    JsonElement? Details,
    string? SourceIp,
    string? TraceId);
