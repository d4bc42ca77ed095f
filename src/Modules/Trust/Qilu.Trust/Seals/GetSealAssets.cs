using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Qilu.Platform.Auth;
using Qilu.Platform.Http;
using Qilu.Trust.Contracts;
using Qilu.Trust.Data;

namespace Qilu.Trust.Seals;

/// <summary>
/// GET /api/trust/seals/{id}/image.svg and image.png (seal readers) and the public GET /api/trust/seals/certificates/{serial}.cer
/// (a seal's X.509 certificate, DER, with its status in a header: verifiers offline need the certificate, not the seal).
/// </summary>
internal static class GetSealAssets
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/seals/{id:guid}/image.svg", ImageAsync).RequirePermission(TrustPermissions.SealsRead)
            .WithName("GetSealImage").WithSummary("印章图像（SVG）/ Seal picture");
        api.MapGet("/seals/{id:guid}/image.png", PngAsync).RequirePermission(TrustPermissions.SealsRead)
            .WithName("GetSealImagePng").WithSummary("印章图像（PNG，服务端渲染）/ Seal picture as PNG");
        api.MapGet("/seals/certificates/{serial}.cer", CertificateAsync).AllowAnonymous()
            .WithName("GetSealCertificate").WithSummary("印章证书（DER，公开）/ Seal certificate");
    }

    private static async Task<IResult> ImageAsync(Guid id, HttpContext ctx, ActorAccessor actors, TrustDbContext db)
    {
        var seal = await SealScope.FindAsync(db, actors.FromContext(ctx), id, ctx.RequestAborted);
        return seal?.Svg is null ? Problems.NotFound("印章图像", "Seal picture") : Results.Text(seal.Svg, "image/svg+xml");
    }

    private static async Task<IResult> PngAsync(Guid id, int? size, HttpContext ctx, ActorAccessor actors, TrustDbContext db)
    {
        var seal = await SealScope.FindAsync(db, actors.FromContext(ctx), id, ctx.RequestAborted);
        if (seal?.Svg is null) return Problems.NotFound("印章图像", "Seal picture");
        if (size is { } px && px is < 64 or > 2048)
            return Problems.Validation(new SharedKernel.Results.Error("seal.image_size", "图像边长应在 64–2048 像素之间", "size is 64–2048 pixels", "size"));
        return Results.Bytes(SealPng.Render(seal.UnitName, SealTypes.Zh(seal.Type), size ?? 480), "image/png");
    }

    private static async Task<IResult> CertificateAsync(string serial, HttpContext ctx, TrustDbContext db)
    {
        var normalized = serial.ToLowerInvariant();
        var seal = await db.Seals.AsNoTracking().FirstOrDefaultAsync(s => s.CertificateSerial == normalized, ctx.RequestAborted);
        if (seal?.CertificateDer is null) return Problems.NotFound("印章证书", "Seal certificate");
        ctx.Response.Headers["X-Seal-Status"] = SealView.StatusText(seal.Status);
        return Results.Bytes(seal.CertificateDer, "application/pkix-cert");
    }
}
