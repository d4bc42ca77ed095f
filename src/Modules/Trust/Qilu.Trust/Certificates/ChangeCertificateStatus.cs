using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Qilu.Platform.Auth;
using Qilu.SharedKernel.Actors;
using Qilu.SharedKernel.Results;
using Qilu.Trust.Auditing;
using Qilu.Trust.Contracts;
using Qilu.Trust.Data;

namespace Qilu.Trust.Certificates;

/// <summary>
/// POST /api/trust/certificates/{id}/{action}: suspend (中止), revoke (撤销) or restore (恢复) a certificate issued by
/// the actor's unit, with a reason. The published status list reflects it at once (bits are derived from the status).
/// </summary>
internal static class ChangeCertificateStatus
{
    public sealed record Request(string? Reason, uint? Version);

    public static IReadOnlyList<string> Allowed(CertificateStatus s) => s switch
    {
        CertificateStatus.Valid => ["suspend", "revoke"],
        CertificateStatus.Suspended => ["restore", "revoke"],
        _ => [],
    };

    public static void Map(IEndpointRouteBuilder api) => api.MapPost("/certificates/{id:guid}/{action}", EndpointAsync)
        .RequirePermission(TrustPermissions.CertificatesManage)
        .WithName("ChangeCertificateStatus").WithSummary("中止/撤销/恢复电子证照 / Suspend, revoke, restore").Produces<CertificateView>();

    private static async Task<IResult> EndpointAsync(Guid id, string action, Request? request, HttpContext ctx, ActorAccessor actors,
        TrustDbContext db, TimeProvider clock, TrustAudit audit) =>
        Outcomes.Ok(await HandleAsync(actors.FromContext(ctx), id, action, request ?? new Request(null, null), db, clock, audit, ctx.RequestAborted));

    internal static async Task<Result<CertificateView>> HandleAsync(Actor actor, Guid id, string action, Request request, TrustDbContext db,
        TimeProvider clock, TrustAudit audit, CancellationToken ct)
    {
        if (Outcomes.Lacks(actor, TrustPermissions.CertificatesManage) is { } denied) return Outcomes.Denied<CertificateView>(denied);
        if (action is not ("suspend" or "revoke" or "restore"))
            return Outcomes.Invalid<CertificateView>("certificate.action", $"未知操作“{action}”", $"Unknown action '{action}'", "action");
        var c = await CertificateScope.FindAsync(db, actor, id, ct);
        // Only the issuing unit changes a certificate's status; higher units see it but do not act for the issuer.
        if (c is null || c.IssuerUnitId != actor.DepartmentId) return Outcomes.NotFound<CertificateView>("电子证照", "Certificate");
        if (request.Version is { } v && v != c.Version)
            return Outcomes.Conflict<CertificateView>("concurrency", "证照已被他人修改，请刷新后重试", "The certificate was changed by someone else; reload", "version");
        var allowed = Allowed(c.Status);
        if (!allowed.Contains(action))
            return Outcomes.InvalidTransition<CertificateView>("电子证照", c.Status.ToString().ToLowerInvariant(), action, allowed);
        var reason = request.Reason?.Trim();
        if (string.IsNullOrEmpty(reason) || reason.Length > 200)
            return Outcomes.Invalid<CertificateView>("certificate.reason", "请填写原因（不超过 200 字）", "A reason (at most 200 characters) is required", "reason");
        c.Status = action switch { "suspend" => CertificateStatus.Suspended, "revoke" => CertificateStatus.Revoked, _ => CertificateStatus.Valid };
        c.StatusReason = reason;
        c.StatusChangedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        await audit.WriteAsync($"trust.certificates.{action}", "certificate", c.Id.ToString(), "success", actor, new { c.LicenceId, reason }, ct);
        var typeName = db.CertificateTypes.Where(t => t.Code == c.TypeCode).Select(t => t.Name).First();
        return CertificateView.From(c, typeName, clock.GetUtcNow());
    }
}
