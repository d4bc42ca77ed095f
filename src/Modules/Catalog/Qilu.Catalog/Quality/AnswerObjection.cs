using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Qilu.Catalog.Auditing;
using Qilu.Catalog.Contracts;
using Qilu.Catalog.Data;
using Qilu.Catalog.Resources;
using Qilu.Platform.Auth;
using Qilu.Platform.Cryptography.Fields;
using Qilu.SharedKernel.Actors;
using Qilu.SharedKernel.Results;

namespace Qilu.Catalog.Quality;

/// <summary>
/// POST /api/catalog/objections/{id}/answer (source unit: open → answered, with the finding or the correction made) and
/// POST /api/catalog/objections/{id}/close (raising unit: answered → closed, or back to open with <c>reopen</c> and a comment).
/// </summary>
internal static class AnswerObjection
{
    public sealed record AnswerRequest(uint Version, string? Answer);

    public sealed record CloseRequest(uint Version, string? Comment, bool Reopen = false);

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPost("/objections/{id:guid}/answer", async (Guid id, AnswerRequest request, HttpContext ctx, ActorAccessor actors, CatalogDbContext db,
                IFieldProtector protector, TimeProvider clock, CatalogAudit audit) =>
                Outcomes.Ok(await AnswerAsync(actors.FromContext(ctx), id, request, db, protector, clock, audit, ctx.RequestAborted)))
            .RequirePermission(CatalogPermissions.ResourcesManage).WithName("AnswerCatalogObjection").WithSummary("答复异议 / Answer").Produces<ObjectionView>();
        api.MapPost("/objections/{id:guid}/close", async (Guid id, CloseRequest request, HttpContext ctx, ActorAccessor actors, CatalogDbContext db,
                IFieldProtector protector, TimeProvider clock, CatalogAudit audit) =>
                Outcomes.Ok(await CloseAsync(actors.FromContext(ctx), id, request, db, protector, clock, audit, ctx.RequestAborted)))
            .RequirePermission(CatalogPermissions.EntriesRead).WithName("CloseCatalogObjection").WithSummary("确认办结或退回 / Close or reopen").Produces<ObjectionView>();
    }

    internal static async Task<Result<ObjectionView>> AnswerAsync(Actor actor, Guid id, AnswerRequest request, CatalogDbContext db, IFieldProtector protector,
        TimeProvider clock, CatalogAudit audit, CancellationToken ct)
    {
        var o = await db.Objections.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (o is null || !ResourceAccess.CanManage(actor, o.SourceUnitId)) return Outcomes.NotFound<ObjectionView>("异议", "Objection");
        if (string.IsNullOrWhiteSpace(request.Answer) || request.Answer.Length > 2000)
            return Outcomes.Invalid<ObjectionView>("objection.answer_required", "须填写核实结果或更正情况（不超过2000字）", "Give the finding or correction (at most 2000 characters)", "answer");
        if (o.Version != request.Version) return Outcomes.Stale<ObjectionView>(request.Version, o.Version);
        if (o.Status != ObjectionStatus.Open)
            return Outcomes.Conflict<ObjectionView>("objection.not_open", "该异议不在待答复状态", "The objection is not awaiting an answer", "status");
        var now = clock.GetUtcNow();
        o.Status = ObjectionStatus.Answered;
        o.Answer = request.Answer.Trim();
        o.AnsweredBy = actor.SubjectId;
        o.AnsweredAt = now;
        return await SaveAsync(db, o, actor, "catalog.objections.answered", request.Version, protector, now, audit, ct);
    }

    internal static async Task<Result<ObjectionView>> CloseAsync(Actor actor, Guid id, CloseRequest request, CatalogDbContext db, IFieldProtector protector,
        TimeProvider clock, CatalogAudit audit, CancellationToken ct)
    {
        var o = await db.Objections.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (o is null || actor.DepartmentId != o.RaisedByUnitId || !actor.Has(CatalogPermissions.EntriesRead)) return Outcomes.NotFound<ObjectionView>("异议", "Objection");
        if (o.Version != request.Version) return Outcomes.Stale<ObjectionView>(request.Version, o.Version);
        if (o.Status != ObjectionStatus.Answered)
            return Outcomes.Conflict<ObjectionView>("objection.not_answered", "源头单位尚未答复，不能办结", "The source unit has not answered yet", "status");
        if (request.Reopen && string.IsNullOrWhiteSpace(request.Comment))
            return Outcomes.Invalid<ObjectionView>("objection.reopen_reason", "退回须说明理由", "Reopening needs a reason", "comment");
        var now = clock.GetUtcNow();
        o.ClosingComment = request.Comment?.Trim() is { Length: > 0 } c ? c[..Math.Min(1000, c.Length)] : null;
        if (request.Reopen) o.Status = ObjectionStatus.Open;
        else
        {
            o.Status = ObjectionStatus.Closed;
            o.ClosedAt = now;
        }
        return await SaveAsync(db, o, actor, request.Reopen ? "catalog.objections.reopened" : "catalog.objections.closed", request.Version, protector, now, audit, ct);
    }

    private static async Task<Result<ObjectionView>> SaveAsync(CatalogDbContext db, DataObjection o, Actor actor, string action, uint version,
        IFieldProtector protector, DateTimeOffset now, CatalogAudit audit, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcomes.Stale<ObjectionView>(version, version + 1);
        }
        await audit.WriteAsync(action, "catalog_objection", o.Id.ToString(), actor, new { o.Status }, ct);
        return ObjectionView.Of(o, protector, now, actor.DepartmentId);
    }
}
