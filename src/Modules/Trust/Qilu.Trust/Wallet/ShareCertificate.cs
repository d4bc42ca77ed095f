using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Qilu.Identity.Contracts;
using Qilu.Platform.Auth;
using Qilu.Platform.Cryptography;
using Qilu.Platform.Cryptography.Fields;
using Qilu.SharedKernel.Actors;
using Qilu.SharedKernel.Results;
using Qilu.Trust.Auditing;
using Qilu.Trust.Authority;
using Qilu.Trust.Certificates;
using Qilu.Trust.Data;

namespace Qilu.Trust.Wallet;

/// <summary>
/// POST /api/trust/wallet/{id}/shares: the holder shares a certificate for a stated purpose (用证事由), producing an
/// annotated copy (加注件) — the signed certificate plus the annotation (purpose, recipient, expiry) signed by the
/// platform — reachable with a one-time-shown token until it expires. Every opening is recorded.
/// </summary>
internal static class ShareCertificate
{
    public sealed record Request(string? Purpose, string? Recipient, int? ValidDays);

    public sealed record Response(Guid ShareId, string Token, string Url, DateTimeOffset ExpiresAt, string AnnotatedCopy, string Signature);

    public static void Map(IEndpointRouteBuilder api) => api.MapPost("/wallet/{id:guid}/shares", EndpointAsync).RequireAuthorization()
        .WithName("ShareCertificate").WithSummary("证照分享（加注件）/ Share a certificate").Produces<Response>(StatusCodes.Status201Created);

    private static async Task<IResult> EndpointAsync(Guid id, Request request, HttpContext ctx, ActorAccessor actors, TrustDbContext db,
        IPersonDirectory people, IFieldProtector protector, CertificateAuthority ca, TimeProvider clock, TrustAudit audit) =>
        Outcomes.Created(await HandleAsync(actors.FromContext(ctx), id, request, db, people, protector, ca, clock, audit, ctx.RequestAborted),
            r => r.Url);

    internal static async Task<Result<Response>> HandleAsync(Actor actor, Guid id, Request request, TrustDbContext db, IPersonDirectory people,
        IFieldProtector protector, CertificateAuthority ca, TimeProvider clock, TrustAudit audit, CancellationToken ct)
    {
        var index = await WalletHolder.IndexAsync(actor, people, protector, ct);
        if (!index.IsSuccess) return Result<Response>.Failure(index.Errors, index.Kind);
        var c = await db.Certificates.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id && x.HolderIdIndex == index.Value, ct);
        if (c is null) return Outcomes.NotFound<Response>("证照", "Certificate");
        var purpose = request.Purpose?.Trim();
        var recipient = request.Recipient?.Trim() ?? "";
        var errors = new List<Error>();
        if (string.IsNullOrEmpty(purpose) || purpose.Length > 200)
            errors.Add(new Error("share.purpose", "请填写用证事由（不超过 200 字）", "State the purpose (at most 200 characters)", "purpose"));
        if (recipient.Length > 100)
            errors.Add(new Error("share.recipient", "用证单位不超过 100 字", "The recipient is at most 100 characters", "recipient"));
        var days = request.ValidDays ?? 7;
        if (days is < 1 or > 30)
            errors.Add(new Error("share.valid_days", "加注件有效期为 1–30 天", "An annotated copy is valid for 1–30 days", "validDays"));
        if (errors.Count > 0) return Result<Response>.Failure(errors);
        var now = clock.GetUtcNow();
        var status = CertificateWallet.StatusText(c, now);
        if (status != "valid")
            return Outcomes.Conflict<Response>("share.not_valid", $"证照状态为“{status}”，不能分享", $"The certificate is '{status}' and cannot be shared");

        var share = new Share
        {
            CertificateId = c.Id, Purpose = purpose!, Recipient = recipient, CreatedAt = now, ExpiresAt = now.AddDays(days),
            CreatedBy = actor.SubjectId,
        };
        var token = CertificateDocument.Base64Url(RandomNumberGenerator.GetBytes(32));
        share.TokenHash = Sm3.HashHex(token);
        var copy = new JsonObject
        {
            ["format"] = "qilu-annotated-copy-v1",
            ["certificate"] = JsonNode.Parse(c.CanonicalJson),
            ["certificateSignature"] = Convert.ToBase64String(c.Signature),
            ["annotation"] = new JsonObject
            {
                ["shareId"] = share.Id.ToString(),
                ["purpose"] = share.Purpose,
                ["recipient"] = share.Recipient,
                ["createdAt"] = now.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture),
                ["expiresAt"] = share.ExpiresAt.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture),
                ["note"] = $"仅供“{share.Purpose}”使用，有效期至 {share.ExpiresAt:yyyy-MM-dd}，他用无效",
            },
        };
        share.AnnotatedJson = CanonicalJson.Serialize(copy);
        share.Signature = ca.SignAsMaker(CertificateDocument.Utf8(share.AnnotatedJson)).Signature;
        db.Shares.Add(share);
        await db.SaveChangesAsync(ct);
        await audit.WriteAsync("trust.certificates.shared", "certificate", c.Id.ToString(), "success", actor,
            new { share = share.Id, share.Purpose, share.Recipient, share.ExpiresAt }, ct);
        return new Response(share.Id, token, $"/api/trust/shares/{token}", share.ExpiresAt, share.AnnotatedJson, Convert.ToBase64String(share.Signature));
    }
}
