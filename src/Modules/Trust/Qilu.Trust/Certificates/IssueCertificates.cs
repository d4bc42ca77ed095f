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
/// POST /api/trust/certificates/batch (批量颁发): a department system issues up to <see cref="MaxItems"/> certificates as
/// its unit in one call — the way social-security cards or annual licences are issued in bulk. All or nothing: every
/// item is checked first, and one bad item refuses the whole batch with each error's field prefixed by the item
/// (<c>items[3].holderIdentifier</c>), so a caller can fix and resend without working out which half was kept. Signed
/// in parallel and saved in one transaction; each certificate gets its audit entry, as with single issuance.
/// </summary>
internal static class IssueCertificates
{
    /// <summary>Largest batch: bounds the request body, the transaction and the time a caller waits.</summary>
    public const int MaxItems = 1000;

    public sealed record Request(List<IssueCertificate.Request>? Items);

    public sealed record Issued(Guid Id, string LicenceId);

    public sealed record Response(int Count, IReadOnlyList<Issued> Certificates);

    public static void Map(IEndpointRouteBuilder api) => api.MapPost("/certificates/batch", EndpointAsync)
        .RequirePermission(TrustPermissions.CertificatesIssue)
        .WithName("IssueCertificates").WithSummary("批量颁发电子证照 / Issue certificates in bulk").Produces<Response>();

    private static async Task<IResult> EndpointAsync(Request request, HttpContext ctx, ActorAccessor actors, CertificateIssuer issuer,
        IOrganisationDirectory directory, TrustAudit audit) =>
        Outcomes.Ok(await HandleAsync(actors.FromContext(ctx), request, issuer, directory, audit, ctx.RequestAborted));

    internal static async Task<Result<Response>> HandleAsync(Actor actor, Request request, CertificateIssuer issuer,
        IOrganisationDirectory directory, TrustAudit audit, CancellationToken ct)
    {
        if (Outcomes.Lacks(actor, TrustPermissions.CertificatesIssue) is { } denied) return Outcomes.Denied<Response>(denied);
        if (actor.DepartmentId is not { } unitId || await directory.FindUnitAsync(unitId, ct) is not { } unit)
            return Outcomes.Forbidden<Response>("certificate.no_unit", "只有代表颁证单位的工作人员或系统可以颁发证照", "Only an official or system acting for an issuing unit may issue");
        var items = request.Items;
        if (items is null || items.Count == 0)
            return Outcomes.Invalid<Response>("certificate.batch_empty", "请至少提交一份证照", "Submit at least one certificate", "items");
        if (items.Count > MaxItems)
            return Outcomes.Invalid<Response>("certificate.batch_too_large", $"一次最多颁发 {MaxItems} 份证照，请分批提交",
                $"At most {MaxItems} certificates per batch; split the request", "items");

        issuer.BatchMode = true;
        var issued = new List<IssuedCertificate>(items.Count);
        var errors = new List<Error>();
        var kind = ErrorKind.Validation;
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var result = await issuer.IssueAsync(unit, new CertificateIssuer.Draft(item.TypeCode, item.HolderName, item.HolderIdentifier,
                item.ValidUntil, item.Fields), actor.SubjectId, null, ct);
            if (result.IsSuccess) { issued.Add(result.Value); continue; }
            // A refusal that is not about the item's content (remit, no seal in use) applies to every item alike.
            if (result.Kind is ErrorKind.Forbidden or ErrorKind.Conflict) kind = result.Kind;
            errors.AddRange(result.Errors.Select(e => e with { Field = $"items[{i}]" + (e.Field is null ? "" : "." + e.Field) }));
        }
        if (errors.Count > 0)
        {
            if (kind is ErrorKind.Forbidden or ErrorKind.Conflict)
                await audit.WriteAsync("trust.certificates.issue_refused", "certificate_batch", null, "denied", actor,
                    new { items = items.Count, codes = errors.Select(e => e.Code).Distinct().ToArray() }, ct);
            return Result<Response>.Failure(errors, kind);
        }
        await issuer.SaveAsync(ct);
        // One entry per certificate, as for single issuance, so an auditor finds each by its id; written together so the
        // audit log's group commit takes them in a few transactions rather than one round trip each.
        var batchId = Guid.NewGuid();
        await Task.WhenAll(issued.Select(c => audit.WriteAsync("trust.certificates.issued", "certificate", c.Id.ToString(), "success", actor,
            new { c.LicenceId, c.TypeCode, holder = c.HolderIdMasked, batch = batchId }, ct)));
        return new Response(issued.Count, [.. issued.Select(c => new Issued(c.Id, c.LicenceId))]);
    }
}
