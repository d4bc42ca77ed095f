using Microsoft.AspNetCore.Http;
using Qilu.Platform.Audit;
using Qilu.SharedKernel.Actors;

namespace Qilu.OpenData.UseCases;

/// <summary>The OpenData module's audit trail: publication, withdrawal, every access decision, key issue and report.</summary>
internal sealed class OpenDataAudit(IAuditWriter writer, IHttpContextAccessor http)
{
    public Task WriteAsync(string action, string targetType, string? targetId, Actor actor, object? details = null, CancellationToken ct = default)
    {
        var ctx = http.HttpContext;
        return writer.WriteAsync(new AuditEvent(action, targetType, targetId, "success", actor, details,
            ctx?.Connection.RemoteIpAddress?.ToString(), System.Diagnostics.Activity.Current?.TraceId.ToString()), ct);
    }
}
