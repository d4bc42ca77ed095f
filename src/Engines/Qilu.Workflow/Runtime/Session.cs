using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Qilu.Platform.Audit;
using Qilu.SharedKernel.Actors;
using Qilu.SharedKernel.Results;
using Qilu.SharedKernel.Time;
using Qilu.Workflow.Contracts;
using Qilu.Workflow.Data;
using Qilu.Workflow.Definitions;
using Qilu.Workflow.Events;

namespace Qilu.Workflow.Runtime;

/// <summary>
/// One transaction of the engine: loads the instances it touches, moves their tokens through the definition, and
/// records history, audit and events. Nothing reaches the database until the engine saves the whole session.
/// </summary>
internal sealed class Session(WorkflowDbContext db, DateTimeOffset now, Actor actor, WorkingCalendar calendar, DefinitionCache definitions,
    IWorkflowRuleEvaluator rules, IWorkflowEventPublisher events)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly Dictionary<Guid, Loaded> _instances = [];

    public WorkflowDbContext Db => db;

    /// <summary>Whether the session loaded or started an instance, i.e. may have something to commit.</summary>
    public bool HasWork => _instances.Count > 0;

    public DateTimeOffset Now => now;

    public Actor Actor => actor;

    public WorkingCalendar Calendar => calendar;

    /// <summary>An instance with its definition, parsed variables, live tasks and active timers.</summary>
    internal sealed class Loaded(ProcessInstance instance, ProcessDefinition definition, JsonObject variables)
    {
        public ProcessInstance Instance { get; } = instance;
        public ProcessDefinition Definition { get; } = definition;
        public JsonObject Variables { get; } = variables;
        public List<WorkTask> Tasks { get; } = [];
        public List<WorkflowTimer> Timers { get; } = [];
    }

    public async Task<Loaded?> LoadAsync(Guid instanceId, CancellationToken ct) => await LoadAsync(instanceId, null, ct);

    /// <summary>
    /// Loads an instance with its tokens, live tasks and active timers; <paramref name="liveTasks"/> are the instance's
    /// live tasks when the caller already read them (<see cref="FindTaskAsync"/>).
    /// </summary>
    private async Task<Loaded?> LoadAsync(Guid instanceId, List<WorkTask>? liveTasks, CancellationToken ct)
    {
        if (_instances.TryGetValue(instanceId, out var loaded)) return loaded;
        var instance = await Queries.For(db).Instance(db, instanceId, ct);
        if (instance is null) return null;
        var definition = await definitions.GetAsync(db, instance.DefinitionId, ct);
        loaded = new Loaded(instance, definition, JsonNode.Parse(instance.Variables) as JsonObject ?? []);
        if (liveTasks is null)
        {
            liveTasks = [];
            await foreach (var t in Queries.For(db).LiveTasks(db, instanceId).WithCancellation(ct)) liveTasks.Add(t);
        }
        loaded.Tasks.AddRange(liveTasks);
        // Timers are created only with a limit clock (Schedule after LimitClock.Start, which sets the budget, never
        // cleared), and a task's timers are cancelled when the task ends: an instance whose own clock and live tasks
        // have no budget has no active timer, so the query is skipped (most steps of a case have no limit of their own).
        if (instance.LimitBudgetTicks is not null || liveTasks.Exists(t => t.LimitBudgetTicks is not null))
            await foreach (var t in Queries.For(db).ActiveTimers(db, instanceId).WithCancellation(ct)) loaded.Timers.Add(t);
        _instances[instanceId] = loaded;
        return loaded;
    }

    /// <summary>
    /// A task and its loaded instance, read with one query for the task and its instance's live tasks (the task
    /// itself is among them, or is returned besides them when it has ended).
    /// </summary>
    public async Task<(WorkTask Task, Loaded Instance)?> FindTaskAsync(Guid taskId, CancellationToken ct)
    {
        WorkTask? task = null;
        var live = new List<WorkTask>();
        await foreach (var t in Queries.For(db).TaskWithLiveSiblings(db, taskId).WithCancellation(ct))
        {
            if (t.Id == taskId) task = t;
            if (t.IsLive) live.Add(t);
        }
        if (task is null) return null;
        var li = _instances.ContainsKey(task.InstanceId) ? await LoadAsync(task.InstanceId, ct) : await LoadAsync(task.InstanceId, live, ct);
        return li is null ? throw new InvalidOperationException($"Instance of task {taskId} is missing.") : (task, li);
    }

    /// <summary>Writes back variables and bumps the version of every instance touched, so concurrent sessions conflict.</summary>
    public void Finish()
    {
        foreach (var li in _instances.Values)
        {
            li.Instance.Variables = li.Variables.ToJsonString();
            // Only the version is forced into the UPDATE (ConcurrencyVersions bumps it and checks the old value), not
            // every column as marking the whole entity Modified would.
            var entry = db.Entry(li.Instance);
            if (entry.State == EntityState.Unchanged) entry.Property(i => i.Version).IsModified = true;
        }
    }

    // ---- instances -------------------------------------------------------------------------------------------

    public async Task<Loaded> StartInstanceAsync(DefinitionRecord record, ProcessDefinition definition, string businessKey, JsonObject variables,
        Guid? parentId, Guid? parentExecutionId, int? itemIndex, CancellationToken ct)
    {
        var instance = new ProcessInstance
        {
            Id = Guid.CreateVersion7(), DefinitionId = record.Id, DefinitionKey = record.Key, DefinitionVersion = record.Version,
            BusinessKey = businessKey, State = InstanceState.Running, StartedAt = now, StartedBy = actor.SubjectId,
            ParentInstanceId = parentId, ParentExecutionId = parentExecutionId, ParentItemIndex = itemIndex,
        };
        var token = new Execution { Id = Guid.CreateVersion7(), InstanceId = instance.Id, NodeId = definition.Start.Id };
        instance.Executions.Add(token);
        db.Instances.Add(instance);
        var li = new Loaded(instance, definition, variables);
        _instances[instance.Id] = li;
        if (definition.TimeLimit is { } limit)
        {
            LimitClock.Start(instance, now, LimitClock.Budget(limit, now, calendar), calendar);
            Schedule(li, instance, null, limit);
        }
        History(li, "instance.started", null, null, new { record.Key, record.Version, businessKey, parent = parentId });
        await EnterAsync(li, token, definition.Start.Id, ct);
        return li;
    }

    private async Task CompleteInstanceAsync(Loaded li, CancellationToken ct)
    {
        var instance = li.Instance;
        instance.State = InstanceState.Completed;
        instance.EndedAt = now;
        instance.DueAt = null;
        instance.LimitRunningSince = null;
        foreach (var t in li.Timers.Where(t => t.State is TimerState.Pending or TimerState.Suspended)) t.State = TimerState.Cancelled;
        History(li, "instance.completed", null, null, null);
        events.Publish(db, new WorkflowInstanceCompleted(instance.Id, instance.DefinitionKey, instance.BusinessKey, instance.ParentInstanceId,
            (JsonObject)li.Variables.DeepClone()) { OccurredAt = now });
        if (instance.ParentInstanceId is not { } parentId) return;
        var parent = await LoadAsync(parentId, ct) ?? throw new InvalidOperationException($"Parent instance {parentId} is missing.");
        var token = parent.Instance.Executions.Single(e => e.Id == instance.ParentExecutionId);
        if (parent.Instance.State is InstanceState.Completed or InstanceState.Cancelled || token.State == ExecutionState.Done) return;
        var node = parent.Definition.Nodes[token.NodeId];
        token.CompletedChildren++;
        if (node.MultiInstance?.OutputCollection is { } output && instance.ParentItemIndex is { } index
            && parent.Variables[output] is JsonArray results && index < results.Count)
            results[index] = li.Variables.DeepClone();
        History(parent, "subprocess.child_completed", node.Id, null, new { child = instance.Id, instance.BusinessKey, done = token.CompletedChildren, of = token.PendingChildren });
        if (token.CompletedChildren >= token.PendingChildren) await LeaveAsync(parent, token, node, null, ct);
    }

    public void Suspend(Loaded li, SuspensionKind kind, string reason)
    {
        var instance = li.Instance;
        instance.State = InstanceState.Suspended;
        instance.Suspension = kind;
        instance.SuspensionReason = reason;
        instance.SuspendedAt = now;
        LimitClock.Pause(instance, now, calendar);
        foreach (var task in li.Tasks) LimitClock.Pause(task, now, calendar);
        foreach (var timer in li.Timers.Where(t => t.State == TimerState.Pending)) timer.State = TimerState.Suspended;
        History(li, "instance.suspended", null, null, new { kind = kind.ToString(), reason });
    }

    public void Resume(Loaded li, JsonObject? variables)
    {
        var instance = li.Instance;
        var stopped = instance.SuspendedAt is { } since ? calendar.WorkingTimeBetween(since, now) : TimeSpan.Zero;
        var kind = instance.Suspension;
        Merge(li, variables);
        instance.State = InstanceState.Running;
        instance.Suspension = null;
        instance.SuspensionReason = null;
        instance.SuspendedAt = null;
        LimitClock.Resume(instance, now, calendar);
        foreach (var task in li.Tasks) LimitClock.Resume(task, now, calendar);
        foreach (var timer in li.Timers.Where(t => t.State == TimerState.Suspended))
        {
            ILimitClock owner = timer.TaskId is { } id ? li.Tasks.First(t => t.Id == id) : instance;
            timer.DueAt = LimitClock.At(owner, timer.Fraction, calendar) ?? now;
            timer.State = TimerState.Pending;
        }
        History(li, "instance.resumed", null, null, new { kind = kind?.ToString(), excludedWorkingHours = Math.Round(stopped.TotalHours, 2) });
    }

    public async Task CancelAsync(Loaded li, string reason, CancellationToken ct)
    {
        var instance = li.Instance;
        instance.State = InstanceState.Cancelled;
        instance.EndedAt = now;
        instance.DueAt = null;
        foreach (var task in li.Tasks.Where(t => t.IsLive))
        {
            task.State = WorkTaskState.Cancelled;
            task.CompletedAt = now;
        }
        foreach (var timer in li.Timers.Where(t => t.State is TimerState.Pending or TimerState.Suspended)) timer.State = TimerState.Cancelled;
        foreach (var e in instance.Executions) e.State = ExecutionState.Done;
        History(li, "instance.cancelled", null, null, new { reason });
        var children = await db.Instances.Where(i => i.ParentInstanceId == instance.Id
            && (i.State == InstanceState.Running || i.State == InstanceState.Suspended)).Select(i => i.Id).ToListAsync(ct);
        foreach (var child in children)
            if (await LoadAsync(child, ct) is { } c) await CancelAsync(c, reason, ct);
    }

    // ---- tasks -----------------------------------------------------------------------------------------------

    public async Task CompleteTaskAsync(Loaded li, WorkTask task, TaskCompletion completion, CancellationToken ct)
    {
        var node = li.Definition.Nodes[task.NodeId];
        Merge(li, completion.Variables);
        task.State = WorkTaskState.Completed;
        task.CompletedAt = now;
        task.CompletedBy = actor.SubjectId;
        task.Outcome = completion.Outcome;
        task.Assignee ??= actor.SubjectId;
        EndTaskClock(li, task);
        events.Publish(db, new WorkflowTaskCompleted(li.Instance.Id, task.Id, task.DefinitionKey, task.BusinessKey, task.NodeId, completion.Outcome, actor.SubjectId) { OccurredAt = now });
        History(li, "task.completed", task.NodeId, task.Id, new { outcome = completion.Outcome, comment = completion.Comment });
        var token = li.Instance.Executions.Single(e => e.Id == task.ExecutionId);
        await LeaveAsync(li, token, node, completion.Outcome, ct);
    }

    public async Task ReturnTaskAsync(Loaded li, WorkTask task, string target, string reason, CancellationToken ct)
    {
        task.State = WorkTaskState.Returned;
        task.CompletedAt = now;
        task.CompletedBy = actor.SubjectId;
        task.Outcome = "returned";
        EndTaskClock(li, task);
        events.Publish(db, new WorkflowTaskCompleted(li.Instance.Id, task.Id, task.DefinitionKey, task.BusinessKey, task.NodeId, "returned", actor.SubjectId) { OccurredAt = now });
        History(li, "task.returned", task.NodeId, task.Id, new { to = target, reason });
        var token = li.Instance.Executions.Single(e => e.Id == task.ExecutionId);
        await EnterAsync(li, token, target, ct);
    }

    /// <summary>Where 退回 would send this task, or null.</summary>
    public static string? ReturnTarget(Loaded li, WorkTask task)
    {
        var node = li.Definition.Nodes[task.NodeId];
        return node.ReturnTo ?? li.Instance.Executions.FirstOrDefault(e => e.Id == task.ExecutionId)?.LastUserTask;
    }

    private static void EndTaskClock(Loaded li, WorkTask task)
    {
        task.LimitRunningSince = null;
        foreach (var timer in li.Timers.Where(t => t.TaskId == task.Id && t.State is TimerState.Pending or TimerState.Suspended))
            timer.State = TimerState.Cancelled;
    }

    public void History(Loaded li, string action, string? nodeId, Guid? taskId, object? details)
    {
        var json = details is null ? null : JsonSerializer.Serialize(details, Json);
        db.PendingHistory.Add(new HistoryEntry
        {
            InstanceId = li.Instance.Id, At = now, Action = action, NodeId = nodeId, TaskId = taskId,
            ActorId = actor.SubjectId, ActorName = actor.DisplayName, Details = json,
        });
        if (!_steps.TryGetValue(li.Instance.Id, out var steps)) _steps[li.Instance.Id] = steps = (li.Instance, []);
        steps.Steps.Add(new AuditStep(action, nodeId, taskId, json));
    }

    private readonly Dictionary<Guid, (ProcessInstance Instance, List<AuditStep> Steps)> _steps = [];

    /// <summary>One step of a transition as the audit record lists it.</summary>
    internal sealed record AuditStep(string Action, string? Node, Guid? Task, string? Details);

    /// <summary>
    /// One audit record per instance the operation changed (ADR 0014): named after its first step (the transition the
    /// caller asked for, e.g. <c>workflow.task.completed</c>) and listing every step that followed from it (the next
    /// task created, a gateway decided, the instance completed), as the history table does row by row.
    /// </summary>
    public IReadOnlyList<AuditEvent> Audits => [.. _steps.Values.Select(s => new AuditEvent("workflow." + s.Steps[0].Action, "workflow_instance",
        s.Instance.Id.ToString(), "success", actor,
        new { definition = s.Instance.DefinitionKey, version = s.Instance.DefinitionVersion, businessKey = s.Instance.BusinessKey, steps = s.Steps }))];

    public void Publish(WorkflowEvent evt) => events.Publish(db, evt);

    // ---- token movement --------------------------------------------------------------------------------------

    private async Task EnterAsync(Loaded li, Execution token, string nodeId, CancellationToken ct)
    {
        var node = li.Definition.Nodes[nodeId];
        token.NodeId = nodeId;
        token.State = ExecutionState.Waiting;
        switch (node.Type)
        {
            case NodeType.Start:
                await LeaveAsync(li, token, node, null, ct);
                break;
            case NodeType.End:
                token.State = ExecutionState.Done;
                if (li.Instance.Executions.All(e => e.State == ExecutionState.Done)) await CompleteInstanceAsync(li, ct);
                break;
            case NodeType.UserTask:
                CreateTask(li, token, node);
                break;
            case NodeType.ServiceTask:
                events.Publish(db, new WorkflowServiceStepReached(li.Instance.Id, li.Instance.DefinitionKey, li.Instance.BusinessKey, node.Id, node.Topic!,
                    (JsonObject)li.Variables.DeepClone()) { OccurredAt = now });
                History(li, "service.reached", node.Id, null, new { topic = node.Topic });
                await LeaveAsync(li, token, node, null, ct);
                break;
            case NodeType.ExclusiveGateway:
                var flow = Decide(li, node);
                History(li, "gateway.decided", node.Id, null, new { to = flow.To, byDefault = flow.IsDefault });
                await EnterAsync(li, token, flow.To, ct);
                break;
            case NodeType.ParallelGateway:
                var incoming = li.Definition.Incoming(node.Id).Count;
                if (incoming > 1)
                {
                    var arrived = li.Instance.Executions.Where(e => e.NodeId == node.Id && e.State == ExecutionState.Waiting).ToList();
                    if (arrived.Count < incoming) return;
                    foreach (var other in arrived.Where(e => e != token)) other.State = ExecutionState.Done;
                    History(li, "gateway.joined", node.Id, null, new { branches = incoming });
                }
                await LeaveAsync(li, token, node, null, ct);
                break;
            case NodeType.CallActivity:
                await CallAsync(li, token, node, ct);
                break;
        }
    }

    private async Task LeaveAsync(Loaded li, Execution token, Node node, string? outcome, CancellationToken ct)
    {
        var outgoing = li.Definition.Outgoing(node.Id);
        if (node.Type == NodeType.UserTask) token.LastUserTask = node.Id;
        if (node.Type == NodeType.ParallelGateway)
        {
            for (var i = 0; i < outgoing.Count; i++)
            {
                var branch = token;
                if (i > 0)
                {
                    branch = new Execution { Id = Guid.CreateVersion7(), InstanceId = li.Instance.Id, NodeId = node.Id, LastUserTask = token.LastUserTask };
                    li.Instance.Executions.Add(branch);
                    db.Executions.Add(branch);
                }
                await EnterAsync(li, branch, outgoing[i].To, ct);
            }
            return;
        }
        var next = node.Type == NodeType.UserTask ? SelectByOutcome(outgoing, outcome) : outgoing[0];
        await EnterAsync(li, token, next.To, ct);
    }

    /// <summary>The outgoing flow for an outcome: the flow naming it, else the one without an outcome.</summary>
    public static Flow SelectByOutcome(IReadOnlyList<Flow> outgoing, string? outcome) =>
        (outcome is null ? null : outgoing.FirstOrDefault(f => f.Outcome == outcome)) ?? outgoing.FirstOrDefault(f => f.Outcome is null)
        ?? throw new WorkflowRuntimeException(new Error("workflow.outcome", $"办理结果必须是以下之一：{string.Join("、", outgoing.Select(f => f.Outcome))}",
            $"The outcome must be one of: {string.Join(", ", outgoing.Select(f => f.Outcome))}", "outcome"), ErrorKind.Validation);

    private Flow Decide(Loaded li, Node node)
    {
        var outgoing = li.Definition.Outgoing(node.Id);
        foreach (var flow in outgoing.Where(f => !f.IsDefault))
            if (Truthy(rules.Evaluate(flow.Condition!, li.Variables))) return flow;
        return outgoing.FirstOrDefault(f => f.IsDefault)
            ?? throw new WorkflowRuntimeException(new Error("workflow.no_flow", $"排他网关“{node.Id}”没有满足条件的出口，也没有默认出口",
                $"No condition of exclusive gateway '{node.Id}' held and it has no default flow"));
    }

    private void CreateTask(Loaded li, Execution token, Node node)
    {
        var a = node.Assignment!;
        var role = Text(a.Role, li) ?? throw new WorkflowRuntimeException(new Error("workflow.assignment.role",
            $"节点“{node.Id}”的办理角色规则没有给出角色", $"The role rule of node '{node.Id}' gave no role"));
        var unitId = Text(a.UnitId, li) is { } u ? Guid.TryParse(u, CultureInfo.InvariantCulture, out var g) ? g
            : throw new WorkflowRuntimeException(new Error("workflow.assignment.unit", $"节点“{node.Id}”的单位规则给出的不是单位 ID：{u}", $"The unit rule of node '{node.Id}' gave no unit id: {u}")) : (Guid?)null;
        var task = new WorkTask
        {
            Id = Guid.CreateVersion7(), InstanceId = li.Instance.Id, ExecutionId = token.Id, DefinitionKey = li.Instance.DefinitionKey,
            BusinessKey = li.Instance.BusinessKey, NodeId = node.Id, Name = node.Name, State = WorkTaskState.Open,
            UnitKind = Text(a.UnitKind, li), DivisionCode = Text(a.Division, li), UnitId = unitId, Role = role,
            CandidateGroups = string.Join('|', node.CandidateGroups), CreatedAt = now,
        };
        li.Instance.DivisionCode ??= task.DivisionCode;
        if (node.TimeLimit is { } limit)
        {
            LimitClock.Start(task, now, LimitClock.Budget(limit, now, calendar), calendar);
            if (li.Instance.State == InstanceState.Suspended) LimitClock.Pause(task, now, calendar);
            Schedule(li, task, task.Id, limit);
        }
        db.Tasks.Add(task);
        li.Tasks.Add(task);
        events.Publish(db, new WorkflowTaskCreated(li.Instance.Id, task.Id, task.DefinitionKey, task.BusinessKey, node.Id, node.Name,
            task.UnitKind, task.DivisionCode, task.UnitId, role, task.DueAt) { OccurredAt = now });
        History(li, "task.created", node.Id, task.Id, new { task.UnitKind, task.DivisionCode, task.UnitId, role, dueAt = task.DueAt });
    }

    private async Task CallAsync(Loaded li, Execution token, Node node, CancellationToken ct)
    {
        var called = await definitions.LatestAsync(db, node.CalledElement!, ct) ?? throw new WorkflowRuntimeException(new Error("workflow.called_missing",
            $"子流程“{node.CalledElement}”未部署", $"The called definition '{node.CalledElement}' is not deployed"));
        List<JsonNode?> items;
        if (node.MultiInstance is { } mi)
        {
            if (li.Variables[mi.Collection] is not JsonArray array)
                throw new WorkflowRuntimeException(new Error("workflow.collection", $"变量“{mi.Collection}”必须是数组（多实例子流程“{node.Id}”）",
                    $"Variable '{mi.Collection}' must be an array (multi-instance call '{node.Id}')", mi.Collection), ErrorKind.Validation);
            items = [.. array];
            if (mi.OutputCollection is { } output) li.Variables[output] = new JsonArray([.. items.Select(_ => (JsonNode?)null)]);
        }
        else items = [null];
        token.PendingChildren = items.Count;
        token.CompletedChildren = 0;
        History(li, "subprocess.started", node.Id, null, new { called = called.Record.Key, version = called.Record.Version, children = items.Count });
        if (items.Count == 0)
        {
            await LeaveAsync(li, token, node, null, ct);
            return;
        }
        for (var i = 0; i < items.Count; i++)
        {
            var vars = (JsonObject)li.Variables.DeepClone();
            if (node.MultiInstance is { } m)
            {
                vars[m.ElementVariable] = items[i]?.DeepClone();
                if (m.OutputCollection is { } output) vars.Remove(output);
            }
            var key = string.Create(CultureInfo.InvariantCulture, $"{li.Instance.BusinessKey}/{node.Id}/{i + 1}");
            await StartInstanceAsync(called.Record, called.Definition, key, vars, li.Instance.Id, token.Id, i, ct);
        }
    }

    // ---- timers ----------------------------------------------------------------------------------------------

    private void Schedule(Loaded li, ILimitClock clock, Guid? taskId, TimeLimit limit)
    {
        void Add(TimerKind kind, double fraction)
        {
            var timer = new WorkflowTimer
            {
                Id = Guid.CreateVersion7(), InstanceId = li.Instance.Id, TaskId = taskId, Kind = kind, Fraction = fraction,
                DueAt = LimitClock.At(clock, fraction, calendar) ?? now,
                State = clock.LimitRunningSince is null ? TimerState.Suspended : TimerState.Pending,
            };
            db.Timers.Add(timer);
            li.Timers.Add(timer);
        }
        if (limit.Yellow is { } y) Add(TimerKind.WarningYellow, y);
        if (limit.Red is { } r) Add(TimerKind.WarningRed, r);
        if (limit.Escalation is { } e) Add(TimerKind.Escalation, e.At);
        Add(TimerKind.Deadline, 1.0);
    }

    /// <summary>Applies a due timer's effect; false when it no longer applies (its task ended).</summary>
    public bool Fire(Loaded li, WorkflowTimer timer)
    {
        timer.FiredAt = now;
        WorkTask? task = null;
        if (timer.TaskId is { } taskId)
        {
            task = li.Tasks.FirstOrDefault(t => t.Id == taskId);
            if (task is null)
            {
                timer.State = TimerState.Cancelled;
                return false;
            }
        }
        timer.State = TimerState.Fired;
        var limit = task is null ? li.Definition.TimeLimit : li.Definition.Nodes[task.NodeId].TimeLimit;
        var level = task?.WarningLevel ?? li.Instance.WarningLevel;
        var division = task?.DivisionCode ?? li.Instance.DivisionCode;
        string? escalatedTo = null;
        switch (timer.Kind)
        {
            case TimerKind.WarningYellow: level = Max(level, WarningLevel.Yellow); break;
            case TimerKind.WarningRed: level = Max(level, WarningLevel.Red); break;
            case TimerKind.Escalation: escalatedTo = Supervising(division, limit?.Escalation?.To ?? EscalationTarget.Parent); break;
            case TimerKind.Deadline:
                level = WarningLevel.Overdue;
                if (limit?.OnDeadline == DeadlineAction.Escalate && (task?.EscalatedToDivision ?? li.Instance.EscalatedToDivision) is null)
                    escalatedTo = Supervising(division, limit.Escalation?.To ?? EscalationTarget.Parent);
                break;
        }
        if (task is not null)
        {
            task.WarningLevel = level;
            if (escalatedTo is not null) task.EscalatedToDivision = escalatedTo;
        }
        else
        {
            li.Instance.WarningLevel = level;
            if (escalatedTo is not null) li.Instance.EscalatedToDivision = escalatedTo;
        }
        events.Publish(db, new WorkflowTimerFired(li.Instance.Id, task?.Id, li.Instance.DefinitionKey, li.Instance.BusinessKey, timer.Kind, timer.DueAt, escalatedTo) { OccurredAt = now });
        History(li, "timer.fired", task?.NodeId, task?.Id, new { kind = timer.Kind.ToString(), dueAt = timer.DueAt, escalatedTo, escalationUnitKind = limit?.Escalation?.UnitKind });
        return true;
    }

    private static WarningLevel Max(WarningLevel a, WarningLevel b) => a > b ? a : b;

    /// <summary>The division of the supervising unit (督办) above <paramref name="division"/> (GB/T 2260 prefix levels).</summary>
    internal static string? Supervising(string? division, EscalationTarget target)
    {
        if (division is null) return null;
        var p = DivisionScope.PrefixOf(division);
        return target switch
        {
            EscalationTarget.Province => p[..Math.Min(2, p.Length)].PadRight(6, '0'),
            EscalationTarget.City => p[..Math.Min(4, p.Length)].PadRight(6, '0'),
            _ => p.Length switch
            {
                > 9 => p[..9],
                > 6 => p[..6],
                > 4 => p[..4].PadRight(6, '0'),
                > 2 => p[..2].PadRight(6, '0'),
                _ => p.PadRight(6, '0'),
            },
        };
    }

    // ---- variables and rules ---------------------------------------------------------------------------------

    public static void Merge(Loaded li, JsonObject? variables)
    {
        if (variables is null) return;
        foreach (var (k, v) in variables) li.Variables[k] = v?.DeepClone();
    }

    private string? Text(JsonNode? value, Loaded li)
    {
        var result = value is JsonObject or JsonArray ? rules.Evaluate(value, li.Variables) : value;
        return result switch
        {
            null => null,
            JsonValue v when v.TryGetValue<string>(out var s) => string.IsNullOrWhiteSpace(s) ? null : s,
            JsonValue v => v.ToJsonString(),
            _ => result.ToJsonString(),
        };
    }

    private static bool Truthy(JsonNode? n) => n switch
    {
        null => false,
        JsonValue v when v.TryGetValue<bool>(out var b) => b,
        JsonValue v when v.TryGetValue<double>(out var d) => d != 0,
        JsonValue v when v.TryGetValue<string>(out var s) => s.Length > 0,
        JsonArray a => a.Count > 0,
        _ => true,
    };
}
