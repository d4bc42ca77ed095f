using Microsoft.EntityFrameworkCore;
using Qilu.Identity.Contracts;
using Qilu.Platform.Events;
using Qilu.SharedKernel.Actors;
using Qilu.SharedKernel.Results;
using Qilu.Trust.Auditing;
using Qilu.Trust.Contracts;
using Qilu.Trust.Data;

namespace Qilu.Trust.Certificates;

/// <summary>
/// Issues the certificate another module asked for (<see cref="CertificateIssueRequested"/>), idempotently by request id:
/// a redelivered event returns the certificate issued the first time. Runs as the system on behalf of the issuing unit.
/// </summary>
internal sealed class WhenCertificateIssueRequested(TrustDbContext db, CertificateIssuer issuer, IOrganisationDirectory directory, TrustAudit audit)
    : IIntegrationEventHandler<CertificateIssueRequested>
{
    /// <summary>Outbox delivery: a refused request is audited and acknowledged (retrying cannot make it valid).</summary>
    async Task IIntegrationEventHandler<CertificateIssueRequested>.HandleAsync(CertificateIssueRequested integrationEvent, CancellationToken cancellationToken) =>
        await IssueAsync(integrationEvent, cancellationToken);

    public async Task<Result<Guid>> IssueAsync(CertificateIssueRequested request, CancellationToken ct)
    {
        var existing = await db.Certificates.AsNoTracking().Where(c => c.RequestId == request.RequestId).Select(c => (Guid?)c.Id).FirstOrDefaultAsync(ct);
        if (existing is { } id) return id;
        var unit = await directory.FindUnitAsync(request.IssuerUnitId, ct);
        if (unit is null)
            return Result<Guid>.Failure(new Error("certificate.issuer_unknown", "颁证单位不存在", "The issuing unit does not exist", "issuerUnitId"));
        var system = new Actor(ActorKind.SystemClient, "trust.integration", "证照自动签发", unit.DivisionCode, unit.Id,
            new HashSet<string>(), new HashSet<string> { TrustPermissions.CertificatesIssue }, RealNameLevel.None);
        var result = await issuer.IssueAsync(unit, new CertificateIssuer.Draft(request.TypeCode, request.HolderName, request.HolderIdentifier,
            request.ValidUntil, request.Fields), system.SubjectId, request.RequestId, ct);
        if (!result.IsSuccess)
        {
            await audit.WriteAsync("trust.certificates.issue_refused", "issue_request", request.RequestId.ToString(), "failure", system,
                new { codes = result.Errors.Select(e => e.Code).ToArray() }, ct);
            return Result<Guid>.Failure(result.Errors, result.Kind);
        }
        await issuer.SaveAsync(ct);
        await audit.WriteAsync("trust.certificates.issued", "certificate", result.Value.Id.ToString(), "success", system,
            new { result.Value.LicenceId, request = request.RequestId, holder = result.Value.HolderIdMasked }, ct);
        return result.Value.Id;
    }
}
