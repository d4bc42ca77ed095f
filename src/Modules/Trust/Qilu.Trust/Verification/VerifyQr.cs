using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Qilu.Platform.Cryptography;
using Qilu.Platform.Http;
using Qilu.SharedKernel.Actors;
using Qilu.SharedKernel.Results;
using Qilu.Trust.Auditing;
using Qilu.Trust.Certificates;
using Qilu.Trust.Data;

namespace Qilu.Trust.Verification;

/// <summary>
/// POST /api/trust/verify (public, no sign-in): checks a pasted QR payload — offline part (format, issuer chain, SM2
/// signature) and online part (the certificate's current status and expiry) — and answers valid, expired, suspended,
/// revoked, tampered or unknown_issuer with the reason and the public fields. Malformed or oversized payloads are 400
/// problem details.
/// </summary>
internal static class VerifyQr
{
    public sealed record Request(string? Payload);

    public sealed record PublicFields(string LicenceId, string TypeCode, string TypeName, string HolderName, string HolderIdMasked,
        string IssuerName, string IssuerCode, string IssuedOn, string? ValidUntil);

    public sealed record Report(string Outcome, string Reason, string ReasonEn, PublicFields? Certificate, string? StatusReason);

    public static void Map(IEndpointRouteBuilder api) => api.MapPost("/verify", EndpointAsync)
        .AllowAnonymous().DisableAntiforgery().RequireRateLimiting(RateLimitPolicies.Public)
        .WithName("VerifyQrPayload").WithSummary("核验电子证照二维码 / Verify a certificate QR payload").Produces<Report>();

    private static async Task<IResult> EndpointAsync(Request? request, HttpContext ctx, TrustDbContext db, SealKeyCache sealKeys,
        TimeProvider clock, TrustAudit audit)
    {
        var result = await HandleAsync(request?.Payload, db, sealKeys, clock, audit, ctx.RequestAborted);
        return result.IsSuccess ? Results.Ok(result.Value) : Problems.From(result);
    }

    internal static async Task<Result<Report>> HandleAsync(string? payload, TrustDbContext db, SealKeyCache sealKeys, TimeProvider clock,
        TrustAudit audit, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(payload))
            return Result<Report>.Failure(new Error("qr.required", "请粘贴二维码内容", "Paste the QR content", "payload"));
        if (payload.Length > QrPayload.MaxLength)
            return Result<Report>.Failure(new Error("qr.too_large", $"二维码内容过长（最多 {QrPayload.MaxLength} 字符）",
                $"The payload is too long (at most {QrPayload.MaxLength} characters)", "payload"));
        QrPayload.Claims claims;
        byte[] body, signature;
        try
        {
            (claims, body, signature) = QrPayload.Parse(payload.Trim());
        }
        catch (FormatException ex)
        {
            return Result<Report>.Failure(new Error("qr.malformed", "不是本平台的电子证照二维码", "Not a Qilu certificate QR payload: " + ex.Message, "payload"));
        }
        var fields = new PublicFields(claims.LicenceId, claims.TypeCode, claims.TypeName, claims.HolderName, claims.HolderIdMasked,
            claims.IssuerName, claims.IssuerCode, claims.IssuedOn, claims.ValidUntil);
        var report = await CheckAsync(claims, body, signature, fields, db, sealKeys, clock.GetUtcNow(), ct);
        if (report.Outcome is "tampered" or "unknown_issuer")
            await audit.WriteAsync("trust.verify.rejected", "certificate", claims.LicenceId, "failure", Actor.Anonymous, new { report.Outcome }, ct);
        return report;
    }

    private static async Task<Report> CheckAsync(QrPayload.Claims claims, byte[] body, byte[] signature, PublicFields fields,
        TrustDbContext db, SealKeyCache sealKeys, DateTimeOffset now, CancellationToken ct)
    {
        Report R(string outcome, string zh, string en, string? reason = null) => new(outcome, zh, en, fields, reason);
        var serial = claims.SealSerial.ToLowerInvariant();
        var seal = await db.Seals.AsNoTracking().FirstOrDefaultAsync(s => s.CertificateSerial == serial, ct);
        if (seal?.CertificateDer is null)
            return R("unknown_issuer", "签发印章不是本平台登记的印章", "The signing seal is not registered on this platform");
        if (sealKeys.KeyFor(serial, seal.CertificateDer) is not { } key)
            return R("unknown_issuer", "印章证书不是本平台 CA 签发的", "The seal certificate was not issued by this platform's CA");
        if (!Sm2.Verify(key, body, signature, Sm2SignatureEncoding.Raw))
            return R("tampered", "签名验证失败：二维码内容被篡改", "The signature does not verify: the payload was altered");
        var stored = await db.Certificates.AsNoTracking().FirstOrDefaultAsync(c => c.LicenceId == claims.LicenceId, ct);
        if (stored is null)
            return R("unknown_issuer", "证照库中没有这份证照", "The certificate is not in this platform's library");
        if (!string.Equals(Sm3.HashHex(stored.CanonicalJson), claims.CertificateSm3, StringComparison.Ordinal))
            return R("tampered", "二维码与证照库中的证照内容不符", "The payload does not match the certificate on record");
        switch (stored.Status)
        {
            case CertificateStatus.Revoked:
                return R("revoked", "证照已撤销", "The certificate was revoked", stored.StatusReason);
            case CertificateStatus.Superseded:
                return R("revoked", "证照已被新版本替代", "The certificate was superseded by a newer version", stored.StatusReason);
            case CertificateStatus.Suspended:
                return R("suspended", "证照已中止", "The certificate is suspended", stored.StatusReason);
        }
        if (stored.ValidUntil is { } until && DateOnly.FromDateTime(now.UtcDateTime) > until)
            return R("expired", $"证照已于 {until:yyyy-MM-dd} 过期", $"The certificate expired on {until:yyyy-MM-dd}");
        return R("valid", "证照有效：签名正确，状态正常，在有效期内", "Valid: signature correct, status normal, within validity");
    }
}
