using System.Text.Encodings.Web;
using System.Text.Json;

namespace Qilu.Platform.Audit;

/// <summary>Turns a module's <see cref="AuditEvent"/> into a Merkle log record and waits until it is durable.</summary>
public sealed class AuditEventWriter(IAuditLog log) : IAuditWriter
{
    // The web defaults (camelCase) with the canonical form's escaping (AuditLeafCodec.WriterOptions: only quote,
    // backslash and control characters), compact: the serialiser's text is then the canonical text itself, the same
    // bytes as writing the object to a JsonElement and that element through the canonical writer.
    private static readonly JsonSerializerOptions DetailsJson = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = false,
    };

    public async Task WriteAsync(AuditEvent auditEvent, CancellationToken cancellationToken = default) =>
        await log.AppendAsync(ToRecord(auditEvent), cancellationToken);

    private static AuditRecord ToRecord(AuditEvent auditEvent)
    {
        ArgumentNullException.ThrowIfNull(auditEvent);
        var outcome = auditEvent.Outcome switch
        {
            "success" => AuditOutcome.Success,
            "denied" => AuditOutcome.Denied,
            _ => AuditOutcome.Failure,
        };
        return AuditRecord.For(auditEvent.Actor, auditEvent.Action, outcome) with
        {
            Target = new AuditTarget(auditEvent.TargetType, auditEvent.TargetId ?? ""),
            CanonicalDetailsText = auditEvent.Details is null ? null : JsonSerializer.Serialize(auditEvent.Details, DetailsJson),
            SourceIp = auditEvent.SourceIp,
            TraceId = auditEvent.TraceId,
        };
    }
}
