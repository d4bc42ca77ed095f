using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qilu.SharedKernel.Actors;
using Qilu.SharedKernel.Results;
using Qilu.Workflow.Contracts;
using Qilu.Workflow.Data;

namespace Qilu.Workflow.Runtime;

internal sealed partial class WorkflowEngine
{
    public async Task<IReadOnlyList<TaskView>> ListTasksAsync(TaskQuery query, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkflowDbContext>();
        var q = db.Tasks.AsNoTracking();
        q = query.State is { } state ? q.Where(t => t.State == state) : q.Where(t => t.State == WorkTaskState.Open || t.State == WorkTaskState.Claimed);
        if (query.UnitKind is { } kind) q = q.Where(t => t.UnitKind == kind);
        if (query.DivisionCode is { } division) q = q.Where(t => t.DivisionCode == division);
        if (query.UnitId is { } unit) q = q.Where(t => t.UnitId == unit);
        if (query.Role is { } role) q = q.Where(t => t.Role == role);
        if (query.Assignee is { } assignee) q = q.Where(t => t.Assignee == assignee);
        if (query.InstanceId is { } instance) q = q.Where(t => t.InstanceId == instance);
        if (query.EscalatedToDivision is { } escalated) q = q.Where(t => t.EscalatedToDivision == escalated);
        if (query.DueBefore is { } before) q = q.Where(t => t.DueAt != null && t.DueAt <= before);
        if (query.Overdue) q = q.Where(t => t.WarningLevel == WarningLevel.Overdue);
        var rows = await q.OrderBy(t => t.CreatedAt).ThenBy(t => t.Id).Skip(Math.Max(0, query.Skip)).Take(Math.Clamp(query.Take, 1, 500)).ToListAsync(ct);
        return [.. rows.Select(Views.Of)];
    }

    public async Task<Result<TaskView>> GetTaskAsync(Guid taskId, CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkflowDbContext>();
        var task = await db.Tasks.AsNoTracking().SingleOrDefaultAsync(t => t.Id == taskId, ct);
        return task is null ? NotFound<TaskView>("任务", "Task") : Views.Of(task);
    }

    public async Task<Result<IReadOnlyList<string>>> AllowedTaskActionsAsync(Guid taskId, Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await using var scope = scopes.CreateAsyncScope();
        var session = NewSession(scope.ServiceProvider, actor);
        if (await session.FindTaskAsync(taskId, ct) is not { } found) return NotFound<IReadOnlyList<string>>("任务", "Task");
        var (task, li) = found;
        return Result<IReadOnlyList<string>>.Success(AllowedOnTask(li, task, actor));
    }

    public Task<Result<TaskView>> ClaimAsync(Guid taskId, Actor actor, uint? expectedVersion = null, CancellationToken ct = default) =>
        TaskActionAsync(taskId, actor, expectedVersion, WorkflowActions.Claim, (s, li, task, _) =>
        {
            task.State = WorkTaskState.Claimed;
            task.Assignee = actor.SubjectId;
            s.History(li, "task.claimed", task.NodeId, task.Id, null);
            return Task.CompletedTask;
        }, ct);

    public Task<Result<TaskView>> DelegateAsync(Guid taskId, string toUserId, Actor actor, uint? expectedVersion = null, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(toUserId) || toUserId.Length > 64)
            return Task.FromResult(Result<TaskView>.Failure(new Error("required", "必须指定转办对象", "toUserId is required", "toUserId")));
        return TaskActionAsync(taskId, actor, expectedVersion, WorkflowActions.Delegate, (s, li, task, _) =>
        {
            task.State = WorkTaskState.Claimed;
            task.DelegatedBy = actor.SubjectId;
            task.Assignee = toUserId;
            s.History(li, "task.delegated", task.NodeId, task.Id, new { to = toUserId });
            return Task.CompletedTask;
        }, ct);
    }

    public Task<Result<TaskView>> CompleteAsync(Guid taskId, TaskCompletion completion, Actor actor, uint? expectedVersion = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(completion);
        return TaskActionAsync(taskId, actor, expectedVersion, WorkflowActions.Complete,
            (s, li, task, ct) => s.CompleteTaskAsync(li, task, completion, ct), ct);
    }

    public Task<Result<TaskView>> ReturnAsync(Guid taskId, string reason, Actor actor, uint? expectedVersion = null, CancellationToken ct = default) =>
        TaskActionAsync(taskId, actor, expectedVersion, WorkflowActions.Return,
            (s, li, task, ct) => s.ReturnTaskAsync(li, task, Session.ReturnTarget(li, task)!, reason ?? "", ct), ct);

    private Task<Result<TaskView>> TaskActionAsync(Guid taskId, Actor actor, uint? expectedVersion, string action,
        Func<Session, Session.Loaded, WorkTask, CancellationToken, Task> apply, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return MutateAsync<TaskView>(actor, async (s, ct) =>
        {
            if (await s.FindTaskAsync(taskId, ct) is not { } found) return NotFound<Func<TaskView>>("任务", "Task");
            var (task, li) = found;
            var allowed = AllowedOnTask(li, task, actor);
            if (expectedVersion is { } v && v != task.Version) return Stale<Func<TaskView>>(action, allowed);
            if (!allowed.Contains(action))
            {
                var (zh, en) = WhyNot(li, task, actor);
                return NotAllowed<Func<TaskView>>(action, zh, en, allowed);
            }
            await apply(s, li, task, ct);
            return Result<Func<TaskView>>.Success(() => Views.Of(task));
        }, ct);
    }

    /// <summary>What the actor may do with the task now.</summary>
    internal static IReadOnlyList<string> AllowedOnTask(Session.Loaded li, WorkTask task, Actor actor)
    {
        var list = new List<string>();
        if (li.Instance.State != InstanceState.Running || !task.IsLive) return list;
        var mine = task.State == WorkTaskState.Claimed && task.Assignee == actor.SubjectId;
        var candidate = task.State == WorkTaskState.Open && IsCandidate(actor, task);
        if (candidate) list.Add(WorkflowActions.Claim);
        if (mine || candidate)
        {
            list.Add(WorkflowActions.Complete);
            list.Add(WorkflowActions.Delegate);
            if (Session.ReturnTarget(li, task) is not null) list.Add(WorkflowActions.Return);
        }
        return list;
    }

    /// <summary>
    /// A candidate holds the task's role (or one of its candidate groups) in its unit: the unit itself when the
    /// assignment names one, else the same division.
    /// </summary>
    internal static bool IsCandidate(Actor actor, WorkTask task)
    {
        if (actor.Kind != ActorKind.Official) return false;
        if (!actor.Roles.Contains(task.Role) && !task.Groups.Any(actor.Roles.Contains)) return false;
        if (task.UnitId is { } unit) return actor.DepartmentId == unit;
        return task.DivisionCode is null || actor.DivisionCode == task.DivisionCode;
    }

    private static (string Zh, string En) WhyNot(Session.Loaded li, WorkTask task, Actor actor)
    {
        if (li.Instance.State == InstanceState.Suspended) return ("流程已挂起（计时暂停）", "the instance is suspended (clock stopped)");
        if (li.Instance.State is InstanceState.Completed or InstanceState.Cancelled) return ("流程已结束", "the instance has ended");
        if (task.State == WorkTaskState.Completed) return ("任务已办结", "the task is already completed");
        if (task.State is WorkTaskState.Returned or WorkTaskState.Cancelled) return ("任务已结束", "the task has ended");
        if (task.State == WorkTaskState.Claimed && task.Assignee != actor.SubjectId) return ("任务已由他人签收", "another official has claimed the task");
        if (!IsCandidate(actor, task)) return ("您不在该任务的办理单位或角色中", "you are not in the task's unit and role");
        return ("没有可退回的上一步", "there is no earlier step to return to");
    }
}
