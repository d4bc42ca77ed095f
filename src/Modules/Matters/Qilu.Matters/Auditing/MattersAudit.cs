using Microsoft.AspNetCore.Http;
using Qilu.Platform.Audit;
using Qilu.SharedKernel.Actors;

namespace Qilu.Matters.Auditing;

/// <summary>The Matters module's audit trail: every catalog change, publication, import and export.</summary>
internal sealed class MattersAudit(IAuditWriter writer, IHttpContextAccessor http)
{
    public Task WriteAsync(string action, string targetType, string? targetId, Actor actor, object? details = null, string outcome = "success", CancellationToken ct = default)
    {
        var ctx = http.HttpContext;
        return writer.WriteAsync(new AuditEvent(action, targetType, targetId, outcome, actor, details,
            ctx?.Connection.RemoteIpAddress?.ToString(), System.Diagnostics.Activity.Current?.TraceId.ToString()), ct);
    }
}
