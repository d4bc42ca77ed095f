using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Qilu.Matters.Contracts;
using Qilu.Matters.Data;
using Qilu.Platform.Http;
using Qilu.SharedKernel.Results;

namespace Qilu.Matters.Catalog;

/// <summary>
/// GET /api/matters/public/guide/{basicCode}?division=: the 办事指南 (anonymous): every element of the matter as offered
/// in the division; when the division does not offer it, the provincial standard with <c>offered = false</c>.
/// </summary>
internal static class GetMatterGuide
{
    public sealed record Response(bool Offered, string? Division, MatterDefinition Matter);

    public static void Map(IEndpointRouteBuilder api) => api.MapGet("/public/guide/{basicCode}", EndpointAsync).AllowAnonymous()
        .RequireRateLimiting(RateLimitPolicies.Public)
        .WithName("GetMatterGuide").WithSummary("办事指南 / Matter guide").Produces<Response>();

    private static async Task<IResult> EndpointAsync(string basicCode, string? division, MattersDbContext db, MatterCatalog catalog, HttpContext ctx)
    {
        var result = await HandleAsync(basicCode, division, db, catalog, ctx.RequestAborted);
        return result.IsSuccess ? Results.Ok(result.Value) : Problems.From(result);
    }

    internal static async Task<Result<Response>> HandleAsync(string basicCode, string? division, MattersDbContext db, MatterCatalog catalog, CancellationToken ct)
    {
        if (division is not null && (division.Length is not (6 or 9) || !division.All(char.IsAsciiDigit)))
            return Result<Response>.Failure(new Error("division.format", "行政区划代码应为6位或9位数字", "A division code has 6 or 9 digits", "division"));
        if (division is not null && await catalog.FindMatterAsync(basicCode, division, ct) is { } local)
            return new Response(true, division, local);
        var standard = await db.Matters.AsNoTracking().FirstOrDefaultAsync(m => m.BasicCode == basicCode && m.StandardId == null && m.PublishedVersion != null, ct);
        if (standard is null)
            return Result<Response>.Failure(new Error("not_found", "事项不存在或尚未发布", "The matter does not exist or is not published"), ErrorKind.NotFound);
        var definition = await catalog.DefineAsync(standard, ct);
        return new Response(false, division, definition!);
    }
}
