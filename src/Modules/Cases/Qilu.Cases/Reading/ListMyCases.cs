using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Qilu.Cases.Contracts;
using Qilu.Cases.Data;
using Qilu.Platform.Auth;
using Qilu.SharedKernel.Actors;
using Qilu.SharedKernel.Results;

namespace Qilu.Cases.Reading;

/// <summary>GET /api/cases/mine: the applicant's own cases (bundle parents and single cases), newest first.</summary>
internal static class ListMyCases
{
    public static void Map(IEndpointRouteBuilder api) => api.MapGet("/mine", async (HttpContext ctx, ActorAccessor actors, CasesDbContext db, TimeProvider clock) =>
            Outcomes.Ok(await HandleAsync(actors.FromContext(ctx), db, clock, ctx.RequestAborted)))
        .RequirePermission(CasesPermissions.Apply)
        .WithName("ListMyCases").WithSummary("我的办件 / My cases").Produces<IReadOnlyList<GetCase.Summary>>();

    internal static async Task<Result<IReadOnlyList<GetCase.Summary>>> HandleAsync(Actor actor, CasesDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (!actor.IsAuthenticated) return Outcomes.Unauthenticated<IReadOnlyList<GetCase.Summary>>();
        var rows = await db.Cases.AsNoTracking().Where(c => c.ApplicantId == actor.SubjectId && c.ParentId == null)
            .OrderByDescending(c => c.SubmittedAt).Take(200).ToListAsync(ct);
        var now = clock.GetUtcNow();
        return Result<IReadOnlyList<GetCase.Summary>>.Success([.. rows.Select(c => GetCase.SummaryOf(c, now))]);
    }
}
