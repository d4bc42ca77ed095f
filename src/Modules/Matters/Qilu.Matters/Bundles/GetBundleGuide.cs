using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Qilu.Matters.Catalog;
using Qilu.Matters.Contracts;
using Qilu.Platform.Http;
using Qilu.SharedKernel.Results;

namespace Qilu.Matters.Bundles;

/// <summary>GET /api/matters/public/bundles/{code}?division=: a published bundle as offered in a division (anonymous): members, merged form and materials.</summary>
internal static class GetBundleGuide
{
    public static void Map(IEndpointRouteBuilder api) => api.MapGet("/public/bundles/{code}", EndpointAsync).AllowAnonymous()
        .RequireRateLimiting(RateLimitPolicies.Public)
        .WithName("GetBundleGuide").WithSummary("一件事办事指南 / Bundle guide").Produces<BundleDefinition>();

    private static async Task<IResult> EndpointAsync(string code, string? division, MatterCatalog catalog, HttpContext ctx)
    {
        var result = await HandleAsync(code, division ?? CatalogScope.Province, catalog, ctx.RequestAborted);
        return result.IsSuccess ? Results.Ok(result.Value) : Problems.From(result);
    }

    internal static async Task<Result<BundleDefinition>> HandleAsync(string code, string division, MatterCatalog catalog, CancellationToken ct)
    {
        if (division.Length is not (6 or 9) || !division.All(char.IsAsciiDigit))
            return Result<BundleDefinition>.Failure(new Error("division.format", "行政区划代码应为6位或9位数字", "A division code has 6 or 9 digits", "division"));
        var bundle = await catalog.FindBundleAsync(code, division, ct);
        return bundle is null
            ? Result<BundleDefinition>.Failure(new Error("not_found", "该地区未提供此一件事", "This bundle is not offered in the division"), ErrorKind.NotFound)
            : bundle;
    }
}
