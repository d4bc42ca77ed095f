using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Org.BouncyCastle.X509;
using Qilu.Platform.Cryptography;
using Qilu.Platform.Http;
using Qilu.SharedKernel.Results;
using Qilu.Trust.Authority;
using Qilu.Trust.Data;
using Qilu.Trust.Seals;

namespace Qilu.Trust.Signing;

/// <summary>
/// POST /api/trust/signatures/verify (public, multipart <c>file</c> + <c>signature</c> base64): checks a GB/T 38540
/// signature against the document and answers valid, tampered, forged, unknown_issuer, certificate_expired,
/// seal_suspended or seal_revoked, with the reason. A malformed signature is a 400 problem, never a 500.
/// </summary>
internal static class VerifyDocument
{
    public const int MaxSignatureBytes = 256 * 1024;

    public sealed record SealSummary(string EsId, string Name, int Type, string CertificateSerial, string Subject);

    public sealed record Report(string Outcome, string Reason, string ReasonEn, DateTimeOffset? SignedAt, string? DocumentSm3,
        SealSummary? Seal);

    public static void Map(IEndpointRouteBuilder api) => api.MapPost("/signatures/verify", EndpointAsync)
        .AllowAnonymous().DisableAntiforgery().RequireRateLimiting(RateLimitPolicies.Public)
        .WithName("VerifySignedDocument").WithSummary("验证电子签章 / Verify a signed document").Produces<Report>();

    private static async Task<IResult> EndpointAsync(IFormFile? file, [Microsoft.AspNetCore.Mvc.FromForm] string? signature, HttpContext ctx,
        TrustDbContext db, CertificateAuthority ca, TimeProvider clock)
    {
        if (file is null) return Problems.Validation(new Error("verify.file", "请上传原文件", "Upload the signed file", "file"));
        if (file.Length > SignDocument.MaxFileBytes) return Problems.Validation(new Error("verify.file_size", "文件不超过 50 MB", "The file is at most 50 MB", "file"));
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ctx.RequestAborted);
        var result = await HandleAsync(buffer.ToArray(), signature, db, ca, clock, ctx.RequestAborted);
        return result.IsSuccess ? Results.Ok(result.Value) : Problems.From(result);
    }

    internal static async Task<Result<Report>> HandleAsync(byte[] document, string? signatureBase64, TrustDbContext db,
        CertificateAuthority ca, TimeProvider clock, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(signatureBase64))
            return Result<Report>.Failure(new Error("verify.signature", "请提供签章数据（Base64）", "Provide the signature (base64)", "signature"));
        if (signatureBase64.Length > MaxSignatureBytes * 4 / 3 + 4)
            return Result<Report>.Failure(new Error("verify.signature_size", "签章数据过大", "The signature is too large", "signature"));
        byte[] der;
        Ses.SignatureView view;
        try
        {
            der = Convert.FromBase64String(signatureBase64.Trim());
            view = Ses.ReadSignature(der);
        }
        catch (FormatException ex)
        {
            return Result<Report>.Failure(new Error("verify.malformed", "签章数据不是有效的 GB/T 38540 签章结构",
                "The signature is not a valid GB/T 38540 structure: " + ex.Message, "signature"));
        }
        return await CheckAsync(document, view, db, ca, clock.GetUtcNow(), ct);
    }

    private static async Task<Result<Report>> CheckAsync(byte[] document, Ses.SignatureView v, TrustDbContext db, CertificateAuthority ca,
        DateTimeOffset now, CancellationToken ct)
    {
        X509Certificate signer, maker;
        try
        {
            signer = new X509Certificate(v.SignerCertificate);
            maker = new X509Certificate(v.Seal.MakerCertificate);
        }
        catch (Exception ex) when (ex is ArgumentException or Org.BouncyCastle.Security.Certificates.CertificateException or IOException)
        {
            return Result<Report>.Failure(new Error("verify.malformed", "签章中的证书无法解析", "A certificate in the signature cannot be parsed", "signature"));
        }
        var seal = new SealSummary(v.Seal.EsId, v.Seal.Name, v.Seal.Type, signer.SerialNumber.ToString(16), signer.SubjectDN.ToString());
        var hashHex = Convert.ToHexStringLower(Sm3.Hash(document));
        Report R(string outcome, string zh, string en) => new(outcome, zh, en, v.Time, hashHex, seal);

        if (!ca.IsOwnIntermediate(maker) || !VerifySm2(maker, v.Seal.SealInfoDer, v.Seal.MakerSignature))
            return R("unknown_issuer", "印章不是本平台制章者制作的（制章者证书或签名不符）", "The seal was not made by this platform's seal maker");
        if (!ca.IsIssuedByThisAuthority(signer))
            return R("unknown_issuer", "签章者证书不是本平台 CA 签发的", "The signer certificate was not issued by this platform's CA");
        if (!v.Seal.SealCertificate.AsSpan().SequenceEqual(v.SignerCertificate))
            return R("forged", "签章者证书与印章绑定的证书不一致", "The signer certificate is not the one bound to the seal");
        if (v.SignatureAlgorithm != Ses.Sm3WithSm2.Id || !VerifySm2(signer, v.TbsDer, v.SignatureValue))
            return R("forged", "签名值验证失败：签章数据被篡改或伪造", "The signature value does not verify: the signature was altered or forged");
        if (!v.DataHash.AsSpan().SequenceEqual(Sm3.Hash(document)))
            return R("tampered", "原文杂凑值不符：文件在签章后被修改", "The document hash differs: the file was changed after signing");
        var notBefore = new DateTimeOffset(signer.NotBefore, TimeSpan.Zero);
        var notAfter = new DateTimeOffset(signer.NotAfter, TimeSpan.Zero);
        if (v.Time < notBefore || v.Time > notAfter)
            return R("certificate_expired", $"签章时间不在印章证书有效期内（{notBefore:yyyy-MM-dd}—{notAfter:yyyy-MM-dd}）",
                "The signing time is outside the seal certificate's validity");
        if (now > notAfter)
            return R("certificate_expired", $"印章证书已于 {notAfter:yyyy-MM-dd} 过期", $"The seal certificate expired on {notAfter:yyyy-MM-dd}");
        var registered = Guid.TryParseExact(v.Seal.EsId, "N", out var sealId)
            ? await db.Seals.AsNoTracking().FirstOrDefaultAsync(s => s.Id == sealId, ct) : null;
        if (registered is null)
            return R("unknown_issuer", "印章不在本平台印章库中", "The seal is not in this platform's registry");
        if (registered.Status == SealStatus.Revoked)
            return R("seal_revoked", $"印章已注销：{registered.StatusReason}", $"The seal was revoked: {registered.StatusReason}");
        if (registered.Status == SealStatus.Suspended)
            return R("seal_suspended", $"印章已挂起：{registered.StatusReason}", $"The seal is suspended: {registered.StatusReason}");
        return R("valid", "签章有效：文件未被修改，印章在用，证书有效", "Valid: the file is unchanged, the seal is in use and its certificate valid");
    }

    private static bool VerifySm2(X509Certificate certificate, byte[] data, byte[] signature)
    {
        try
        {
            var key = Sm2PublicKey.ImportSubjectPublicKeyInfo(certificate.CertificateStructure.SubjectPublicKeyInfo.GetDerEncoded());
            return Sm2.Verify(key, data, signature);
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
