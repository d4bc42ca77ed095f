using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Qilu.Cases.Data;
using Qilu.Platform.Http;
using Qilu.SharedKernel.Results;

namespace Qilu.Cases.Ratings;

/// <summary>
/// GET /api/cases/ratings/summary?by=matter|unit|division (public, anonymous): 好差评 statistics — count, average
/// level, share satisfied (≥ 基本满意), bad ratings and their rectification — by matter, unit or division. Contains
/// no personal data (results and rectification are public under 国办发〔2019〕51号).
/// </summary>
internal static class RatingStatistics
{
    public sealed record Row(string Key, string Name, int Ratings, double Average, double SatisfiedShare, int Bad, int Rectified);

    public static void Map(IEndpointRouteBuilder api) => api.MapGet("/ratings/summary", async (string? by, CasesDbContext db, CancellationToken ct) =>
            await HandleAsync(by, db, ct) is var r && r.IsSuccess ? Results.Ok(r.Value) : Problems.From(r))
        .AllowAnonymous().RequireRateLimiting(RateLimitPolicies.Public)
        .WithName("RatingSummary").WithSummary("好差评公开统计 / Public rating statistics");

    /// <summary>The statistics grouped by <paramref name="by"/> (matter, unit or division), most rated first; anonymous.</summary>
    internal static async Task<Result<IReadOnlyList<Row>>> HandleAsync(string? by, CasesDbContext db, CancellationToken ct)
    {
        Func<Rating, (string, string)>? key = by switch
        {
            null or "" or "matter" => r => (r.MatterCode, r.MatterName),
            "unit" => r => (r.UnitId.ToString(), r.UnitName),
            "division" => r => (r.DivisionCode, r.DivisionCode),
            _ => null,
        };
        if (key is null) return Result<IReadOnlyList<Row>>.Failure(new Error("by.unknown", "by 只能是 matter、unit 或 division", "by is matter, unit or division", "by"));
        var ratings = await db.Ratings.AsNoTracking().ToListAsync(ct);
        var closed = (await db.Rectifications.AsNoTracking().Where(r => r.Status == RectificationStatus.Closed || r.Status == RectificationStatus.Replied)
            .Select(r => r.RatingId).ToListAsync(ct)).ToHashSet();
        return Result<IReadOnlyList<Row>>.Success([.. ratings.GroupBy(r => key(r)).Select(g => new Row(g.Key.Item1, g.Key.Item2, g.Count(), Math.Round(g.Average(r => r.Level), 2),
            Math.Round(g.Count(r => r.Level >= 3) / (double)g.Count(), 4), g.Count(r => r.Level <= 2), g.Count(r => r.Level <= 2 && closed.Contains(r.Id))))
            .OrderByDescending(r => r.Ratings)]);
    }

    /// <summary>How many ratings fell on each level, 5 (非常满意) down to 1 (非常不满意).</summary>
    internal static async Task<IReadOnlyList<(int Level, string Name, int Count)>> LevelsAsync(CasesDbContext db, CancellationToken ct)
    {
        var counts = await db.Ratings.AsNoTracking().GroupBy(r => r.Level).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        return [.. Enumerable.Range(1, 5).Reverse().Select(l => (l, RateCase.LevelNames[l], counts.FirstOrDefault(c => c.Key == l)?.Count ?? 0))];
    }
}
