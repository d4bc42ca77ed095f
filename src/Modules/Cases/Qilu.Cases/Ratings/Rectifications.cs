using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Qilu.Cases.Contracts;
using Qilu.Cases.Data;
using Qilu.Cases.UseCases;
using Qilu.Cases.Workflow;
using Qilu.Platform.Audit;
using Qilu.Platform.Auth;
using Qilu.SharedKernel.Actors;
using Qilu.SharedKernel.Results;
using Qilu.Workflow.Contracts;

namespace Qilu.Cases.Ratings;

/// <summary>
/// 差评整改: the unit replies (and records the call-back) — POST /api/cases/rectifications/{id}/reply; the applicant
/// accepts the reply or appeals it (申诉) — POST .../accept, POST .../appeal, which opens a new 15-working-day round;
/// GET /api/cases/rectifications lists the unit's rectifications (open first) with the case and the rating that opened each.
/// </summary>
internal static class Rectifications
{
    public sealed record ReplyRequest(string? Reply, string? CallbackNote);

    public sealed record AppealRequest(string? Appeal);

    public sealed record View(Guid Id, Guid CaseId, string Status, int Round, DateTimeOffset OpenedAt, DateTimeOffset? DueAt, string? Reply, string? CallbackNote, string? Appeal);

    /// <summary>A rectification (the <see cref="View"/> fields) with its case and the rating that opened it, for the unit's 整改 list.</summary>
    public sealed record Item(Guid Id, Guid CaseId, string Status, int Round, DateTimeOffset OpenedAt, DateTimeOffset? DueAt, string? Reply, string? CallbackNote,
        string? Appeal, string CaseNumber, string CaseTitle, int Level, string LevelName, string? Comment, DateTimeOffset RatedAt);

    /// <summary>The unit's rectifications, open ones (by deadline) first.</summary>
    internal static async Task<Result<IReadOnlyList<Item>>> ListAsync(Actor actor, CasesDbContext db, CancellationToken ct)
    {
        if (Outcomes.Lacks(actor, CasesPermissions.Handle) is { } denied) return Outcomes.Denied<IReadOnlyList<Item>>(denied);
        if (actor.DepartmentId is not { } unit) return Result<IReadOnlyList<Item>>.Success([]);
        var rows = await (from r in db.Rectifications.AsNoTracking().Where(r => r.UnitId == unit)
                          join g in db.Ratings.AsNoTracking() on r.RatingId equals g.Id
                          join c in db.Cases.AsNoTracking() on r.CaseId equals c.Id
                          select new { r, g.Level, g.Comment, g.RatedAt, c.Number, c.Title }).Take(500).ToListAsync(ct);
        return Result<IReadOnlyList<Item>>.Success([.. rows
            .OrderBy(x => x.r.Status is RectificationStatus.Closed or RectificationStatus.Replied).ThenBy(x => x.r.DueAt)
            .Select(x => new Item(x.r.Id, x.r.CaseId, x.r.Status.ToString().ToLowerInvariant(), x.r.Round, x.r.OpenedAt, x.r.DueAt, x.r.Reply, x.r.CallbackNote,
                x.r.Appeal, x.Number, x.Title, x.Level, RateCase.LevelNames[x.Level], x.Comment, x.RatedAt))]);
    }

    /// <summary>The applicant accepts the unit's reply; the rectification closes.</summary>
    internal static async Task<Result<View>> AcceptAsync(Actor actor, Guid id, CasesDbContext db, IAuditWriter audit, CancellationToken ct)
    {
        var r = await db.Rectifications.SingleOrDefaultAsync(x => x.Id == id, ct);
        var c = r is null ? null : await db.Cases.AsNoTracking().SingleAsync(x => x.Id == r.CaseId, ct);
        if (r is null || c!.ApplicantId != actor.SubjectId) return Outcomes.NotFound<View>("整改任务", "Rectification");
        if (r.Status != RectificationStatus.Replied) return CaseConflicts.NotAllowed<View>("accept", "单位尚未答复", "the unit has not replied yet", []);
        r.Status = RectificationStatus.Closed;
        await db.SaveChangesAsync(ct);
        await audit.WriteAsync(new AuditEvent("cases.rectification.accepted", "rectification", r.Id.ToString(), "success", actor), ct);
        return ViewOf(r);
    }

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/rectifications", async (HttpContext ctx, ActorAccessor actors, CasesDbContext db) =>
                Outcomes.Ok(await ListAsync(actors.FromContext(ctx), db, ctx.RequestAborted)))
            .RequirePermission(CasesPermissions.Handle).WithName("ListRectifications").WithSummary("差评整改任务 / My unit's rectifications");
        api.MapPost("/rectifications/{id:guid}/reply", async (Guid id, ReplyRequest request, HttpContext ctx, ActorAccessor actors, CasesDbContext db, IWorkflowEngine engine,
                IAuditWriter audit, TimeProvider clock) => Outcomes.Ok(await ReplyAsync(actors.FromContext(ctx), id, request, db, engine, audit, clock, ctx.RequestAborted)))
            .RequirePermission(CasesPermissions.Handle).WithName("ReplyRectification").WithSummary("整改答复 / Reply to a bad rating");
        api.MapPost("/rectifications/{id:guid}/appeal", async (Guid id, AppealRequest request, HttpContext ctx, ActorAccessor actors, CasesDbContext db,
                IWorkflowEngine engine, CaseDefinitions definitions, IAuditWriter audit, TimeProvider clock) =>
                Outcomes.Ok(await AppealAsync(actors.FromContext(ctx), id, request, db, engine, definitions, audit, clock, ctx.RequestAborted)))
            .RequirePermission(CasesPermissions.Apply).WithName("AppealRectification").WithSummary("申诉整改答复 / Appeal a rectification reply");
        api.MapPost("/rectifications/{id:guid}/accept", async (Guid id, HttpContext ctx, ActorAccessor actors, CasesDbContext db, IAuditWriter audit) =>
                Outcomes.Ok(await AcceptAsync(actors.FromContext(ctx), id, db, audit, ctx.RequestAborted)))
            .RequirePermission(CasesPermissions.Apply).WithName("AcceptRectification").WithSummary("认可整改答复 / Accept the reply");
    }

    public static View ViewOf(Rectification r) => new(r.Id, r.CaseId, r.Status.ToString().ToLowerInvariant(), r.Round, r.OpenedAt, r.DueAt, r.Reply, r.CallbackNote, r.Appeal);

    /// <summary>Starts a round's workflow task for the unit (15 working days) and stores its deadline.</summary>
    public static async Task<DateTimeOffset?> StartRoundAsync(Rectification r, string caseNumber, CasesDbContext db, IWorkflowEngine engine, CaseDefinitions definitions,
        Actor actor, CancellationToken ct)
    {
        var deployed = await definitions.EnsureRectificationAsync(ct);
        if (!deployed.IsSuccess) throw new InvalidOperationException(string.Join("; ", deployed.Errors));
        var started = await engine.StartAsync(CaseDefinitions.RectificationKey, $"{caseNumber}/rating/{r.Round}",
            new JsonObject { ["unitId"] = r.UnitId.ToString(), ["unitDivision"] = r.DivisionCode, ["rectificationId"] = r.Id.ToString() }, actor, ct);
        if (!started.IsSuccess) throw new InvalidOperationException(string.Join("; ", started.Errors));
        var task = await engine.ListTasksAsync(new TaskQuery { InstanceId = started.Value.Id }, ct) is [var first, ..] ? first : null;
        var tracked = await db.Rectifications.SingleAsync(x => x.Id == r.Id, ct);
        tracked.InstanceId = started.Value.Id;
        tracked.DueAt = task?.DueAt;
        r.InstanceId = tracked.InstanceId;
        r.DueAt = tracked.DueAt;
        return r.DueAt;
    }

    internal static async Task<Result<View>> ReplyAsync(Actor actor, Guid id, ReplyRequest request, CasesDbContext db, IWorkflowEngine engine, IAuditWriter audit,
        TimeProvider clock, CancellationToken ct)
    {
        var r = await db.Rectifications.SingleOrDefaultAsync(x => x.Id == id, ct);
        if (r is null || actor.DepartmentId != r.UnitId) return Outcomes.NotFound<View>("整改任务", "Rectification");
        if (string.IsNullOrWhiteSpace(request.Reply) || request.Reply.Length > 2000)
            return Outcomes.Invalid<View>("reply.required", "请填写整改答复（不超过2000字）", "reply is required (at most 2000 characters)", "reply");
        if (r.Status is not (RectificationStatus.Open or RectificationStatus.Appealed) || r.InstanceId is null)
            return CaseConflicts.NotAllowed<View>("reply", "该整改已答复", "the rectification was already answered", []);
        var task = await engine.ListTasksAsync(new TaskQuery { InstanceId = r.InstanceId }, ct) is [var first, ..] ? first : null;
        if (task is null) return CaseConflicts.NotAllowed<View>("reply", "整改任务已结束", "the rectification task has ended", []);
        var done = await engine.CompleteAsync(task.Id, new TaskCompletion("replied", null, request.Reply), actor, ct: ct);
        if (!done.IsSuccess) return Result<View>.Failure(done.Errors, done.Kind);
        r.Status = RectificationStatus.Replied;
        r.Reply = request.Reply.Trim();
        r.CallbackNote = request.CallbackNote?.Trim() is { Length: > 0 and <= 1000 } n ? n : null;
        r.RepliedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        await audit.WriteAsync(new AuditEvent("cases.rectification.replied", "rectification", r.Id.ToString(), "success", actor), ct);
        return ViewOf(r);
    }

    internal static async Task<Result<View>> AppealAsync(Actor actor, Guid id, AppealRequest request, CasesDbContext db, IWorkflowEngine engine, CaseDefinitions definitions,
        IAuditWriter audit, TimeProvider clock, CancellationToken ct)
    {
        var r = await db.Rectifications.SingleOrDefaultAsync(x => x.Id == id, ct);
        var c = r is null ? null : await db.Cases.AsNoTracking().SingleAsync(x => x.Id == r.CaseId, ct);
        if (r is null || c!.ApplicantId != actor.SubjectId) return Outcomes.NotFound<View>("整改任务", "Rectification");
        if (string.IsNullOrWhiteSpace(request.Appeal) || request.Appeal.Length > 1000)
            return Outcomes.Invalid<View>("appeal.required", "请说明申诉理由（不超过1000字）", "appeal is required (at most 1000 characters)", "appeal");
        if (r.Status != RectificationStatus.Replied) return CaseConflicts.NotAllowed<View>("appeal", "单位答复后才能申诉", "appeal after the unit's reply", []);
        r.Status = RectificationStatus.Appealed;
        r.Appeal = request.Appeal.Trim();
        r.AppealedAt = clock.GetUtcNow();
        r.Round++;
        await db.SaveChangesAsync(ct);
        await StartRoundAsync(r, c.Number, db, engine, definitions, actor, ct);
        await db.SaveChangesAsync(ct);
        await audit.WriteAsync(new AuditEvent("cases.rectification.appealed", "rectification", r.Id.ToString(), "success", actor), ct);
        return ViewOf(r);
    }
}
