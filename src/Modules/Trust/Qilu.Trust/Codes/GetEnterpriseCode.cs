using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Qilu.Platform.Http;
using Qilu.SharedKernel.Results;

namespace Qilu.Trust.Codes;

/// <summary>
/// GET /api/trust/enterprises/{creditCode}/code (JSON) and …/code.png (image), public: the enterprise code (企业码/信用码)
/// — a QR of the URL of the enterprise's public profile page carrying a payload signed by the code signer (credit code,
/// name, division), so a phone opens the page and an offline verifier checks the payload against the published chain.
/// </summary>
internal static class GetEnterpriseCode
{
    public sealed record Response(string CreditCode, string Name, string Payload, string Url, string QrPngBase64);

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/enterprises/{creditCode}/code", async (string creditCode, HttpContext ctx, CodeServices s, IOptions<TrustOptions> o) =>
                Problems.ToHttp(await HandleAsync(creditCode, s, o.Value, ctx.RequestAborted)))
            .AllowAnonymous().RequireRateLimiting(RateLimitPolicies.Public)
            .WithName("GetEnterpriseCode").WithSummary("企业码 / Enterprise code").Produces<Response>();
        api.MapGet("/enterprises/{creditCode}/code.png", async (string creditCode, HttpContext ctx, CodeServices s, IOptions<TrustOptions> o) =>
            {
                var result = await HandleAsync(creditCode, s, o.Value, ctx.RequestAborted);
                return result.IsSuccess ? Results.Bytes(QrImage.Png(result.Value.Url, 8), "image/png") : Problems.From(result);
            })
            .AllowAnonymous().RequireRateLimiting(RateLimitPolicies.Public)
            .WithName("GetEnterpriseCodePng").WithSummary("企业码图片 / Enterprise code as PNG");
    }

    internal static async Task<Result<Response>> HandleAsync(string creditCode, CodeServices s, TrustOptions options, CancellationToken ct)
    {
        var profile = await EnterpriseDirectory.FindAsync(creditCode, s, ct);
        if (!profile.IsSuccess) return Result<Response>.Failure(profile.Errors, profile.Kind);
        var p = profile.Value;
        var claims = new JsonObject
        {
            ["typ"] = "enterprise", ["cc"] = p.CreditCode, ["nm"] = p.Name, ["dv"] = p.DivisionCode, ["iat"] = s.Clock.GetUtcNow().ToUnixTimeSeconds(),
        };
        var payload = await CodePayload.CreateAsync(CodePayload.EnterprisePrefix, claims, s.Signer, ct);
        var url = $"{options.PublicBaseUrl.TrimEnd('/')}/enterprise/{p.CreditCode}?c={payload}";
        return new Response(p.CreditCode, p.Name, payload, url, QrImage.PngBase64(url));
    }
}
