using System.Text.Json.Nodes;

namespace Qilu.Workflow.Contracts;

/// <summary>
/// Base of the workflow engine's integration events, published in the same transaction as the change they report.
/// </summary>
public abstract record WorkflowEvent
{
    /// <summary>Unique id (consumers deduplicate on it).</summary>
    public Guid EventId { get; init; } = Guid.CreateVersion7();

    /// <summary>When the change happened (UTC).</summary>
    public DateTimeOffset OccurredAt { get; init; }
}

/// <summary>A user task was created (a 待办 appeared in a unit's list).</summary>
public sealed record WorkflowTaskCreated(Guid InstanceId, Guid TaskId, string DefinitionKey, string BusinessKey, string NodeId, string Name,
    string? UnitKind, string? DivisionCode, Guid? UnitId, string Role, DateTimeOffset? DueAt) : WorkflowEvent;

/// <summary>A user task ended: completed with an outcome, or returned (Outcome <c>returned</c>).</summary>
public sealed record WorkflowTaskCompleted(Guid InstanceId, Guid TaskId, string DefinitionKey, string BusinessKey, string NodeId,
    string? Outcome, string CompletedBy) : WorkflowEvent;

/// <summary>A service step was reached: the module subscribed to <paramref name="Topic"/> does the work.</summary>
public sealed record WorkflowServiceStepReached(Guid InstanceId, string DefinitionKey, string BusinessKey, string NodeId, string Topic,
    JsonObject Variables) : WorkflowEvent;

/// <summary>A timer fired: a warning (yellow/red), an escalation to the supervising unit (督办), or a deadline.</summary>
public sealed record WorkflowTimerFired(Guid InstanceId, Guid? TaskId, string DefinitionKey, string BusinessKey, TimerKind Kind,
    DateTimeOffset DueAt, string? EscalatedToDivision) : WorkflowEvent;

/// <summary>An instance reached its end.</summary>
public sealed record WorkflowInstanceCompleted(Guid InstanceId, string DefinitionKey, string BusinessKey, Guid? ParentInstanceId,
    JsonObject Variables) : WorkflowEvent;
