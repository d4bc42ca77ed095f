using Qilu.Platform.Audit;

namespace Qilu.Host;

/// <summary>Interim writer until the Merkle audit log is composed in (same session).</summary>
internal sealed class LoggingAuditWriter(ILogger<LoggingAuditWriter> logger) : IAuditWriter
{
    public Task WriteAsync(AuditEvent auditEvent, CancellationToken cancellationToken = default)
    {
        logger.LogInformation("audit {Action} {Target} {Outcome}", auditEvent.Action, auditEvent.TargetId, auditEvent.Outcome);
        return Task.CompletedTask;
    }
}
