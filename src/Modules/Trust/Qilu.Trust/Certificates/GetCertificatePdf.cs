using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Qilu.Identity.Contracts;
using Qilu.Platform.Auth;
using Qilu.Platform.Cryptography.Fields;
using Qilu.Platform.Cryptography.Keys;
using Qilu.Platform.Http;
using Qilu.SharedKernel.Actors;
using Qilu.SharedKernel.Results;
using Qilu.Trust.Auditing;
using Qilu.Trust.Data;
using Qilu.Trust.Seals;
using Qilu.Trust.Verification;

namespace Qilu.Trust.Certificates;

/// <summary>
/// GET /api/trust/certificates/{id}.pdf: the certificate as a printable PDF with the issuing seal's picture and a QR
/// payload signed now, for the holder (citizen or enterprise agent) or an official with read permission in scope.
/// Every rendering is a personal-data read and is audited.
/// </summary>
internal static class GetCertificatePdf
{
    public sealed record Rendered(byte[] Pdf, string FileName);

    public static void Map(IEndpointRouteBuilder api) => api.MapGet("/certificates/{id:guid}.pdf", EndpointAsync).RequireAuthorization()
        .WithName("GetCertificatePdf").WithSummary("电子证照 PDF（含印章与二维码）/ Certificate as PDF").Produces(StatusCodes.Status200OK, contentType: "application/pdf");

    private static async Task<IResult> EndpointAsync(Guid id, HttpContext ctx, ActorAccessor actors, TrustDbContext db, IKeyStore keys,
        IPersonDirectory people, IFieldProtector protector, IOptions<TrustOptions> options, TimeProvider clock, TrustAudit audit)
    {
        var result = await HandleAsync(actors.FromContext(ctx), id, db, keys, people, protector, options.Value, clock, audit, ctx.RequestAborted);
        return result.IsSuccess ? Results.File(result.Value.Pdf, "application/pdf", result.Value.FileName) : Problems.From(result);
    }

    internal static async Task<Result<Rendered>> HandleAsync(Actor actor, Guid id, TrustDbContext db, IKeyStore keys, IPersonDirectory people,
        IFieldProtector protector, TrustOptions options, TimeProvider clock, TrustAudit audit, CancellationToken ct)
    {
        var (c, role) = await CertificateAccess.FindAsync(db, actor, id, people, protector, ct);
        if (c is null) return Outcomes.NotFound<Rendered>("电子证照", "Certificate");
        var type = await db.CertificateTypes.AsNoTracking().FirstAsync(t => t.Code == c.TypeCode, ct);
        var seal = await db.Seals.AsNoTracking().FirstAsync(s => s.Id == c.SealId, ct);
        var key = await keys.GetActiveSm2KeyAsync(seal.KeyPurpose, ct);
        var now = clock.GetUtcNow();
        var pdf = CertificatePdf.Render(new CertificatePdf.Content(c, type, CertificateWallet.StatusText(c, now),
            QrPayload.Create(c, type.Name, key, now), SealPng.Render(seal.UnitName, SealTypes.Zh(seal.Type)),
            options.PublicBaseUrl.TrimEnd('/') + "/verify"));
        await audit.WriteAsync("trust.certificates.pdf", "certificate", c.Id.ToString(), "success", actor,
            new { c.LicenceId, role, holder = c.HolderIdMasked }, ct);
        return new Rendered(pdf, $"{type.Name}-{c.Serial}-{c.VersionNumber:000}.pdf");
    }
}
