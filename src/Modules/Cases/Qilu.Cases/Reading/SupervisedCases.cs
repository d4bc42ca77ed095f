using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Qilu.Cases.Contracts;
using Qilu.Cases.Data;
using Qilu.Cases.Handling;
using Qilu.Platform.Auth;
using Qilu.SharedKernel.Actors;
using Qilu.SharedKernel.Results;

namespace Qilu.Cases.Reading;

/// <summary>
/// GET /api/cases/supervision?overdue=true: cases handled by the units of the supervisor's division subtree (督办
/// view), optionally only the overdue ones, most urgent first.
/// </summary>
internal static class SupervisedCases
{
    public static void Map(IEndpointRouteBuilder api) => api.MapGet("/supervision", async (bool? overdue, HttpContext ctx, ActorAccessor actors, CasesDbContext db,
            TimeProvider clock) => Outcomes.Ok(await HandleAsync(actors.FromContext(ctx), overdue == true, db, clock, ctx.RequestAborted)))
        .RequirePermission(CasesPermissions.Supervise)
        .WithName("SupervisedCases").WithSummary("督办：辖区办件与超期列表 / Cases in my division subtree").Produces<IReadOnlyList<GetCase.Summary>>();

    internal static async Task<Result<IReadOnlyList<GetCase.Summary>>> HandleAsync(Actor actor, bool overdueOnly, CasesDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (Outcomes.Lacks(actor, CasesPermissions.Supervise) is { } denied) return Outcomes.Denied<IReadOnlyList<GetCase.Summary>>(denied);
        if (actor.DivisionCode is null) return Result<IReadOnlyList<GetCase.Summary>>.Success([]);
        var prefix = DivisionScope.PrefixOf(actor.DivisionCode);
        var now = clock.GetUtcNow();
        var q = db.Cases.AsNoTracking().Where(c => c.UnitDivision != null && c.UnitDivision.StartsWith(prefix) && c.Kind != CaseKind.Bundle);
        if (overdueOnly)
            q = q.Where(c => c.DueAt < now && (c.Status == CaseStatus.Submitted || c.Status == CaseStatus.UnderReview || c.Status == CaseStatus.Deciding));
        var rows = await q.OrderBy(c => c.DueAt).Take(500).ToListAsync(ct);
        return Result<IReadOnlyList<GetCase.Summary>>.Success([.. rows.Select(c => GetCase.SummaryOf(c, now))]);
    }
}
