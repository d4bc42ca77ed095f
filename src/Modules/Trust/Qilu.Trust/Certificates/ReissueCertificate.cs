using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Qilu.Identity.Contracts;
using Qilu.Platform.Auth;
using Qilu.Platform.Cryptography.Fields;
using Qilu.SharedKernel.Actors;
using Qilu.SharedKernel.Results;
using Qilu.Trust.Auditing;
using Qilu.Trust.Contracts;
using Qilu.Trust.Data;

namespace Qilu.Trust.Certificates;

/// <summary>
/// POST /api/trust/certificates/{id}/reissue: 变更 — the issuing unit issues a new version with changed 照面信息 (given
/// fields replace, the others are kept; holder name and validity may change, the holder may not). The new version's
/// 电子证照标识 has the version part incremented and its check character recomputed; the old version becomes
/// superseded (its revocation bit is set in the status list) in the same transaction, with a
/// <see cref="CertificateReissued"/> event in the outbox.
/// </summary>
internal static class ReissueCertificate
{
    public sealed record Request(Dictionary<string, string>? Fields, string? HolderName, DateOnly? ValidUntil, string? Reason, uint? Version);

    public static void Map(IEndpointRouteBuilder api) => api.MapPost("/certificates/{id:guid}/reissue", EndpointAsync)
        .RequirePermission(TrustPermissions.CertificatesIssue)
        .WithName("ReissueCertificate").WithSummary("变更电子证照（新版本）/ Re-issue a certificate").Produces<CertificateView>(StatusCodes.Status201Created);

    private static async Task<IResult> EndpointAsync(Guid id, Request request, HttpContext ctx, ActorAccessor actors, TrustDbContext db,
        CertificateIssuer issuer, IOrganisationDirectory directory, IFieldProtector protector, TimeProvider clock, TrustAudit audit) =>
        Outcomes.Created(await HandleAsync(actors.FromContext(ctx), id, request, db, issuer, directory, protector, clock, audit, ctx.RequestAborted),
            c => $"/api/trust/certificates/{c.Id}");

    internal static async Task<Result<CertificateView>> HandleAsync(Actor actor, Guid id, Request request, TrustDbContext db, CertificateIssuer issuer,
        IOrganisationDirectory directory, IFieldProtector protector, TimeProvider clock, TrustAudit audit, CancellationToken ct)
    {
        if (Outcomes.Lacks(actor, TrustPermissions.CertificatesIssue) is { } denied) return Outcomes.Denied<CertificateView>(denied);
        var previous = await CertificateScope.FindAsync(db, actor, id, ct);
        if (previous is null || previous.IssuerUnitId != actor.DepartmentId) return Outcomes.NotFound<CertificateView>("电子证照", "Certificate");
        if (request.Version is { } v && v != previous.Version)
            return Outcomes.Conflict<CertificateView>("concurrency", "证照已被他人修改，请刷新后重试", "The certificate was changed by someone else; reload", "version");
        if (previous.Status is not (CertificateStatus.Valid or CertificateStatus.Suspended))
            return Outcomes.InvalidTransition<CertificateView>("电子证照", previous.Status.ToString().ToLowerInvariant(), "reissue", []);
        var reason = request.Reason?.Trim();
        if (string.IsNullOrEmpty(reason) || reason.Length > 200)
            return Outcomes.Invalid<CertificateView>("certificate.reason", "请填写变更原因（不超过 200 字）", "A reason (at most 200 characters) is required", "reason");
        if (await directory.FindUnitAsync(previous.IssuerUnitId, ct) is not { } unit)
            return Outcomes.Forbidden<CertificateView>("certificate.no_unit", "颁证单位不存在", "The issuing unit no longer exists");

        var fields = System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, string>>(previous.FieldsJson) ?? [];
        foreach (var (name, value) in request.Fields ?? []) fields[name] = value;
        var draft = new CertificateIssuer.Draft(previous.TypeCode, request.HolderName ?? previous.HolderName,
            protector.Unprotect(previous.HolderIdProtected), request.ValidUntil ?? previous.ValidUntil, fields);
        var result = await issuer.ReissueAsync(unit, previous, draft, reason, actor.SubjectId, ct);
        if (!result.IsSuccess) return Result<CertificateView>.Failure(result.Errors, result.Kind);
        var now = clock.GetUtcNow();
        previous.Status = CertificateStatus.Superseded;
        previous.StatusReason = reason;
        previous.StatusChangedAt = now;
        try
        {
            await issuer.SaveAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another 变更 of the same version won the race (row version or the unique (serial, version) index).
            return Outcomes.Conflict<CertificateView>("concurrency", "该版本已被变更，请刷新后重试", "This version was already re-issued; reload", "version");
        }
        var c = result.Value;
        await audit.WriteAsync("trust.certificates.reissued", "certificate", c.Id.ToString(), "success", actor,
            new { c.LicenceId, previous = previous.LicenceId, reason, changed = request.Fields?.Keys.ToArray() ?? [] }, ct);
        var type = await issuer.TypeAsync(c.TypeCode, ct);
        return CertificateView.From(c, type!.Name, now);
    }
}
