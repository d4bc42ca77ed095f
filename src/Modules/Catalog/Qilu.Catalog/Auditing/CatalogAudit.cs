using Microsoft.AspNetCore.Http;
using Qilu.Platform.Audit;
using Qilu.SharedKernel.Actors;

namespace Qilu.Catalog.Auditing;

/// <summary>The Catalog module's audit trail: every change to elements and entries, every review decision and claim.</summary>
internal sealed class CatalogAudit(IAuditWriter writer, IHttpContextAccessor http)
{
    public Task WriteAsync(string action, string targetType, string? targetId, Actor actor, object? details = null, CancellationToken ct = default)
    {
        var ctx = http.HttpContext;
        return writer.WriteAsync(new AuditEvent(action, targetType, targetId, "success", actor, details,
            ctx?.Connection.RemoteIpAddress?.ToString(), System.Diagnostics.Activity.Current?.TraceId.ToString()), ct);
    }
}
