using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Qilu.Platform.Auth;
using Qilu.Platform.Http;
using Qilu.SharedKernel.Actors;
using Qilu.SharedKernel.Results;
using Qilu.Trust.Certificates;
using Qilu.Trust.Codes;
using Qilu.Trust.Contracts;

namespace Qilu.Trust.Federation;

/// <summary>
/// POST /api/trust/federation/requests: this platform's official asks a configured peer platform for a certificate
/// (跨省调证) with a stated purpose. The answer is verified against the peer's published CA chain; the request, its purpose
/// and the outcome are recorded (outgoing request log) and audited whatever the peer answered.
/// </summary>
internal static class RequestPeerCertificate
{
    public sealed record Request(string? Peer, string? HolderIdentifier, string? TypeCode, string? Purpose);

    public sealed record Response(Guid RequestId, string Peer, string Outcome, string Detail, string DetailEn, string? LicenceId,
        string? CertificateStatus, string? Certificate);

    public static void Map(IEndpointRouteBuilder api) => api.MapPost("/federation/requests", EndpointAsync)
        .RequirePermission(TrustPermissions.FederationRequest)
        .WithName("RequestPeerCertificate").WithSummary("向外省平台调取证照 / Ask a peer platform for a certificate").Produces<Response>();

    private static async Task<IResult> EndpointAsync(Request request, HttpContext ctx, ActorAccessor actors, CodeServices services,
        FederationClient client, IOptions<FederationOptions> options) =>
        Outcomes.Ok(await HandleAsync(actors.FromContext(ctx), request, services, client, options.Value, ctx.RequestAborted));

    internal static async Task<Result<Response>> HandleAsync(Actor actor, Request request, CodeServices s, FederationClient client,
        FederationOptions options, CancellationToken ct)
    {
        if (Outcomes.Lacks(actor, TrustPermissions.FederationRequest) is { } denied) return Outcomes.Denied<Response>(denied);
        var peer = options.Peers.FirstOrDefault(p => p.Name == request.Peer);
        var purpose = request.Purpose?.Trim() ?? "";
        var holder = HolderIdentifier.TryParseAny(request.HolderIdentifier?.Trim());
        var v = new Validation()
            .Rule(peer is not null, "peer", "federation.peer", "未配置该对端平台", "No such peer platform is configured")
            .Required("typeCode", request.TypeCode, "证照类型代码")
            .Rule(purpose.Length is > 0 and <= 200, "purpose", "federation.purpose", "请填写用证事由（不超过 200 字）", "State the purpose (at most 200 characters)")
            .Rule(holder is not null, "holderIdentifier", "federation.holder", "持证主体标识须为有效的公民身份号码或统一社会信用代码",
                "The holder identifier must be a valid ID number or credit code");
        if (!v.IsValid) return v.Invalid<Response>();
        var unit = actor.DepartmentId is { } id ? await s.Directory.FindUnitAsync(id, ct) : null;
        var record = new FederationRequest
        {
            Peer = peer!.Name, OfficialSubject = actor.SubjectId, OfficialName = actor.DisplayName, UnitId = unit?.Id, UnitName = unit?.Name ?? "",
            DivisionCode = unit?.DivisionCode ?? actor.DivisionCode ?? "", HolderMasked = holder!.Value.Masked, TypeCode = request.TypeCode!.Trim(),
            Purpose = purpose, At = s.Clock.GetUtcNow(),
        };
        var outgoing = new ServeFederatedCertificate.Request(holder.Value.Value, record.TypeCode, purpose,
            new ServeFederatedCertificate.Requester(options.PlatformName, record.UnitName, actor.DisplayName));
        string? status = null;
        (string Zh, string En) detail;
        try
        {
            var answer = await client.RequestAsync(peer, outgoing, ct);
            if (answer.Body is { } body && answer.ChainPem is { } chain)
            {
                var check = FederatedCertificateVerifier.Verify(body, record.TypeCode, chain, peer.RootSm3, s.Clock.GetUtcNow());
                record.Outcome = check.Verified ? "verified" : "verification_failed";
                detail = (check.Reason, check.ReasonEn);
                record.LicenceId = body.LicenceId;
                status = body.Status;
                if (check.Verified) record.CertificateJson = body.Certificate;
            }
            else
            {
                (record.Outcome, detail) = answer.Status switch
                {
                    HttpStatusCode.NotFound => ("not_found", ("对方平台没有该持证主体的此类证照", "The peer holds no such certificate")),
                    HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized or HttpStatusCode.BadRequest when answer.Problem?.StartsWith("token:", StringComparison.Ordinal) == true
                        => ("forbidden", ("对方平台拒绝了本平台的凭证", "The peer refused this platform's credentials")),
                    HttpStatusCode.Forbidden => ("forbidden", ("对方平台拒绝了请求（授权范围不足）", "The peer refused the request (scope)")),
                    _ => ("peer_error", ($"对方平台返回 {(int)answer.Status}", $"The peer answered {(int)answer.Status}")),
                };
            }
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or System.Text.Json.JsonException)
        {
            record.Outcome = "peer_error";
            detail = ("无法连接对方平台", "Could not reach the peer: " + ex.GetType().Name);
        }
        record.Detail = detail.En.Length <= 300 ? detail.En : detail.En[..300];
        s.Exchange.FederationRequests.Add(record);
        await s.Exchange.SaveChangesAsync(ct);
        await s.Audit.WriteAsync("trust.federation.requested", "federation_request", record.Id.ToString(),
            record.Outcome == "verified" ? "success" : "failure", actor,
            new { peer = peer.Name, holder = record.HolderMasked, record.TypeCode, record.Purpose, record.Outcome, record.LicenceId }, ct);
        return new Response(record.Id, peer.Name, record.Outcome, detail.Zh, detail.En, record.LicenceId, status, record.CertificateJson);
    }
}
