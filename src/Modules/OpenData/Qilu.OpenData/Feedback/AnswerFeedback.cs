using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Qilu.OpenData.Contracts;
using Qilu.OpenData.Data;
using Qilu.OpenData.UseCases;
using Qilu.Platform.Auth;
using Qilu.SharedKernel.Actors;
using Qilu.SharedKernel.Results;

namespace Qilu.OpenData.Feedback;

/// <summary>
/// POST /api/opendata/{requests|corrections}/{id}/answer: the providing unit's publisher answers a data request or a
/// correction (采纳 / 不予采纳) with a reply; the public sees the reply.
/// </summary>
internal static class AnswerFeedback
{
    public sealed record Request(uint Version, bool Accept, string? Answer);

    public sealed record Response(Guid Id, FeedbackStatus Status, string Answer, uint Version);

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPost("/requests/{id:guid}/answer", (Guid id, Request request, HttpContext ctx, ActorAccessor actors, OpenDataDbContext db, TimeProvider clock, OpenDataAudit audit) =>
                AnswerAsync(actors.FromContext(ctx), "request", id, request, db, clock, audit, ctx.RequestAborted))
            .RequirePermission(OpenDataPermissions.Respond).WithName("AnswerOpenDataRequest").WithSummary("答复需求 / Answer a data request").Produces<Response>();
        api.MapPost("/corrections/{id:guid}/answer", (Guid id, Request request, HttpContext ctx, ActorAccessor actors, OpenDataDbContext db, TimeProvider clock, OpenDataAudit audit) =>
                AnswerAsync(actors.FromContext(ctx), "correction", id, request, db, clock, audit, ctx.RequestAborted))
            .RequirePermission(OpenDataPermissions.Respond).WithName("AnswerOpenDataCorrection").WithSummary("答复纠错 / Answer a correction").Produces<Response>();
    }

    private static async Task<IResult> AnswerAsync(Actor actor, string kind, Guid id, Request request, OpenDataDbContext db, TimeProvider clock, OpenDataAudit audit, CancellationToken ct) =>
        Outcomes.Ok(await HandleAsync(actor, kind, id, request, db, clock, audit, ct));

    internal static async Task<Result<Response>> HandleAsync(Actor actor, string kind, Guid id, Request request, OpenDataDbContext db, TimeProvider clock,
        OpenDataAudit audit, CancellationToken ct)
    {
        if (Outcomes.Lacks(actor, OpenDataPermissions.Respond) is { } lacks) return Outcomes.Denied<Response>(lacks);
        if (string.IsNullOrWhiteSpace(request.Answer) || request.Answer.Length > 2000)
            return Outcomes.Invalid<Response>("opendata.answer.required", "答复内容不能为空（不超过2000字）", "An answer is required (at most 2000 characters)", "answer");
        var now = clock.GetUtcNow();
        var status = request.Accept ? FeedbackStatus.Accepted : FeedbackStatus.Declined;
        uint version;
        if (kind == "request")
        {
            var item = await db.DataRequests.FirstOrDefaultAsync(r => r.Id == id && r.ProviderUnitId == actor.DepartmentId, ct);
            if (item is null) return Outcomes.NotFound<Response>("需求", "Data request");
            if (item.Version != request.Version) return Outcomes.Stale<Response>(request.Version, item.Version);
            if (item.Status != FeedbackStatus.Open) return Outcomes.Conflict<Response>("opendata.answer.done", "已答复", "Already answered");
            (item.Status, item.Answer, item.AnsweredBy, item.AnsweredAt) = (status, request.Answer.Trim(), actor.DisplayName, now);
            await db.SaveChangesAsync(ct);
            version = item.Version;
        }
        else
        {
            var item = await db.Corrections.FirstOrDefaultAsync(r => r.Id == id && r.ProviderUnitId == actor.DepartmentId, ct);
            if (item is null) return Outcomes.NotFound<Response>("纠错", "Correction");
            if (item.Version != request.Version) return Outcomes.Stale<Response>(request.Version, item.Version);
            if (item.Status != FeedbackStatus.Open) return Outcomes.Conflict<Response>("opendata.answer.done", "已答复", "Already answered");
            (item.Status, item.Answer, item.AnsweredBy, item.AnsweredAt) = (status, request.Answer.Trim(), actor.DisplayName, now);
            await db.SaveChangesAsync(ct);
            version = item.Version;
        }
        await audit.WriteAsync($"opendata.{kind}s.answered", kind, id.ToString(), actor, new { status }, ct);
        return new Response(id, status, request.Answer.Trim(), version);
    }
}
