using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Qilu.Cases.Contracts;
using Qilu.Cases.Data;
using Qilu.Cases.Reading;
using Qilu.Cases.UseCases;
using Qilu.Platform.Auth;
using Qilu.SharedKernel.Actors;
using Qilu.SharedKernel.Results;
using Qilu.Workflow.Contracts;

namespace Qilu.Cases.Handling;

/// <summary>
/// POST /api/cases/{id}/actions/{action}: one step of the lifecycle. Officials of the responsible unit: <c>accept</c>
/// (受理), <c>refuse</c> (不予受理, reason required), <c>request-correction</c> (补正: stops the clock), <c>pass</c>
/// (审查通过), <c>approve</c> / <c>deny</c> (决定; deny needs a reason), <c>deliver</c> (送达), <c>claim</c> (签收 the open task). The applicant:
/// <c>withdraw</c> (撤回, before the decision) and <c>answer-correction</c> (补正 answered: restarts the clock). An
/// action not allowed now answers 409 naming the allowed ones; of two officials acting at once one wins.
/// </summary>
internal static class CaseActions
{
    public sealed record Request(string? Comment, string? Reason, JsonObject? Form);

    private static readonly Dictionary<string, (string Node, string Outcome, string Title)> TaskActions = new(StringComparer.Ordinal)
    {
        ["accept"] = ("accept", "accept", "受理"),
        ["refuse"] = ("accept", "refuse", "不予受理"),
        ["pass"] = ("review", "pass", "审查通过"),
        ["approve"] = ("decide", "approve", "准予许可/办理"),
        ["deny"] = ("decide", "deny", "不予许可/办理"),
        ["deliver"] = ("deliver", "delivered", "送达"),
    };

    public const string RequestCorrection = "request-correction";
    public const string AnswerCorrection = "answer-correction";
    public const string Withdraw = "withdraw";
    public const string Rate = "rate";
    public const string Claim = "claim";

    public static void Map(IEndpointRouteBuilder api) => api.MapPost("/{id:guid}/actions/{action}", async (Guid id, string action, Request? request, HttpContext ctx,
            ActorAccessor actors, CasesDbContext db, IWorkflowEngine engine, CaseLifecycle lifecycle, TimeProvider clock) =>
        {
            var actor = actors.FromContext(ctx);
            var r = await HandleAsync(actor, id, action, request ?? new(null, null, null), db, engine, lifecycle, ctx.RequestAborted);
            return r.IsSuccess ? Outcomes.Ok(await GetCase.HandleAsync(actor, id, db, engine, clock, ctx.RequestAborted)) : Qilu.Platform.Http.Problems.From(r);
        })
        .RequireAuthorization()
        .WithName("ActOnCase").WithSummary("办件操作 / Act on a case").Produces<GetCase.Detail>().ProducesProblem(StatusCodes.Status409Conflict);

    /// <summary>What <paramref name="actor"/> may do with the case now.</summary>
    public static async Task<IReadOnlyList<string>> AllowedAsync(Actor actor, Case c, IWorkflowEngine engine, CancellationToken ct)
    {
        var list = new List<string>();
        if (CaseScope.IsApplicant(actor, c) && actor.Has(CasesPermissions.Apply))
        {
            if (CaseStatuses.IsOpen(c.Status)) list.Add(Withdraw);
            if (c.Status == CaseStatus.CorrectionRequested && c.Kind != CaseKind.Bundle) list.Add(AnswerCorrection);
            if (CaseStatuses.IsDecided(c.Status) || c.Status == CaseStatus.PartiallyConcluded) list.Add(Rate);
        }
        if (CaseScope.IsHandler(actor, c) && c.InstanceId is { } instance && c.Kind != CaseKind.Bundle)
        {
            var tasks = await engine.ListTasksAsync(new TaskQuery { InstanceId = instance }, ct);
            foreach (var task in tasks)
            {
                var allowed = await engine.AllowedTaskActionsAsync(task.Id, actor, ct);
                if (!allowed.IsSuccess || !allowed.Value.Contains(WorkflowActions.Complete)) continue;
                if (allowed.Value.Contains(WorkflowActions.Claim)) list.Add(Claim);
                list.AddRange(TaskActions.Where(a => a.Value.Node == task.NodeId).Select(a => a.Key));
                if (task.NodeId is "accept" or "review") list.Add(RequestCorrection);
            }
        }
        return list;
    }

    internal static async Task<Result<bool>> HandleAsync(Actor actor, Guid id, string action, Request request, CasesDbContext db, IWorkflowEngine engine,
        CaseLifecycle lifecycle, CancellationToken ct)
    {
        if (!actor.IsAuthenticated) return Outcomes.Unauthenticated<bool>();
        var c = await db.Cases.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (c is null) return Outcomes.NotFound<bool>("办件", "Case");
        var children = c.Kind == CaseKind.Bundle ? await db.Cases.AsNoTracking().Where(x => x.ParentId == c.Id).ToListAsync(ct) : [];
        if (!CaseScope.CanRead(actor, c, children)) return Outcomes.NotFound<bool>("办件", "Case");
        var reason = request.Reason?.Trim();
        if (reason is { Length: > 1000 }) return Outcomes.Invalid<bool>("reason.max_length", "理由不能超过1000个字符", "reason must be at most 1000 characters", "reason");
        var comment = request.Comment?.Trim() is { Length: > 0 } cm ? (cm.Length > 1000 ? cm[..1000] : cm) : null;

        if (action == Withdraw) return await WithdrawAsync(actor, c, children, reason, engine, lifecycle, ct);
        if (action == AnswerCorrection) return await AnswerAsync(actor, c, request, db, engine, lifecycle, ct);
        if (!TaskActions.ContainsKey(action) && action is not (RequestCorrection or Claim))
            return Outcomes.Invalid<bool>("action.unknown", $"未知的操作“{action}”", $"Unknown action '{action}'", "action");
        if (Outcomes.Lacks(actor, CasesPermissions.Handle) is { } denied) return Outcomes.Denied<bool>(denied);
        if (!CaseScope.IsHandler(actor, c) || c.InstanceId is null)
            return await RefuseAsync<bool>(actor, c, action, "您不是该办件的承办单位人员", "you are not in the case's responsible unit", engine, ct);
        if (action is "refuse" or "deny" or RequestCorrection && string.IsNullOrWhiteSpace(reason))
            return Outcomes.Invalid<bool>("reason.required", action == RequestCorrection ? "请写明需要补正的内容" : "请写明理由", "A reason is required", "reason");

        if (action == RequestCorrection)
        {
            var allowed = await AllowedAsync(actor, c, engine, ct);
            if (!allowed.Contains(RequestCorrection))
                return CaseConflicts.NotAllowed<bool>(action, "只能在受理或审查环节请求补正", "correction can be requested at acceptance or review only", allowed);
            var suspended = await engine.SuspendAsync(c.InstanceId.Value, SuspensionKind.Correction, reason!, actor, ct: ct);
            if (!suspended.IsSuccess) return await FromEngineAsync<bool>(actor, c, action, suspended.Errors, suspended.Kind, engine, ct);
            var tracked = await db.Cases.SingleAsync(x => x.Id == c.Id, ct);
            tracked.CorrectionNote = reason;
            await db.SaveChangesAsync(ct);
            await lifecycle.RecordAsync(c, "correction_requested", "一次性告知补正", actor, reason, ct);
            await lifecycle.ProjectAsync(c.Id, actor, ct);
            return true;
        }

        if (action == Claim) return await ClaimAsync(actor, c, engine, lifecycle, ct);

        var (node, outcome, title) = TaskActions[action];
        var tasks = await engine.ListTasksAsync(new TaskQuery { InstanceId = c.InstanceId }, ct);
        var task = tasks.FirstOrDefault(t => t.NodeId == node);
        if (task is null) return await RefuseAsync<bool>(actor, c, action, $"办件当前状态为“{CaseStatuses.Zh(c.Status)}”", $"the case is {CaseStatuses.En(c.Status)}", engine, ct);
        var variables = action switch
        {
            "refuse" => new JsonObject { ["refused"] = true, ["reason"] = reason },
            "approve" => new JsonObject { ["decision"] = "approved" },
            "deny" => new JsonObject { ["decision"] = "denied", ["reason"] = reason },
            _ => null,
        };
        var done = await engine.CompleteAsync(task.Id, new TaskCompletion(outcome, variables, comment ?? reason), actor, ct: ct);
        if (!done.IsSuccess) return await FromEngineAsync<bool>(actor, c, action, done.Errors, done.Kind, engine, ct);
        await lifecycle.RecordAsync(c, action, title, actor, reason ?? comment, ct);
        await lifecycle.ProjectAsync(c.Id, actor, ct);
        return true;
    }

    /// <summary>签收: the official takes the case's open task, so colleagues see who handles it; completing does not require it.</summary>
    private static async Task<Result<bool>> ClaimAsync(Actor actor, Case c, IWorkflowEngine engine, CaseLifecycle lifecycle, CancellationToken ct)
    {
        var tasks = await engine.ListTasksAsync(new TaskQuery { InstanceId = c.InstanceId }, ct);
        if (tasks.Count == 0) return await RefuseAsync<bool>(actor, c, Claim, $"办件当前状态为“{CaseStatuses.Zh(c.Status)}”", $"the case is {CaseStatuses.En(c.Status)}", engine, ct);
        var claimed = await engine.ClaimAsync(tasks[0].Id, actor, ct: ct);
        if (!claimed.IsSuccess) return await FromEngineAsync<bool>(actor, c, Claim, claimed.Errors, claimed.Kind, engine, ct);
        await lifecycle.RecordAsync(c, Claim, $"签收（{tasks[0].Name}）", actor, null, ct);
        return true;
    }

    private static async Task<Result<bool>> WithdrawAsync(Actor actor, Case c, IReadOnlyList<Case> children, string? reason,
        IWorkflowEngine engine, CaseLifecycle lifecycle, CancellationToken ct)
    {
        if (!CaseScope.IsApplicant(actor, c)) return await RefuseAsync<bool>(actor, c, Withdraw, "只有申请人可以撤回", "only the applicant can withdraw", engine, ct);
        if (!CaseStatuses.IsOpen(c.Status))
            return CaseConflicts.NotAllowed<bool>(Withdraw, $"办件已{CaseStatuses.Zh(c.Status)}，作出决定后不能撤回", $"the case is {CaseStatuses.En(c.Status)}; no withdrawal after the decision",
                await AllowedAsync(actor, c, engine, ct));
        var targets = c.Kind == CaseKind.Bundle ? children.Where(ch => CaseStatuses.IsOpen(ch.Status)).ToList() : [c];
        foreach (var t in targets)
        {
            if (t.InstanceId is not { } instance) continue;
            var cancelled = await engine.CancelAsync(instance, reason ?? "申请人撤回", actor, ct: ct);
            if (!cancelled.IsSuccess) return await FromEngineAsync<bool>(actor, c, Withdraw, cancelled.Errors, cancelled.Kind, engine, ct);
            await lifecycle.RecordAsync(t, "withdrawn", "申请人撤回", actor, reason, ct);
            await lifecycle.ProjectAsync(t.Id, actor, ct);
        }
        if (c.Kind == CaseKind.Bundle) await lifecycle.RecordAsync(c, "withdrawn", "申请人撤回", actor, reason, ct);
        return true;
    }

    private static async Task<Result<bool>> AnswerAsync(Actor actor, Case c, Request request, CasesDbContext db, IWorkflowEngine engine, CaseLifecycle lifecycle, CancellationToken ct)
    {
        if (!CaseScope.IsApplicant(actor, c)) return await RefuseAsync<bool>(actor, c, AnswerCorrection, "只有申请人可以补正", "only the applicant can answer a correction", engine, ct);
        if (c.Status != CaseStatus.CorrectionRequested || c.InstanceId is null)
            return CaseConflicts.NotAllowed<bool>(AnswerCorrection, "办件不在待补正状态", "no correction is pending", await AllowedAsync(actor, c, engine, ct));
        var answer = new JsonObject { ["correctionAnswer"] = request.Comment ?? "" };
        if (request.Form is { } form)
        {
            var merged = JsonNode.Parse(c.FormJson) as JsonObject ?? [];
            foreach (var (k, v) in form) merged[k] = v?.DeepClone();
            var tracked = await db.Cases.SingleAsync(x => x.Id == c.Id, ct);
            tracked.FormJson = merged.ToJsonString();
            await db.SaveChangesAsync(ct);
            answer["form"] = merged;
        }
        var resumed = await engine.ResumeAsync(c.InstanceId.Value, actor, answer, ct: ct);
        if (!resumed.IsSuccess) return await FromEngineAsync<bool>(actor, c, AnswerCorrection, resumed.Errors, resumed.Kind, engine, ct);
        await lifecycle.RecordAsync(c, "correction_answered", "申请人已补正", actor, request.Comment, ct);
        await lifecycle.ProjectAsync(c.Id, actor, ct);
        return true;
    }

    private static async Task<Result<T>> RefuseAsync<T>(Actor actor, Case c, string action, string zh, string en, IWorkflowEngine engine, CancellationToken ct) =>
        CaseConflicts.NotAllowed<T>(action, zh, en, await AllowedAsync(actor, c, engine, ct));

    /// <summary>An engine refusal (lost race, state moved on) as the case's 409 with the case actions allowed now.</summary>
    private static async Task<Result<T>> FromEngineAsync<T>(Actor actor, Case c, string action, IReadOnlyList<Error> errors, ErrorKind kind, IWorkflowEngine engine, CancellationToken ct)
    {
        if (kind != ErrorKind.Conflict) return Result<T>.Failure(errors, kind);
        return CaseConflicts.NotAllowed<T>(action, errors[0].Message, errors[0].MessageEn, await AllowedAsync(actor, c, engine, ct));
    }
}
