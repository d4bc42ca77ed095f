using System.Text.Json.Nodes;
using Qilu.SharedKernel.Actors;
using Qilu.SharedKernel.Results;

namespace Qilu.Workflow.Contracts;

/// <summary>
/// The workflow engine as modules use it (Cases, Hotline …). Every change is one database transaction on the
/// instance (optimistic concurrency), writes a history entry and an audit entry, and publishes its events in the same
/// transaction. An action that the current state does not allow fails with <see cref="ErrorKind.Conflict"/>: the
/// first error says why, the following ones (code <see cref="WorkflowActions.AllowedCode"/>) name the actions that
/// are allowed now. A stale <c>expectedVersion</c> fails the same way.
/// </summary>
public interface IWorkflowEngine
{
    /// <summary>Checks a definition document; errors carry the JSON path of the problem in <c>Field</c>.</summary>
    Task<IReadOnlyList<Error>> ValidateAsync(string definitionJson, CancellationToken ct = default);

    /// <summary>Validates and deploys a definition as the next version of its key (an unchanged document is not redeployed).</summary>
    Task<Result<DefinitionSummary>> DeployAsync(string definitionJson, Actor actor, CancellationToken ct = default);

    /// <summary>Deployed versions, latest first; all keys when <paramref name="key"/> is null (latest version of each).</summary>
    Task<IReadOnlyList<DefinitionSummary>> ListDefinitionsAsync(string? key = null, CancellationToken ct = default);

    /// <summary>
    /// Starts an instance of the latest version of <paramref name="definitionKey"/>. Idempotent per
    /// (definition key, business key): a second start returns the existing instance with <c>AlreadyExisted</c>.
    /// </summary>
    Task<Result<InstanceView>> StartAsync(string definitionKey, string businessKey, JsonObject variables, Actor starter, CancellationToken ct = default);

    /// <summary>An instance, or NotFound.</summary>
    Task<Result<InstanceView>> GetInstanceAsync(Guid instanceId, CancellationToken ct = default);

    /// <summary>Child instances of a sub-process step (one per item of a multi-instance call).</summary>
    Task<IReadOnlyList<InstanceView>> ListChildrenAsync(Guid instanceId, CancellationToken ct = default);

    /// <summary>The instance's timeline, oldest first.</summary>
    Task<IReadOnlyList<HistoryItem>> GetHistoryAsync(Guid instanceId, CancellationToken ct = default);

    /// <summary>User tasks matching the query, oldest first.</summary>
    Task<IReadOnlyList<TaskView>> ListTasksAsync(TaskQuery query, CancellationToken ct = default);

    /// <summary>A task, or NotFound.</summary>
    Task<Result<TaskView>> GetTaskAsync(Guid taskId, CancellationToken ct = default);

    /// <summary>What <paramref name="actor"/> may do with the task now.</summary>
    Task<Result<IReadOnlyList<string>>> AllowedTaskActionsAsync(Guid taskId, Actor actor, CancellationToken ct = default);

    /// <summary>What <paramref name="actor"/> may do with the instance now (suspend, resume, cancel).</summary>
    Task<Result<IReadOnlyList<string>>> AllowedInstanceActionsAsync(Guid instanceId, Actor actor, CancellationToken ct = default);

    /// <summary>签收: the actor (holding the task's role in its unit) takes the task.</summary>
    Task<Result<TaskView>> ClaimAsync(Guid taskId, Actor actor, uint? expectedVersion = null, CancellationToken ct = default);

    /// <summary>转办: the assignee (or a candidate, for an open task) hands the task to another official.</summary>
    Task<Result<TaskView>> DelegateAsync(Guid taskId, string toUserId, Actor actor, uint? expectedVersion = null, CancellationToken ct = default);

    /// <summary>办理: completes the task (claiming it first when open) and moves the instance on.</summary>
    Task<Result<TaskView>> CompleteAsync(Guid taskId, TaskCompletion completion, Actor actor, uint? expectedVersion = null, CancellationToken ct = default);

    /// <summary>退回: ends the task and re-creates the previous user step (or the node's <c>returnTo</c>).</summary>
    Task<Result<TaskView>> ReturnAsync(Guid taskId, string reason, Actor actor, uint? expectedVersion = null, CancellationToken ct = default);

    /// <summary>Stops the clock of the instance and of its open tasks (补正 or 特殊环节); tasks cannot be acted on meanwhile.</summary>
    Task<Result<InstanceView>> SuspendAsync(Guid instanceId, SuspensionKind kind, string reason, Actor actor, uint? expectedVersion = null, CancellationToken ct = default);

    /// <summary>Restarts the clock; deadlines move by the working time spent suspended. Variables (the applicant's answer) are merged.</summary>
    Task<Result<InstanceView>> ResumeAsync(Guid instanceId, Actor actor, JsonObject? variables = null, uint? expectedVersion = null, CancellationToken ct = default);

    /// <summary>Ends the instance, its open tasks, its timers and its running child instances.</summary>
    Task<Result<InstanceView>> CancelAsync(Guid instanceId, string reason, Actor actor, uint? expectedVersion = null, CancellationToken ct = default);
}
