using Microsoft.AspNetCore.Http;
using Qilu.Platform.Audit;
using Qilu.SharedKernel.Actors;

namespace Qilu.Trust.Auditing;

/// <summary>
/// The Trust module's audit trail: every seal transition, signature, issuance, status change, share and verification
/// refusal that concerns security. Details carry masked personal data only.
/// </summary>
internal sealed class TrustAudit(IAuditWriter writer, IHttpContextAccessor http)
{
    public Task WriteAsync(string action, string targetType, string? targetId, string outcome, Actor actor,
        object? details = null, CancellationToken ct = default)
    {
        var ctx = http.HttpContext;
        return writer.WriteAsync(new AuditEvent(action, targetType, targetId, outcome, actor, details,
            ctx?.Connection.RemoteIpAddress?.ToString(), System.Diagnostics.Activity.Current?.TraceId.ToString()), ct);
    }
}
