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
/// GET /api/matters/public/search?q=&amp;division=: the portal's matter search (anonymous): published standard matters
/// whose name or keywords contain every term of the query (split on spaces), with whether the division offers each.
/// A database search for now; the Search module's Lucene index replaces it.
/// </summary>
internal static class SearchMatters
{
    public sealed record Hit(string BasicCode, string Name, MatterType Type, string TypeName, bool Offered, string? ImplementingUnit, int? PromisedLimitDays, int? OnSiteVisits);

    public static void Map(IEndpointRouteBuilder api) => api.MapGet("/public/search", EndpointAsync).AllowAnonymous()
        .RequireRateLimiting(RateLimitPolicies.Public)
        .WithName("SearchMatters").WithSummary("办事事项搜索 / Search matters").Produces<IReadOnlyList<Hit>>();

    private static async Task<IResult> EndpointAsync(string? q, string? division, MattersDbContext db, MatterCatalog catalog, HttpContext ctx)
    {
        var result = await HandleAsync(q, division, db, catalog, ctx.RequestAborted);
        return result.IsSuccess ? Results.Ok(result.Value) : Problems.From(result);
    }

    internal static async Task<Result<IReadOnlyList<Hit>>> HandleAsync(string? q, string? division, MattersDbContext db, MatterCatalog catalog, CancellationToken ct)
    {
        var terms = (q ?? "").Split(' ', '　', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (terms.Length == 0 || terms.Sum(t => t.Length) > 50)
            return Result<IReadOnlyList<Hit>>.Failure(new Error("search.query", "请输入1-50个字符的搜索词", "Enter a query of 1-50 characters", "q"));
        if (division is not null && (division.Length is not (6 or 9) || !division.All(char.IsAsciiDigit)))
            return Result<IReadOnlyList<Hit>>.Failure(new Error("division.format", "行政区划代码应为6位或9位数字", "A division code has 6 or 9 digits", "division"));
        var query = db.Matters.AsNoTracking().Where(m => m.StandardId == null && m.PublishedVersion != null);
        foreach (var t in terms) query = query.Where(m => m.Name.Contains(t) || m.Keywords.Contains(t) || m.BasicCode == t);
        var standards = await query.OrderBy(m => m.Name.Length).ThenBy(m => m.BasicCode).Take(50).ToListAsync(ct);
        var hits = new List<Hit>();
        foreach (var s in standards)
        {
            var offered = division is null ? null : await catalog.FindMatterAsync(s.BasicCode, division, ct);
            hits.Add(new Hit(s.BasicCode, offered?.Name ?? s.Name, s.Type, MatterTypeNames.Zh(s.Type), offered is not null,
                offered?.ImplementingUnit?.Name, offered?.PromisedLimitDays, offered?.OnSiteVisits));
        }
        return hits;
    }
}
