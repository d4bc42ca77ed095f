using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Qilu.Cases.Data;
using Qilu.Cases.Handling;
using Qilu.Platform.Auth;
using Qilu.SharedKernel.Actors;
using Qilu.SharedKernel.Results;

namespace Qilu.Cases.Ratings;

/// <summary>
/// GET /api/cases/{id}/rating: the case's 好差评 rating and, for a bad one, its rectification (整改) with the unit's reply
/// and any appeal — for the applicant, the responsible unit and supervisors; 404 for anyone else. <c>rating</c> is null
/// while the case is unrated.
/// </summary>
internal static class GetCaseRating
{
    public sealed record RatingView(Guid Id, int Level, string LevelName, string? Comment, DateTimeOffset RatedAt);

    public sealed record Response(Guid CaseId, RatingView? Rating, Rectifications.View? Rectification);

    public static void Map(IEndpointRouteBuilder api) => api.MapGet("/{id:guid}/rating", async (Guid id, HttpContext ctx, ActorAccessor actors, CasesDbContext db) =>
            Outcomes.Ok(await HandleAsync(actors.FromContext(ctx), id, db, ctx.RequestAborted)))
        .RequireAuthorization()
        .WithName("GetCaseRating").WithSummary("办件评价与整改 / A case's rating and rectification").Produces<Response>();

    internal static async Task<Result<Response>> HandleAsync(Actor actor, Guid id, CasesDbContext db, CancellationToken ct)
    {
        if (!actor.IsAuthenticated) return Outcomes.Unauthenticated<Response>();
        var c = await db.Cases.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (c is null) return Outcomes.NotFound<Response>("办件", "Case");
        var children = c.Kind == CaseKind.Bundle ? await db.Cases.AsNoTracking().Where(x => x.ParentId == c.Id).ToListAsync(ct) : [];
        if (!CaseScope.CanRead(actor, c, children)) return Outcomes.NotFound<Response>("办件", "Case");
        var rating = await db.Ratings.AsNoTracking().SingleOrDefaultAsync(r => r.CaseId == id, ct);
        var rectification = rating is null ? null : await db.Rectifications.AsNoTracking().SingleOrDefaultAsync(r => r.RatingId == rating.Id, ct);
        return new Response(id, rating is null ? null : new RatingView(rating.Id, rating.Level, RateCase.LevelNames[rating.Level], rating.Comment, rating.RatedAt),
            rectification is null ? null : Rectifications.ViewOf(rectification));
    }
}
