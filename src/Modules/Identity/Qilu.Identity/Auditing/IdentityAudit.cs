using Microsoft.AspNetCore.Http;
using Qilu.Platform.Auth;
using Qilu.SharedKernel.Actors;

namespace Qilu.Identity.Auditing;

/// <summary>
/// The Identity module's audit trail: sign-ins, failures, lockouts, permission and account changes, admin actions.
/// Everything goes to the platform's Merkle audit log; details carry masked personal data only.
/// </summary>
internal sealed class IdentityAudit(Qilu.Platform.Audit.IAuditWriter writer, IHttpContextAccessor http, ActorAccessor actors)
{
    public Task WriteAsync(string action, string targetType, string? targetId, string outcome,
        object? details = null, Actor? actor = null, CancellationToken ct = default)
    {
        var ctx = http.HttpContext;
        var who = actor ?? (ctx is null ? Actor.Anonymous : actors.FromContext(ctx));
        return writer.WriteAsync(new Qilu.Platform.Audit.AuditEvent(
            action, targetType, targetId, outcome, who,
            details, ctx?.Connection.RemoteIpAddress?.ToString(), System.Diagnostics.Activity.Current?.TraceId.ToString()), ct);
    }
}
