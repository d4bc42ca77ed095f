using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Qilu.Platform.Auth;
using Qilu.Platform.Cryptography.Fields;
using Qilu.SharedKernel.Actors;
using Qilu.SharedKernel.Results;
using Qilu.Trust.Auditing;
using Qilu.Trust.Contracts;
using Qilu.Trust.Data;

namespace Qilu.Trust.Certificates;

/// <summary>
/// GET /api/trust/certificates?holder=&amp;typeCode=&amp;status=: certificates within the official's scope (issued by their
/// unit or within their division subtree), newest first, at most 100. A holder is looked up by blind index only; a search
/// by holder is a personal-data access and is audited.
/// </summary>
internal static class SearchCertificates
{
    public sealed record Item(Guid Id, string LicenceId, int VersionNumber, string TypeCode, string TypeName, string HolderName, string HolderIdMasked,
        string IssuerName, string DivisionCode, DateOnly IssuedOn, DateOnly? ValidUntil, string Status);

    public static void Map(IEndpointRouteBuilder api) => api.MapGet("/certificates", EndpointAsync)
        .RequirePermission(TrustPermissions.CertificatesRead)
        .WithName("SearchCertificates").WithSummary("查询电子证照 / Look up certificates").Produces<IReadOnlyList<Item>>();

    private static async Task<IResult> EndpointAsync(string? holder, string? typeCode, string? status, HttpContext ctx, ActorAccessor actors,
        TrustDbContext db, IFieldProtector protector, TimeProvider clock, TrustAudit audit) =>
        Outcomes.Ok(await HandleAsync(actors.FromContext(ctx), holder, typeCode, status, db, protector, clock, audit, ctx.RequestAborted));

    internal static async Task<Result<IReadOnlyList<Item>>> HandleAsync(Actor actor, string? holder, string? typeCode, string? status,
        TrustDbContext db, IFieldProtector protector, TimeProvider clock, TrustAudit audit, CancellationToken ct)
    {
        if (Outcomes.Lacks(actor, TrustPermissions.CertificatesRead) is { } denied) return Outcomes.Denied<IReadOnlyList<Item>>(denied);
        if (status is not (null or "" or "valid" or "suspended" or "revoked" or "superseded" or "expired"))
            return Outcomes.Invalid<IReadOnlyList<Item>>("certificate.status_filter", "状态须为 valid、suspended、revoked、superseded 或 expired",
                "status must be valid, suspended, revoked, superseded or expired", "status");
        var query = db.Certificates.AsNoTracking();
        var prefix = actor.DivisionCode is null ? null : Qilu.SharedKernel.Actors.DivisionScope.PrefixOf(actor.DivisionCode);
        var unit = actor.DepartmentId;
        query = query.Where(c => c.IssuerUnitId == unit || (prefix != null && c.DivisionCode.StartsWith(prefix)));
        HolderIdentifier? parsed = null;
        if (!string.IsNullOrWhiteSpace(holder))
        {
            parsed = HolderIdentifier.TryParseAny(holder.Trim());
            if (parsed is null)
                return Outcomes.Invalid<IReadOnlyList<Item>>("certificate.holder_filter", "持证主体标识须为有效的公民身份号码或统一社会信用代码",
                    "holder must be a valid ID number or credit code", "holder");
            var index = parsed.Value.Index(protector);
            query = query.Where(c => c.HolderIdIndex == index);
        }
        if (!string.IsNullOrWhiteSpace(typeCode)) query = query.Where(c => c.TypeCode == typeCode);
        var rows = await query.OrderByDescending(c => c.IssuedOn).Take(500).ToListAsync(ct);
        var names = await db.CertificateTypes.AsNoTracking().ToDictionaryAsync(t => t.Code, t => t.Name, ct);
        var now = clock.GetUtcNow();
        var items = rows.Select(c => new Item(c.Id, c.LicenceId, c.VersionNumber, c.TypeCode, names.GetValueOrDefault(c.TypeCode, c.TypeCode), c.HolderName,
                c.HolderIdMasked, c.IssuerName, c.DivisionCode, c.IssuedOn, c.ValidUntil, CertificateWallet.StatusText(c, now)))
            .Where(i => string.IsNullOrEmpty(status) || i.Status == status).Take(100).ToList();
        if (parsed is not null)
            await audit.WriteAsync("trust.certificates.searched", "holder", parsed.Value.Masked, "success", actor, new { typeCode, found = items.Count }, ct);
        return items;
    }
}
