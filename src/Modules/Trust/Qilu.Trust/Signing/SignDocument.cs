using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Qilu.Platform.Auth;
using Qilu.Platform.Cryptography;
using Qilu.Platform.Cryptography.Keys;
using Qilu.SharedKernel.Actors;
using Qilu.SharedKernel.Results;
using Qilu.Trust.Auditing;
using Qilu.Trust.Contracts;
using Qilu.Trust.Data;
using Qilu.Trust.Seals;

namespace Qilu.Trust.Signing;

/// <summary>
/// POST /api/trust/seals/{id}/sign (multipart <c>file</c>): signs any file with a seal of the actor's own unit, giving a
/// GB/T 38540 SES_Signature (DER). Only a seal in use, with a certificate valid now, signs; the exact signing input is in
/// docs/trust-signatures.md.
/// </summary>
internal static class SignDocument
{
    /// <summary>Largest file signed through the API (the hash is streamed, but the request is buffered).</summary>
    public const long MaxFileBytes = 50 * 1024 * 1024;

    public sealed record Response(string Signature, string DocumentSm3, DateTimeOffset SignedAt, Guid SealId, string SealName,
        string CertificateSerial, string PropertyInfo);

    public static void Map(IEndpointRouteBuilder api) => api.MapPost("/seals/{id:guid}/sign", EndpointAsync)
        .RequirePermission(TrustPermissions.SealsSign).DisableAntiforgery()
        .WithName("SignDocument").WithSummary("电子签章 / Sign a document").Produces<Response>();

    private static async Task<IResult> EndpointAsync(Guid id, IFormFile? file, HttpContext ctx, ActorAccessor actors, TrustDbContext db,
        IKeyStore keys, TimeProvider clock, TrustAudit audit)
    {
        if (file is null || file.Length == 0)
            return Qilu.Platform.Http.Problems.Validation(new Error("sign.file", "请上传要签章的文件", "Upload the file to sign", "file"));
        if (file.Length > MaxFileBytes)
            return Qilu.Platform.Http.Problems.Validation(new Error("sign.file_size", "文件不超过 50 MB", "The file is at most 50 MB", "file"));
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ctx.RequestAborted);
        return Outcomes.Ok(await HandleAsync(actors.FromContext(ctx), id, file.FileName, buffer.ToArray(), db, keys, clock, audit, ctx.RequestAborted));
    }

    internal static async Task<Result<Response>> HandleAsync(Actor actor, Guid sealId, string fileName, byte[] document, TrustDbContext db,
        IKeyStore keys, TimeProvider clock, TrustAudit audit, CancellationToken ct)
    {
        if (Outcomes.Lacks(actor, TrustPermissions.SealsSign) is { } denied) return Outcomes.Denied<Response>(denied);
        var seal = await SealScope.FindAsync(db, actor, sealId, ct);
        if (seal is null) return Outcomes.NotFound<Response>("印章", "Seal");
        if (seal.UnitId != actor.DepartmentId)
            return Outcomes.Forbidden<Response>("seal.not_own_unit", "只能使用本单位的印章签章", "Only a seal of your own unit may sign");
        var now = clock.GetUtcNow();
        var refusal = SealUsability.Refusal(seal, now);
        if (refusal is not null)
        {
            await audit.WriteAsync("trust.seals.sign_refused", "seal", seal.Id.ToString(), "denied", actor, new { state = SealView.StatusText(seal.Status), refusal.Code }, ct);
            return Result<Response>.Failure(refusal, ErrorKind.Conflict);
        }
        var signed = await SignAsync(seal, document, fileName, now, keys, ct);
        await audit.WriteAsync("trust.seals.signed", "seal", seal.Id.ToString(), "success", actor,
            new { documentSm3 = Convert.ToHexStringLower(signed.Hash), length = document.Length }, ct);
        return new Response(Convert.ToBase64String(signed.Der), Convert.ToHexStringLower(signed.Hash), now, seal.Id, seal.Name,
            seal.CertificateSerial!, signed.Property);
    }

    /// <summary>Builds and signs the SES_Signature; the caller has checked the seal may sign.</summary>
    internal static async Task<(byte[] Der, byte[] Hash, string Property)> SignAsync(Seal seal, byte[] document, string fileName,
        DateTimeOffset now, IKeyStore keys, CancellationToken ct)
    {
        var key = await keys.GetActiveSm2KeyAsync(seal.KeyPurpose, ct);
        var hash = Sm3.Hash(document);
        var property = Ses.PropertyInfo(fileName, document.Length);
        var tbs = Ses.TbsSign(seal.SealDer!, now, hash, property);
        var signature = key.Sign(tbs.GetDerEncoded());
        return (Ses.Signature(tbs, seal.CertificateDer!, signature), hash, property);
    }
}

/// <summary>Whether a seal may sign now: in use, and its certificate within its validity.</summary>
internal static class SealUsability
{
    public static Error? Refusal(Seal seal, DateTimeOffset now)
    {
        if (seal.Status != SealStatus.InUse)
            return new Error("seal.not_in_use", $"印章当前状态为“{SealView.StatusText(seal.Status)}”，只有在用的印章可以签章",
                $"The seal is '{SealView.StatusText(seal.Status)}'; only a seal in use may sign", "sealId");
        if (seal.ValidUntil is { } until && now > until || seal.ValidFrom is { } from && now < from)
            return new Error("seal.certificate_expired", "印章证书不在有效期内", "The seal certificate is outside its validity period", "sealId");
        return null;
    }
}
