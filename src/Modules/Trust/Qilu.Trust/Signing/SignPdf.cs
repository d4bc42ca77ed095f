using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Qilu.Platform.Auth;
using Qilu.Platform.Cryptography.Keys;
using Qilu.SharedKernel.Actors;
using Qilu.SharedKernel.Results;
using Qilu.Trust.Auditing;
using Qilu.Trust.Contracts;
using Qilu.Trust.Data;
using Qilu.Trust.Seals;

namespace Qilu.Trust.Signing;

/// <summary>
/// POST /api/trust/seals/{id}/sign-pdf (multipart <c>file</c>, <c>page</c>, <c>x</c>, <c>y</c>, optional <c>size</c>, in
/// mm): 盖章 on a PDF — the seal's picture is placed visibly on the page, then the GB/T 38540 SES_Signature is made over
/// the stamped PDF's bytes. Returns the stamped PDF and the signature; /api/trust/signatures/verify checks the pair like
/// any other signed document (valid, tampered, seal revoked, certificate expired …).
/// </summary>
internal static class SignPdf
{
    public sealed record Response(string Pdf, string Signature, string DocumentSm3, DateTimeOffset SignedAt, Guid SealId, string SealName,
        string CertificateSerial, string PropertyInfo, int Page, double X, double Y, double Size);

    public static void Map(IEndpointRouteBuilder api) => api.MapPost("/seals/{id:guid}/sign-pdf", EndpointAsync)
        .RequirePermission(TrustPermissions.SealsSign).DisableAntiforgery()
        .WithName("SignPdf").WithSummary("PDF 可视化盖章并签章 / Stamp and sign a PDF").Produces<Response>();

    private static async Task<IResult> EndpointAsync(Guid id, IFormFile? file, [FromForm] int? page, [FromForm] double? x, [FromForm] double? y,
        [FromForm] double? size, HttpContext ctx, ActorAccessor actors, TrustDbContext db, IKeyStore keys, TimeProvider clock, TrustAudit audit)
    {
        if (file is null || file.Length == 0)
            return Qilu.Platform.Http.Problems.Validation(new Error("sign.file", "请上传要盖章的 PDF", "Upload the PDF to stamp", "file"));
        if (file.Length > SignDocument.MaxFileBytes)
            return Qilu.Platform.Http.Problems.Validation(new Error("sign.file_size", "文件不超过 50 MB", "The file is at most 50 MB", "file"));
        if (page is null || x is null || y is null)
            return Qilu.Platform.Http.Problems.Validation(new Error("sign.stamp_position", "请指定盖章页码和位置（page、x、y，毫米）",
                "Give the page and position of the stamp (page, x, y in mm)", "page"));
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ctx.RequestAborted);
        var placement = new PdfStamp.Placement(page.Value, x.Value, y.Value, size ?? 42);
        return Outcomes.Ok(await HandleAsync(actors.FromContext(ctx), id, file.FileName, buffer.ToArray(), placement, db, keys, clock, audit,
            ctx.RequestAborted));
    }

    internal static async Task<Result<Response>> HandleAsync(Actor actor, Guid sealId, string fileName, byte[] pdf, PdfStamp.Placement at,
        TrustDbContext db, IKeyStore keys, TimeProvider clock, TrustAudit audit, CancellationToken ct)
    {
        if (Outcomes.Lacks(actor, TrustPermissions.SealsSign) is { } denied) return Outcomes.Denied<Response>(denied);
        var seal = await SealScope.FindAsync(db, actor, sealId, ct);
        if (seal is null) return Outcomes.NotFound<Response>("印章", "Seal");
        if (seal.UnitId != actor.DepartmentId)
            return Outcomes.Forbidden<Response>("seal.not_own_unit", "只能使用本单位的印章签章", "Only a seal of your own unit may sign");
        var now = clock.GetUtcNow();
        if (SealUsability.Refusal(seal, now) is { } refusal)
        {
            await audit.WriteAsync("trust.seals.sign_refused", "seal", seal.Id.ToString(), "denied", actor,
                new { state = SealView.StatusText(seal.Status), refusal.Code, pdf = true }, ct);
            return Result<Response>.Failure(refusal, ErrorKind.Conflict);
        }
        var stamped = PdfStamp.Apply(pdf, SealPng.Render(seal.UnitName, SealTypes.Zh(seal.Type)), at);
        if (!stamped.IsSuccess) return Result<Response>.Failure(stamped.Errors, stamped.Kind);
        var signed = await SignDocument.SignAsync(seal, stamped.Value, fileName, now, keys, ct);
        await audit.WriteAsync("trust.seals.signed", "seal", seal.Id.ToString(), "success", actor,
            new { documentSm3 = Convert.ToHexStringLower(signed.Hash), length = stamped.Value.Length, pdf = true, at.Page }, ct);
        return new Response(Convert.ToBase64String(stamped.Value), Convert.ToBase64String(signed.Der), Convert.ToHexStringLower(signed.Hash),
            now, seal.Id, seal.Name, seal.CertificateSerial!, signed.Property, at.Page, at.CentreXMm, at.CentreYMm, at.SizeMm);
    }
}
