using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Qilu.Identity.Contracts;
using Qilu.Platform.Auth;
using Qilu.SharedKernel.Actors;
using Qilu.SharedKernel.Results;
using Qilu.Trust.Auditing;
using Qilu.Trust.Contracts;

namespace Qilu.Trust.Certificates;

/// <summary>
/// POST /api/trust/certificates: an official (or a department system) issues a certificate as their unit, signed with the
/// unit's seal. Unknown types, holders with invalid identifiers, schema violations and units without a usable seal each
/// get a precise error and change nothing.
/// </summary>
internal static class IssueCertificate
{
    public sealed record Request(string? TypeCode, string? HolderName, string? HolderIdentifier, DateOnly? ValidUntil,
        Dictionary<string, string>? Fields);

    public static void Map(IEndpointRouteBuilder api) => api.MapPost("/certificates", EndpointAsync)
        .RequirePermission(TrustPermissions.CertificatesIssue)
        .WithName("IssueCertificate").WithSummary("颁发电子证照 / Issue a certificate").Produces<CertificateView>(StatusCodes.Status201Created);

    private static async Task<IResult> EndpointAsync(Request request, HttpContext ctx, ActorAccessor actors, CertificateIssuer issuer,
        IOrganisationDirectory directory, TimeProvider clock, TrustAudit audit) =>
        Outcomes.Created(await HandleAsync(actors.FromContext(ctx), request, issuer, directory, clock, audit, ctx.RequestAborted),
            c => $"/api/trust/certificates/{c.Id}");

    internal static async Task<Result<CertificateView>> HandleAsync(Actor actor, Request request, CertificateIssuer issuer,
        IOrganisationDirectory directory, TimeProvider clock, TrustAudit audit, CancellationToken ct)
    {
        if (Outcomes.Lacks(actor, TrustPermissions.CertificatesIssue) is { } denied) return Outcomes.Denied<CertificateView>(denied);
        if (actor.DepartmentId is not { } unitId || await directory.FindUnitAsync(unitId, ct) is not { } unit)
            return Outcomes.Forbidden<CertificateView>("certificate.no_unit", "只有代表颁证单位的工作人员或系统可以颁发证照", "Only an official or system acting for an issuing unit may issue");
        var result = await issuer.IssueAsync(unit, new CertificateIssuer.Draft(request.TypeCode, request.HolderName, request.HolderIdentifier,
            request.ValidUntil, request.Fields), actor.SubjectId, null, ct);
        if (!result.IsSuccess)
        {
            if (result.Kind is ErrorKind.Forbidden or ErrorKind.Conflict)
                await audit.WriteAsync("trust.certificates.issue_refused", "certificate_type", request.TypeCode, "denied", actor,
                    new { codes = result.Errors.Select(e => e.Code).ToArray() }, ct);
            return Result<CertificateView>.Failure(result.Errors, result.Kind);
        }
        await issuer.SaveAsync(ct);
        var c = result.Value;
        await audit.WriteAsync("trust.certificates.issued", "certificate", c.Id.ToString(), "success", actor,
            new { c.LicenceId, c.TypeCode, holder = c.HolderIdMasked }, ct);
        var type = await issuer.TypeAsync(c.TypeCode, ct);
        return CertificateView.From(c, type!.Name, clock.GetUtcNow());
    }
}
