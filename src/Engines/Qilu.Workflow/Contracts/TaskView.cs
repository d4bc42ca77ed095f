namespace Qilu.Workflow.Contracts;

/// <summary>A user task (待办) as callers see it.</summary>
/// <param name="Id">Task id.</param>
/// <param name="InstanceId">Its instance.</param>
/// <param name="BusinessKey">Business key of the instance.</param>
/// <param name="DefinitionKey">Definition key of the instance.</param>
/// <param name="NodeId">Node of the definition.</param>
/// <param name="Name">Step name (受理, 审查, 决定 …).</param>
/// <param name="State">State.</param>
/// <param name="UnitKind">Kind of unit responsible (<c>market</c>, <c>public_security</c> …).</param>
/// <param name="DivisionCode">Division of the responsible unit.</param>
/// <param name="UnitId">The responsible unit when the assignment names one.</param>
/// <param name="Role">Role whose holders in that unit may claim it.</param>
/// <param name="CandidateGroups">Further candidate groups.</param>
/// <param name="Assignee">Official who claimed it or to whom it was delegated.</param>
/// <param name="DelegatedBy">Who delegated it, if delegated.</param>
/// <param name="CreatedAt">Created (UTC).</param>
/// <param name="DueAt">Deadline of the task limit, null while suspended or without a limit.</param>
/// <param name="WarningLevel">Warning level.</param>
/// <param name="EscalatedToDivision">Division of the supervising unit after escalation (督办).</param>
/// <param name="Outcome">Outcome when completed.</param>
/// <param name="CompletedAt">When completed (UTC).</param>
/// <param name="Version">Concurrency version: pass it back as <c>expectedVersion</c>.</param>
public sealed record TaskView(Guid Id, Guid InstanceId, string BusinessKey, string DefinitionKey, string NodeId, string Name, WorkTaskState State,
    string? UnitKind, string? DivisionCode, Guid? UnitId, string Role, IReadOnlyList<string> CandidateGroups, string? Assignee, string? DelegatedBy,
    DateTimeOffset CreatedAt, DateTimeOffset? DueAt, WarningLevel WarningLevel, string? EscalatedToDivision, string? Outcome,
    DateTimeOffset? CompletedAt, uint Version);
