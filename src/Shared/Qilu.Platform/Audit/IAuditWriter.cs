using Qilu.SharedKernel.Actors;

namespace Qilu.Platform.Audit;

/// <summary>
/// What modules call to record an auditable event. Returns once the entry is durable in the Merkle log, so an
/// acknowledged action always has its trace.
/// </summary>
public interface IAuditWriter
{
    Task WriteAsync(AuditEvent auditEvent, CancellationToken cancellationToken = default);
}

/// <summary>An auditable event as a module describes it; the writer turns it into a log entry.</summary>
/// <param name="Action">Dotted action, e.g. <c>identity.signin.failed</c>.</param>
/// <param name="TargetType">Kind of object acted on (account, role, client …).</param>
/// <param name="TargetId">Its id, never a plaintext personal identifier.</param>
/// <param name="Outcome">success, failure or denied.</param>
/// <param name="Actor">Who acted.</param>
/// <param name="Details">Small object serialised to JSON; masked personal data only.</param>
/// <param name="SourceIp">Client address.</param>
/// <param name="TraceId">Trace id linking to logs and traces.</param>
public sealed record AuditEvent(string Action, string TargetType, string? TargetId, string Outcome, Actor Actor,
    object? Details = null, string? SourceIp = null, string? TraceId = null);
