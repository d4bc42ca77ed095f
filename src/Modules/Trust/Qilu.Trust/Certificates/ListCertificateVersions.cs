using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Qilu.Platform.Auth;
using Qilu.SharedKernel.Actors;
using Qilu.SharedKernel.Results;
using Qilu.Trust.Auditing;
using Qilu.Trust.Contracts;
using Qilu.Trust.Data;

namespace Qilu.Trust.Certificates;

/// <summary>GET /api/trust/certificates/{id}/versions: the version history (变更记录) of the certificate, oldest first.</summary>
internal static class ListCertificateVersions
{
    public sealed record Entry(Guid Id, string LicenceId, int VersionNumber, string Status, string? StatusReason, DateOnly IssuedOn,
        DateOnly? ValidUntil, DateTimeOffset CreatedAt, DateTimeOffset? StatusChangedAt);

    public static void Map(IEndpointRouteBuilder api) => api.MapGet("/certificates/{id:guid}/versions", EndpointAsync)
        .RequirePermission(TrustPermissions.CertificatesRead)
        .WithName("ListCertificateVersions").WithSummary("电子证照版本历史 / Certificate versions").Produces<IReadOnlyList<Entry>>();

    private static async Task<IResult> EndpointAsync(Guid id, HttpContext ctx, ActorAccessor actors, TrustDbContext db, TimeProvider clock,
        TrustAudit audit) =>
        Outcomes.Ok(await HandleAsync(actors.FromContext(ctx), id, db, clock, audit, ctx.RequestAborted));

    internal static async Task<Result<IReadOnlyList<Entry>>> HandleAsync(Actor actor, Guid id, TrustDbContext db, TimeProvider clock,
        TrustAudit audit, CancellationToken ct)
    {
        if (Outcomes.Lacks(actor, TrustPermissions.CertificatesRead) is { } denied) return Outcomes.Denied<IReadOnlyList<Entry>>(denied);
        var c = await CertificateScope.FindAsync(db, actor, id, ct);
        if (c is null) return Outcomes.NotFound<IReadOnlyList<Entry>>("电子证照", "Certificate");
        var versions = await db.Certificates.AsNoTracking().Where(x => x.Serial == c.Serial && x.IssuerUnitId == c.IssuerUnitId).ToListAsync(ct);
        var now = clock.GetUtcNow();
        await audit.WriteAsync("trust.certificates.versions_read", "certificate", c.Id.ToString(), "success", actor, new { c.LicenceId }, ct);
        return Result<IReadOnlyList<Entry>>.Success([.. versions.OrderBy(x => x.VersionNumber).Select(x => new Entry(x.Id, x.LicenceId, x.VersionNumber,
            CertificateWallet.StatusText(x, now), x.StatusReason, x.IssuedOn, x.ValidUntil, x.CreatedAt, x.StatusChangedAt))]);
    }
}
