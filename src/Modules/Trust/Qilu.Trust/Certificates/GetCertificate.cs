using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Qilu.Platform.Auth;
using Qilu.Platform.Cryptography.Keys;
using Qilu.SharedKernel.Actors;
using Qilu.SharedKernel.Results;
using Qilu.Trust.Auditing;
using Qilu.Trust.Contracts;
using Qilu.Trust.Data;
using Qilu.Trust.Verification;

namespace Qilu.Trust.Certificates;

/// <summary>
/// GET /api/trust/certificates/{id}: one certificate version within the official's scope, with a freshly signed QR
/// payload. Reading a certificate is a personal-data access and is audited.
/// </summary>
internal static class GetCertificate
{
    public sealed record Response(CertificateView Certificate, string QrPayload);

    public static void Map(IEndpointRouteBuilder api) => api.MapGet("/certificates/{id:guid}", EndpointAsync)
        .RequirePermission(TrustPermissions.CertificatesRead)
        .WithName("GetCertificate").WithSummary("电子证照详情 / A certificate").Produces<Response>();

    private static async Task<IResult> EndpointAsync(Guid id, HttpContext ctx, ActorAccessor actors, TrustDbContext db, IKeyStore keys,
        TimeProvider clock, TrustAudit audit) =>
        Outcomes.Ok(await HandleAsync(actors.FromContext(ctx), id, db, keys, clock, audit, ctx.RequestAborted));

    internal static async Task<Result<Response>> HandleAsync(Actor actor, Guid id, TrustDbContext db, IKeyStore keys, TimeProvider clock,
        TrustAudit audit, CancellationToken ct)
    {
        if (Outcomes.Lacks(actor, TrustPermissions.CertificatesRead) is { } denied) return Outcomes.Denied<Response>(denied);
        var c = await CertificateScope.FindAsync(db, actor, id, ct);
        if (c is null) return Outcomes.NotFound<Response>("电子证照", "Certificate");
        var response = await BuildAsync(c, db, keys, clock, ct);
        await audit.WriteAsync("trust.certificates.read", "certificate", c.Id.ToString(), "success", actor, new { holder = c.HolderIdMasked }, ct);
        return response;
    }

    /// <summary>The view plus a QR payload signed now by the certificate's seal.</summary>
    internal static async Task<Response> BuildAsync(IssuedCertificate c, TrustDbContext db, IKeyStore keys, TimeProvider clock, CancellationToken ct)
    {
        var typeName = await db.CertificateTypes.Where(t => t.Code == c.TypeCode).Select(t => t.Name).FirstAsync(ct);
        var seal = await db.Seals.AsNoTracking().FirstAsync(s => s.Id == c.SealId, ct);
        var key = await keys.GetActiveSm2KeyAsync(seal.KeyPurpose, ct);
        var now = clock.GetUtcNow();
        return new Response(CertificateView.From(c, typeName, now), QrPayload.Create(c, typeName, key, now));
    }
}
