using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Qilu.Cases.Contracts;
using Qilu.Cases.Data;
using Qilu.Cases.Handling;
using Qilu.Cases.UseCases;
using Qilu.Cases.Workflow;
using Qilu.Platform.Audit;
using Qilu.Platform.Auth;
using Qilu.Platform.Events;
using Qilu.SharedKernel.Actors;
using Qilu.SharedKernel.Results;
using Qilu.Workflow.Contracts;

namespace Qilu.Cases.Ratings;

/// <summary>
/// POST /api/cases/{id}/rating: 好差评 一事一评. The applicant rates a concluded case once, on the five levels
/// (5 非常满意 … 1 非常不满意) with a comment. A bad rating (不满意 or worse) opens a rectification task for the unit,
/// due in 15 working days on the workflow engine's calendar, and publishes <see cref="CaseRatedBadly"/>.
/// </summary>
internal static class RateCase
{
    public sealed record Request(int Level, string? Comment);

    public sealed record Response(Guid RatingId, int Level, string LevelName, Guid? RectificationId, DateTimeOffset? RectificationDueAt);

    public static readonly string[] LevelNames = ["", "非常不满意", "不满意", "基本满意", "满意", "非常满意"];

    public static void Map(IEndpointRouteBuilder api) => api.MapPost("/{id:guid}/rating", async (Guid id, Request request, HttpContext ctx, ActorAccessor actors,
            CasesDbContext db, IWorkflowEngine engine, CaseDefinitions definitions, IAuditWriter audit, TimeProvider clock) =>
            Outcomes.Ok(await HandleAsync(actors.FromContext(ctx), id, request, db, engine, definitions, audit, clock, ctx.RequestAborted)))
        .RequirePermission(CasesPermissions.Apply)
        .WithName("RateCase").WithSummary("好差评 / Rate a concluded case").Produces<Response>();

    internal static async Task<Result<Response>> HandleAsync(Actor actor, Guid id, Request request, CasesDbContext db, IWorkflowEngine engine,
        CaseDefinitions definitions, IAuditWriter audit, TimeProvider clock, CancellationToken ct)
    {
        var c = await db.Cases.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (c is null || !CaseScope.IsApplicant(actor, c)) return Outcomes.NotFound<Response>("办件", "Case");
        if (request.Level is < 1 or > 5)
            return Outcomes.Invalid<Response>("rating.level", "评价等级须为 1（非常不满意）至 5（非常满意）", "level is 1 (very dissatisfied) to 5 (very satisfied)", "level");
        if (request.Comment is { Length: > 1000 })
            return Outcomes.Invalid<Response>("rating.comment_length", "评价内容不能超过1000个字符", "comment must be at most 1000 characters", "comment");
        if (request.Level <= 2 && string.IsNullOrWhiteSpace(request.Comment))
            return Outcomes.Invalid<Response>("rating.comment_required", "差评请说明不满意的原因，以便整改", "A bad rating needs a comment so the unit can rectify", "comment");
        if (!CaseStatuses.IsDecided(c.Status) && c.Status is not (CaseStatus.PartiallyConcluded or CaseStatus.Refused))
            return CaseConflicts.NotAllowed<Response>("rate", "办结后才能评价", "a case can be rated once concluded", ["withdraw"]);
        if (await db.Ratings.AnyAsync(r => r.CaseId == id, ct))
            return Outcomes.Conflict<Response>("rating.exists", "该办件已评价（一事一评）", "The case has already been rated");
        var now = clock.GetUtcNow();
        var rating = new Rating
        {
            CaseId = c.Id, ApplicantId = actor.SubjectId, Level = request.Level, Comment = request.Comment?.Trim(), RatedAt = now,
            MatterCode = c.MatterCode ?? c.BundleCode ?? "", MatterName = c.Title, UnitId = c.UnitId ?? Guid.Empty, UnitName = c.UnitName ?? "",
            DivisionCode = c.UnitDivision ?? c.DivisionCode,
        };
        db.Ratings.Add(rating);
        Rectification? rectification = null;
        if (request.Level <= 2)
        {
            rectification = new Rectification { RatingId = rating.Id, CaseId = c.Id, UnitId = rating.UnitId, DivisionCode = rating.DivisionCode, OpenedAt = now };
            db.Rectifications.Add(rectification);
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return Outcomes.Conflict<Response>("rating.exists", "该办件已评价（一事一评）", "The case has already been rated");
        }
        await audit.WriteAsync(new AuditEvent("cases.case.rated", "case", c.Number, "success", actor, new { request.Level }, TraceId: Activity.Current?.TraceId.ToString()), ct);
        if (rectification is not null)
        {
            var due = await Rectifications.StartRoundAsync(rectification, c.Number, db, engine, definitions, actor, ct);
            db.Publish(new CaseRatedBadly(rating.Id, c.Id, c.Number, rating.MatterCode, rating.MatterName, rating.UnitId, rating.UnitName, rating.DivisionCode,
                rating.Level, rating.Comment, due) { OccurredAt = now });
            await db.SaveChangesAsync(ct);
        }
        return new Response(rating.Id, rating.Level, LevelNames[rating.Level], rectification?.Id, rectification?.DueAt);
    }
}
