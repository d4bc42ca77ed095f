using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Qilu.Platform.Auth;
using Qilu.Platform.Http;
using Qilu.SharedKernel.Actors;
using Qilu.SharedKernel.Results;
using Qilu.Trust.Authority;
using Qilu.Trust.Certificates;
using Qilu.Trust.Codes;

namespace Qilu.Trust.Federation;

/// <summary>
/// POST /api/trust/federation/certificates: another province's platform (a system client holding the
/// <c>trust.federation</c> scope) asks for a certificate by holder identifier, type and purpose, and receives the signed
/// form (canonical JSON + SM2 signature of the issuing seal + the seal certificate) with a reference to this platform's CA
/// chain, which it verifies on its own. Every request — served, unknown or refused — is audited, and a served one is
/// written to the holder's use record (用证记录).
/// </summary>
internal static class ServeFederatedCertificate
{
    public sealed record Requester(string? Platform, string? Unit, string? Official);

    public sealed record Request(string? HolderIdentifier, string? TypeCode, string? Purpose, Requester? Requester);

    public sealed record Response(string LicenceId, string TypeCode, string Status, string Certificate, string Signature, string SignatureAlgorithm,
        string SealCertificatePem, string ChainUrl, string IssuingPlatform, DateTimeOffset ServedAt);

    public const string Algorithm = "SM2withSM3 (1.2.156.10197.1.501), DER, user id 1234567812345678";

    public static void Map(IEndpointRouteBuilder api) => api.MapPost("/federation/certificates", EndpointAsync).RequireAuthorization()
        .DisableAntiforgery()
        .WithName("ServeFederatedCertificate").WithSummary("跨省调证（对方平台调用）/ Serve a certificate to a peer platform").Produces<Response>();

    private static async Task<IResult> EndpointAsync(Request request, HttpContext ctx, ActorAccessor actors, CodeServices services,
        IOptions<TrustOptions> trust, IOptions<FederationOptions> federation) =>
        Outcomes.Ok(await HandleAsync(actors.FromContext(ctx), FederationScope.IsGranted(ctx.User), request, services, trust.Value,
            federation.Value, ctx.RequestAborted));

    internal static async Task<Result<Response>> HandleAsync(Actor actor, bool scopeGranted, Request request, CodeServices s, TrustOptions trust,
        FederationOptions federation, CancellationToken ct)
    {
        if (!scopeGranted || actor.Kind != ActorKind.SystemClient)
        {
            await s.Audit.WriteAsync("trust.federation.refused", "certificate_type", request.TypeCode, "denied", actor, new { reason = "scope" }, ct);
            return Outcomes.Forbidden<Response>("federation.scope", $"跨省调证须使用持有 {FederationScope.Name} 授权范围的客户端凭证",
                $"Cross-region requests need client credentials with the {FederationScope.Name} scope");
        }
        var v = new Validation()
            .Required("holderIdentifier", request.HolderIdentifier, "持证主体标识")
            .Required("typeCode", request.TypeCode, "证照类型代码")
            .Required("purpose", request.Purpose, "用证事由");
        var purpose = request.Purpose?.Trim() ?? "";
        v.Rule(purpose.Length <= 200, "purpose", "federation.purpose", "用证事由不超过 200 字", "The purpose is at most 200 characters");
        var holder = HolderIdentifier.TryParseAny(request.HolderIdentifier?.Trim());
        if (request.HolderIdentifier is not null)
            v.Rule(holder is not null, "holderIdentifier", "federation.holder", "持证主体标识须为有效的公民身份号码或统一社会信用代码",
                "The holder identifier must be a valid ID number or credit code");
        if (!v.IsValid) return v.Invalid<Response>();

        var index = holder!.Value.Index(s.Protector);
        var now = s.Clock.GetUtcNow();
        var rows = await s.Trust.Certificates.AsNoTracking()
            .Where(c => c.HolderIdIndex == index && c.TypeCode == request.TypeCode && c.Status != CertificateStatus.Superseded).ToListAsync(ct);
        var c = rows.OrderByDescending(x => CertificateWallet.StatusText(x, now) == "valid").ThenByDescending(x => x.CreatedAt).FirstOrDefault();
        var party = Clip($"{actor.DisplayName}（{request.Requester?.Platform} {request.Requester?.Unit} {request.Requester?.Official}）".Replace("  ", " ", StringComparison.Ordinal));
        if (c is null)
        {
            await s.Audit.WriteAsync("trust.federation.not_found", "certificate_type", request.TypeCode, "failure", actor,
                new { holder = holder.Value.Masked, purpose, requester = request.Requester }, ct);
            return Result<Response>.Failure(new Error("federation.not_found", "没有该持证主体的此类证照", "No certificate of this type for this holder"), ErrorKind.NotFound);
        }
        var seal = await s.Trust.Seals.AsNoTracking().FirstAsync(x => x.Id == c.SealId, ct);
        var status = CertificateWallet.StatusText(c, now);
        s.Exchange.CertificateUses.Add(new CertificateUse
        {
            CertificateId = c.Id, LicenceId = c.LicenceId, HolderIndex = index, At = now, Channel = "federation", Party = party,
            Purpose = Clip(purpose), Outcome = "served",
        });
        await s.Exchange.SaveChangesAsync(ct);
        await s.Audit.WriteAsync("trust.federation.served", "certificate", c.Id.ToString(), "success", actor,
            new { c.LicenceId, holder = c.HolderIdMasked, purpose, requester = request.Requester, status }, ct);
        var pem = GetCaChain.Pem(new Org.BouncyCastle.X509.X509Certificate(seal.CertificateDer!));
        return new Response(c.LicenceId, c.TypeCode, status, c.CanonicalJson, Convert.ToBase64String(c.Signature), Algorithm, pem,
            $"{trust.PublicBaseUrl.TrimEnd('/')}/api/trust/ca/chain.pem", federation.PlatformName, now);
    }

    private static string Clip(string text) => text.Length <= 200 ? text : text[..200];
}
