using Microsoft.AspNetCore.Http;
using Qilu.Platform.Audit;
using Qilu.SharedKernel.Actors;

namespace Qilu.Sharing.Auditing;

/// <summary>The Sharing module's audit trail: applications, decisions, grant changes, every gateway call.</summary>
internal sealed class SharingAudit(IAuditWriter writer, IHttpContextAccessor http)
{
    public Task WriteAsync(string action, string targetType, string? targetId, Actor actor, object? details = null,
        string outcome = "success", CancellationToken ct = default) =>
        writer.WriteAsync(Event(action, targetType, targetId, actor, details, outcome), ct);

    private AuditEvent Event(string action, string targetType, string? targetId, Actor actor, object? details, string outcome)
    {
        var ctx = http.HttpContext;
        return new AuditEvent(action, targetType, targetId, outcome, actor, details,
            ctx?.Connection.RemoteIpAddress?.ToString(), System.Diagnostics.Activity.Current?.TraceId.ToString());
    }
}
