using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Qilu.Platform.Http;

namespace Qilu.Sharing.Verification;

/// <summary>
/// POST /api/sharing/verifications/check: anyone holding a verification answer (or a webhook notification) checks its
/// SM2 signature against the platform's key of that id. Anonymous, rate-limited per address.
/// </summary>
internal static class CheckSignature
{
    public sealed record Request(string? Statement, string? Signature, string? KeyId);

    public sealed record Response(bool Valid, JsonElement? Statement);

    public static void Map(IEndpointRouteBuilder api) => api.MapPost("/verifications/check", EndpointAsync)
        .AllowAnonymous().DisableAntiforgery().RequireRateLimiting(RateLimitPolicies.Public)
        .WithName("CheckSharingSignature").WithSummary("验证核验结论签名 / Check a signed answer").Produces<Response>();

    private static async Task<IResult> EndpointAsync(Request request, VerificationSigner signer, HttpContext ctx)
    {
        var v = new Validation().Required("statement", request.Statement, "核验结论").Required("signature", request.Signature, "签名").Required("keyId", request.KeyId, "密钥标识");
        if (!v.IsValid) return v.ToProblem();
        var valid = await signer.VerifyAsync(request.KeyId!, Encoding.UTF8.GetBytes(request.Statement!), request.Signature!, ctx.RequestAborted);
        JsonElement? parsed = null;
        try
        {
            parsed = JsonDocument.Parse(request.Statement!).RootElement.Clone();
        }
        catch (JsonException)
        {
            valid = false;
        }
        return Results.Ok(new Response(valid, parsed));
    }
}
