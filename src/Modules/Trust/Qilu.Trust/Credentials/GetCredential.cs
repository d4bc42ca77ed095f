using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Qilu.Identity.Contracts;
using Qilu.Platform.Auth;
using Qilu.Platform.Cryptography.Fields;
using Qilu.Platform.Cryptography.Keys;
using Qilu.Platform.Http;
using Qilu.SharedKernel.Actors;
using Qilu.SharedKernel.Results;
using Qilu.Trust.Auditing;
using Qilu.Trust.Certificates;
using Qilu.Trust.Data;

namespace Qilu.Trust.Credentials;

/// <summary>
/// GET /api/trust/certificates/{id}/vc: the certificate as a W3C VC 2.0 with an <c>ecdsa-jcs-2019</c> proof
/// (<c>application/vc</c>), for the holder or an official with read permission in scope; audited.
/// </summary>
internal static class GetCredential
{
    public static void Map(IEndpointRouteBuilder api) => api.MapGet("/certificates/{id:guid}/vc", EndpointAsync).RequireAuthorization()
        .WithName("GetCertificateCredential").WithSummary("电子证照的 W3C 可验证凭证（ECDSA P-256）/ Certificate as W3C VC")
        .Produces(StatusCodes.Status200OK, contentType: CertificateCredential.MediaType);

    private static async Task<IResult> EndpointAsync(Guid id, HttpContext ctx, ActorAccessor actors, TrustDbContext db, IKeyStore keys,
        IPersonDirectory people, IFieldProtector protector, IOptions<TrustOptions> options, TimeProvider clock, TrustAudit audit)
    {
        var result = await HandleAsync(actors.FromContext(ctx), id, db, keys, people, protector, options.Value, clock, audit, ctx.RequestAborted);
        return result.IsSuccess ? Results.Text(result.Value, CertificateCredential.MediaType) : Problems.From(result);
    }

    internal static async Task<Result<string>> HandleAsync(Actor actor, Guid id, TrustDbContext db, IKeyStore keys, IPersonDirectory people,
        IFieldProtector protector, TrustOptions options, TimeProvider clock, TrustAudit audit, CancellationToken ct)
    {
        var (c, role) = await CertificateAccess.FindAsync(db, actor, id, people, protector, ct);
        if (c is null) return Outcomes.NotFound<string>("电子证照", "Certificate");
        var credential = await CertificateCredential.IssueAsync(c, keys, options.StatusListUrl(c.StatusListId), clock.GetUtcNow(), ct);
        await audit.WriteAsync("trust.certificates.vc", "certificate", c.Id.ToString(), "success", actor,
            new { c.LicenceId, role, holder = c.HolderIdMasked }, ct);
        return credential.ToJsonString(TrustJson.Options);
    }
}
