using Microsoft.AspNetCore.Http;
using Qilu.Platform.Audit;
using Qilu.SharedKernel.Actors;

namespace Qilu.Notices.Auditing;

/// <summary>The Notices module's audit trail: every notice drafted, changed, published or withdrawn.</summary>
internal sealed class NoticesAudit
{
    private readonly IAuditWriter? _writer;
    private readonly IHttpContextAccessor? _http;

    public NoticesAudit(IAuditWriter writer, IHttpContextAccessor http)
    {
        _writer = writer;
        _http = http;
    }

    private NoticesAudit()
    {
    }

    /// <summary>
    /// For the demo seeder only: seeders run before the audit log's background writer starts, and a write would wait
    /// for it forever. Seeded reference data is not an official's action, so there is nothing to attribute.
    /// </summary>
    public static NoticesAudit ForSeeding() => new();

    public Task WriteAsync(string action, string targetType, string? targetId, Actor actor, object? details = null, string outcome = "success", CancellationToken ct = default)
    {
        if (_writer is null) return Task.CompletedTask;
        var ctx = _http?.HttpContext;
        return _writer.WriteAsync(new AuditEvent(action, targetType, targetId, outcome, actor, details,
            ctx?.Connection.RemoteIpAddress?.ToString(), System.Diagnostics.Activity.Current?.TraceId.ToString()), ct);
    }
}
