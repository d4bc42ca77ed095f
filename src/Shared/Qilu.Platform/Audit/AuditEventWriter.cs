using System.Text.Json;

namespace Qilu.Platform.Audit;

/// <summary>Turns a module's <see cref="AuditEvent"/> into a Merkle log record and waits until it is durable.</summary>
public sealed class AuditEventWriter(IAuditLog log) : IAuditWriter
{
    private static readonly JsonSerializerOptions DetailsJson = new(JsonSerializerDefaults.Web);

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
            Details = auditEvent.Details is null ? null : JsonSerializer.SerializeToElement(auditEvent.Details, DetailsJson),
            SourceIp = auditEvent.SourceIp,
            TraceId = auditEvent.TraceId,
        };
    }
}
