using Microsoft.AspNetCore.Http;
using Qilu.Platform.Audit;
using Qilu.SharedKernel.Actors;

namespace Qilu.Matters.Auditing;

/// <summary>The Matters module's audit trail: every catalog change, publication, import and export.</summary>
internal sealed class MattersAudit
{
    private readonly IAuditWriter? _writer;
    private readonly IHttpContextAccessor? _http;

    public MattersAudit(IAuditWriter writer, IHttpContextAccessor http)
    {
        _writer = writer;
        _http = http;
    }

    private MattersAudit()
    {
    }

    /// <summary>
    /// For the demo seeder only: seeders run before the audit log's background writer starts, and a write would wait
    /// for it forever. Seeded reference data is not an official's action, so there is nothing to attribute.
    /// </summary>
    public static MattersAudit ForSeeding() => new();

    public Task WriteAsync(string action, string targetType, string? targetId, Actor actor, object? details = null, string outcome = "success", CancellationToken ct = default)
    {
        if (_writer is null) return Task.CompletedTask;
        var ctx = _http?.HttpContext;
        return _writer.WriteAsync(new AuditEvent(action, targetType, targetId, outcome, actor, details,
            ctx?.Connection.RemoteIpAddress?.ToString(), System.Diagnostics.Activity.Current?.TraceId.ToString()), ct);
    }
}
