using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Qilu.Platform.Http;
using Qilu.SharedKernel.Results;
using Qilu.Trust.Codes;

namespace Qilu.Trust.Verification;

/// <summary>
/// POST /api/trust/verify/image (public, multipart field <c>image</c>): decodes the QR in an uploaded photo or screenshot
/// and verifies what it holds — a certificate payload (as POST /api/trust/verify) or an enterprise code. Oversized
/// uploads, non-images, images too large in pixels, images without a QR and QR codes that are not Qilu's each get a
/// problem details answer naming the reason.
/// </summary>
internal static class VerifyQrImage
{
    public sealed record EnterpriseCheck(string Outcome, string? CreditCode, string? Name, string? ProfileUrl);

    public sealed record Response(string Text, string Kind, VerifyQr.Report? Certificate, EnterpriseCheck? Enterprise);

    public static void Map(IEndpointRouteBuilder api) => api.MapPost("/verify/image", EndpointAsync)
        .AllowAnonymous().DisableAntiforgery().RequireRateLimiting(RateLimitPolicies.Public).WithMetadata(new UploadLimit())
        .WithName("VerifyQrImage").WithSummary("上传二维码图片核验 / Verify a QR image").Produces<Response>();

    private static async Task<IResult> EndpointAsync(HttpRequest request, CodeServices services, SealKeyCache sealKeys)
    {
        if (!request.HasFormContentType)
            return Problems.Validation(new Error("image.required", "请以 multipart/form-data 上传图片（字段 image）", "Upload the image as multipart/form-data field 'image'", "image"));
        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
        }
        catch (Exception ex) when (ex is InvalidDataException or BadHttpRequestException or IOException)
        {
            return Problems.Validation(TooLarge());
        }
        var file = form.Files.GetFile("image");
        if (file is null || file.Length == 0)
            return Problems.Validation(new Error("image.required", "请选择一张二维码图片", "Choose an image with a QR code", "image"));
        if (file.Length > QrImageDecoder.MaxBytes) return Problems.Validation(TooLarge());
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, request.HttpContext.RequestAborted);
        return Problems.ToHttp(await HandleAsync(buffer.ToArray(), services, sealKeys, request.HttpContext.RequestAborted));
    }

    internal static async Task<Result<Response>> HandleAsync(byte[] image, CodeServices s, SealKeyCache sealKeys,
        CancellationToken ct)
    {
        if (image.Length > QrImageDecoder.MaxBytes) return Result<Response>.Failure(TooLarge());
        var (text, failure) = QrImageDecoder.Decode(image);
        switch (failure)
        {
            case QrImageDecoder.Failure.NotAnImage:
                return Result<Response>.Failure(new Error("image.unsupported", "无法识别的图片（支持 PNG、JPEG、GIF、BMP）", "Not a readable image (PNG, JPEG, GIF, BMP)", "image"));
            case QrImageDecoder.Failure.TooManyPixels:
                return Result<Response>.Failure(new Error("image.dimensions", $"图片尺寸过大（每边最多 {QrImageDecoder.MaxSide} 像素）",
                    $"The image is too large (at most {QrImageDecoder.MaxSide} pixels a side)", "image"));
            case QrImageDecoder.Failure.NoQrCode:
                return Result<Response>.Failure(new Error("image.no_qr", "图片中没有找到二维码，请拍清楚后重试", "No QR code found in the image", "image"));
        }
        return await VerifyTextAsync(text!, s, sealKeys, ct);
    }

    /// <summary>Verifies decoded (or pasted) QR text by its kind.</summary>
    internal static async Task<Result<Response>> VerifyTextAsync(string text, CodeServices s, SealKeyCache sealKeys, CancellationToken ct)
    {
        var t = text.Trim();
        if (t.StartsWith(QrPayload.Prefix, StringComparison.Ordinal))
        {
            var report = await VerifyQr.HandleAsync(t, s.Trust, sealKeys, s.Clock, s.Audit, ct);
            return report.IsSuccess ? new Response(t, "certificate", report.Value, null) : Result<Response>.Failure(report.Errors, report.Kind);
        }
        if (CodePayload.Unwrap(t).StartsWith(CodePayload.EnterprisePrefix, StringComparison.Ordinal))
        {
            var (outcome, cc, name) = await EnterpriseDirectory.CheckCodeAsync(t, null, s, ct);
            return new Response(t, "enterprise", null, new EnterpriseCheck(outcome, cc, name, cc is null ? null : $"/enterprise/{cc}"));
        }
        if (t.StartsWith(CodePayload.PersonalPrefix, StringComparison.Ordinal))
            return Result<Response>.Failure(new Error("qr.personal_code", "这是个人码，只能由办事窗口工作人员在工作台扫码使用",
                "This is a personal code; only an official can scan it in the workbench", "payload"));
        return Result<Response>.Failure(new Error("qr.not_qilu", "不是本平台的证照二维码或企业码", "Not a Qilu certificate QR or enterprise code", "payload"));
    }

    /// <summary>The host caps bodies lower by default; an upload may carry the image plus the multipart framing (the host
    /// answers anything larger with a 413 problem).</summary>
    private sealed class UploadLimit : IRequestSizeLimitMetadata
    {
        public long? MaxRequestBodySize => QrImageDecoder.MaxBytes + 64 * 1024;
    }

    private static Error TooLarge() => new("image.too_large", $"图片过大（最多 {QrImageDecoder.MaxBytes / 1024 / 1024} MB）",
        $"The image is too large (at most {QrImageDecoder.MaxBytes / 1024 / 1024} MB)", "image");
}
