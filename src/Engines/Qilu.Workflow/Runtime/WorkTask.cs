using Qilu.Workflow.Contracts;

namespace Qilu.Workflow.Runtime;

/// <summary>A user task (待办) waiting for an official of a unit and role.</summary>
internal sealed class WorkTask : ILimitClock
{
    public Guid Id { get; set; }
    public Guid InstanceId { get; set; }
    public Guid ExecutionId { get; set; }
    public string DefinitionKey { get; set; } = "";
    public string BusinessKey { get; set; } = "";
    public string NodeId { get; set; } = "";
    public string Name { get; set; } = "";
    public WorkTaskState State { get; set; }
    public string? UnitKind { get; set; }
    public string? DivisionCode { get; set; }
    public Guid? UnitId { get; set; }
    public string Role { get; set; } = "";
    /// <summary>Candidate groups, separated by '|'.</summary>
    public string CandidateGroups { get; set; } = "";
    public string? Assignee { get; set; }
    public string? DelegatedBy { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
    public string? CompletedBy { get; set; }
    public string? Outcome { get; set; }
    public long? LimitBudgetTicks { get; set; }
    public long LimitConsumedTicks { get; set; }
    public DateTimeOffset? LimitRunningSince { get; set; }
    public DateTimeOffset? DueAt { get; set; }
    public WarningLevel WarningLevel { get; set; }
    public string? EscalatedToDivision { get; set; }
    public uint Version { get; set; }

    public bool IsLive => State is WorkTaskState.Open or WorkTaskState.Claimed;

    public IReadOnlyList<string> Groups => CandidateGroups.Length == 0 ? [] : CandidateGroups.Split('|');
}
