using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Qilu.Platform.Cryptography.Keys;
using Qilu.Platform.Http;
using Qilu.SharedKernel.Results;
using Qilu.Trust.Certificates;
using Qilu.Trust.Data;

namespace Qilu.Trust.Credentials;

/// <summary>
/// POST /api/trust/credentials/verify (public, body = the VC JSON): checks the <c>ecdsa-jcs-2019</c> proof, that the
/// did:key is a key this platform holds for the issuing unit of that 电子证照标识 (active or retired), and the
/// certificate's status (the same state the status lists publish). Outcomes: valid, tampered (proof does not verify),
/// unknown_issuer, unknown_certificate, revoked, suspended, superseded, expired. Malformed input is a 400 problem.
/// </summary>
internal static class VerifyCredential
{
    public const int MaxBytes = 64 * 1024;

    public sealed record Report(string Outcome, string Reason, string ReasonEn, string? LicenceId, string? Issuer);

    public static void Map(IEndpointRouteBuilder api) => api.MapPost("/credentials/verify", EndpointAsync)
        .AllowAnonymous().RequireRateLimiting(RateLimitPolicies.Public)
        .WithName("VerifyCertificateCredential").WithSummary("验证 W3C 可验证凭证 / Verify a W3C VC").Produces<Report>();

    private static async Task<IResult> EndpointAsync(HttpContext ctx, TrustDbContext db, IKeyStore keys, TimeProvider clock)
    {
        if (ctx.Request.ContentLength is > MaxBytes)
            return Problems.Validation(new Error("vc.size", "凭证过大", "The credential is too large", "body"));
        using var reader = new StreamReader(ctx.Request.Body);
        var text = await reader.ReadToEndAsync(ctx.RequestAborted);
        var result = await HandleAsync(text, db, keys, clock, ctx.RequestAborted);
        return result.IsSuccess ? Results.Ok(result.Value) : Problems.From(result);
    }

    internal static async Task<Result<Report>> HandleAsync(string? json, TrustDbContext db, IKeyStore keys, TimeProvider clock, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(json) || json.Length > MaxBytes)
            return Result<Report>.Failure(new Error("vc.body", "请提交凭证 JSON（不超过 64 KB）", "Post the credential JSON (at most 64 KB)", "body"));
        JsonObject credential;
        string? licenceId;
        string? failure;
        byte[]? publicKey;
        try
        {
            credential = JsonNode.Parse(json) as JsonObject ?? throw new JsonException("not an object");
            licenceId = credential["credentialSubject"]?["licenceId"]?.GetValue<string>();
            failure = EcdsaJcs2019.Check(credential, out publicKey);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException)
        {
            return Result<Report>.Failure(new Error("vc.malformed", "凭证不是有效的 JSON 可验证凭证", "Not a valid JSON verifiable credential: " + ex.Message, "body"));
        }
        Report R(string outcome, string zh, string en) => new(outcome, zh, en, licenceId, credential["issuer"]?["name"]?.ToString());
        if (failure is "no_proof" or "unsupported_cryptosuite" or "malformed_proof" or "wrong_purpose" or "context_mismatch")
            return Result<Report>.Failure(new Error("vc.proof", $"凭证证明不受支持或格式错误（{failure}）",
                $"The proof is missing, malformed or not ecdsa-jcs-2019 ({failure})", "proof"));
        if (failure is not null)
            return R("tampered", "签名验证失败：凭证内容在签发后被修改或伪造", "The proof does not verify: the credential was altered or forged");
        var c = licenceId is null ? null : await db.Certificates.AsNoTracking().FirstOrDefaultAsync(x => x.LicenceId == licenceId, ct);
        if (c is null) return R("unknown_certificate", "本平台没有此电子证照", "This platform has no certificate with that identifier");
        var spki = PublicKeyInfo(publicKey!);
        var unitKeys = await keys.ListAsync(CertificateCredential.KeyPurpose(c.IssuerUnitId), ct);
        if (!unitKeys.Any(k => k.Algorithm == KeyAlgorithm.EcdsaP256 && k.PublicKey.AsSpan().SequenceEqual(spki)))
            return R("unknown_issuer", "签名密钥不是该证照颁发单位的密钥", "The signing key is not a key of the certificate's issuing unit");
        return CertificateWallet.StatusText(c, clock.GetUtcNow()) switch
        {
            "revoked" => R("revoked", $"证照已撤销：{c.StatusReason}", $"The certificate was revoked: {c.StatusReason}"),
            "suspended" => R("suspended", $"证照已中止：{c.StatusReason}", $"The certificate is suspended: {c.StatusReason}"),
            "superseded" => R("superseded", "证照已变更，此版本已被新版本替代", "The certificate was re-issued; this version is superseded"),
            "expired" => R("expired", $"证照已于 {c.ValidUntil:yyyy-MM-dd} 过期", $"The certificate expired on {c.ValidUntil:yyyy-MM-dd}"),
            _ => R("valid", "凭证有效：签名正确，颁发单位密钥可信，证照状态有效", "Valid: the proof verifies, the key is the issuer's and the certificate is valid"),
        };
    }

    private static byte[] PublicKeyInfo(byte[] compressed)
    {
        using var ec = DidKeyP256.PublicKey(compressed);
        return ec.ExportSubjectPublicKeyInfo();
    }
}
