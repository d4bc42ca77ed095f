using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Qilu.Platform.Http;
using Qilu.SharedKernel.Results;

namespace Qilu.Trust.Codes;

/// <summary>
/// GET /api/trust/enterprises/{creditCode}?c=…, public: the enterprise's profile (name, credit code, division, currently
/// valid certificates; no personal data) and, when the scanned code is passed in <c>c</c>, whether it verifies for this
/// enterprise (<c>valid</c>, <c>mismatch</c>, <c>tampered</c>, <c>malformed</c>).
/// </summary>
internal static class GetEnterpriseProfile
{
    public sealed record Response(EnterpriseDirectory.Profile Profile, string? Code);

    public static void Map(IEndpointRouteBuilder api) => api.MapGet("/enterprises/{creditCode}", EndpointAsync)
        .AllowAnonymous().RequireRateLimiting(RateLimitPolicies.Public)
        .WithName("GetEnterpriseProfile").WithSummary("企业公开信息 / Enterprise public profile").Produces<Response>();

    private static async Task<IResult> EndpointAsync(string creditCode, string? c, HttpContext ctx, CodeServices s) =>
        Problems.ToHttp(await HandleAsync(creditCode, c, s, ctx.RequestAborted));

    internal static async Task<Result<Response>> HandleAsync(string creditCode, string? code, CodeServices s, CancellationToken ct)
    {
        if (code is { Length: > CodePayload.MaxLength })
            return Result<Response>.Failure(new Error("code.too_large", $"码内容过长（最多 {CodePayload.MaxLength} 字符）",
                $"The code is too long (at most {CodePayload.MaxLength} characters)", "c"));
        var profile = await EnterpriseDirectory.FindAsync(creditCode, s, ct);
        if (!profile.IsSuccess) return Result<Response>.Failure(profile.Errors, profile.Kind);
        string? outcome = null;
        if (!string.IsNullOrWhiteSpace(code))
            (outcome, _, _) = await EnterpriseDirectory.CheckCodeAsync(code, profile.Value.CreditCode, s, ct);
        return new Response(profile.Value, outcome);
    }
}
