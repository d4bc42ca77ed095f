using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Qilu.Platform.Auth;
using Qilu.SharedKernel.Actors;
using Qilu.SharedKernel.Results;
using Qilu.Trust.Contracts;

namespace Qilu.Trust.Codes;

/// <summary>
/// GET /api/trust/codes/requests/{id}: the requesting unit's view of a request — its status and, once the holder
/// consented and while the release window is open, the released certificates in their signed form. Only the unit that
/// scanned sees the request (any other official gets 404); every read of released certificates is audited.
/// </summary>
internal static class GetCodeRequest
{
    public sealed record Released(Guid Id, string LicenceId, string TypeCode, string TypeName, string HolderName, string IssuerName,
        DateOnly IssuedOn, DateOnly? ValidUntil, IReadOnlyDictionary<string, string> Fields, string CanonicalJson, string Signature,
        string SealCertificateSerial);

    public sealed record Response(Guid Id, string Status, string Service, string Purpose, IReadOnlyList<string> TypeCodes,
        DateTimeOffset CreatedAt, DateTimeOffset DecideBy, DateTimeOffset? DecidedAt, bool ReleaseOpen, IReadOnlyList<Released> Certificates);

    public static void Map(IEndpointRouteBuilder api) => api.MapGet("/codes/requests/{id:guid}", EndpointAsync)
        .RequirePermission(TrustPermissions.CodesScan)
        .WithName("GetCodeRequest").WithSummary("用证请求结果 / A request and the released certificates").Produces<Response>();

    private static async Task<IResult> EndpointAsync(Guid id, HttpContext ctx, ActorAccessor actors, CodeServices services) =>
        Outcomes.Ok(await HandleAsync(actors.FromContext(ctx), id, services, ctx.RequestAborted));

    internal static async Task<Result<Response>> HandleAsync(Actor actor, Guid id, CodeServices s, CancellationToken ct)
    {
        if (Outcomes.Lacks(actor, TrustPermissions.CodesScan) is { } denied) return Outcomes.Denied<Response>(denied);
        var r = await s.Exchange.CodeRequests.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        // Released certificates go to the unit that asked, not to whoever learns the request id.
        if (r is null || actor.DepartmentId != r.UnitId) return Outcomes.NotFound<Response>("用证请求", "Request");
        var now = s.Clock.GetUtcNow();
        var status = r.StatusText(now);
        var open = r.Status == CodeRequestStatus.Consented && r.DecidedAt is { } at && now <= at + CodeServices.ReleaseWindow;
        IReadOnlyList<Released> certificates = [];
        if (open && r.Released.Count > 0)
        {
            var ids = r.Released;
            var rows = await s.Trust.Certificates.AsNoTracking().Where(c => ids.Contains(c.Id)).ToListAsync(ct);
            var names = await s.Trust.CertificateTypes.AsNoTracking().ToDictionaryAsync(t => t.Code, t => t.Name, ct);
            certificates = [.. rows.Select(c => new Released(c.Id, c.LicenceId, c.TypeCode, names.GetValueOrDefault(c.TypeCode, c.TypeCode),
                c.HolderName, c.IssuerName, c.IssuedOn, c.ValidUntil,
                System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, string>>(c.FieldsJson) ?? [], c.CanonicalJson,
                Convert.ToBase64String(c.Signature), c.SealCertificateSerial))];
            await s.Audit.WriteAsync("trust.codes.certificates_received", "code_request", r.Id.ToString(), "success", actor,
                new { r.Service, r.Purpose, licences = certificates.Select(c => c.LicenceId).ToArray() }, ct);
        }
        return new Response(r.Id, status, r.Service, r.Purpose, r.Types, r.CreatedAt, r.DecideBy, r.DecidedAt, open, certificates);
    }
}
