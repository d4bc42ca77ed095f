using Qilu.Workflow.Contracts;

namespace Qilu.Workflow.Runtime;

/// <summary>A running (or ended) process instance, pinned to one definition version.</summary>
internal sealed class ProcessInstance : ILimitClock
{
    public Guid Id { get; set; }
    public Guid DefinitionId { get; set; }
    public string DefinitionKey { get; set; } = "";
    public int DefinitionVersion { get; set; }
    public string BusinessKey { get; set; } = "";
    public InstanceState State { get; set; }
    public string Variables { get; set; } = "{}";
    public Guid? ParentInstanceId { get; set; }
    public Guid? ParentExecutionId { get; set; }
    /// <summary>Index of this child in its parent's multi-instance collection.</summary>
    public int? ParentItemIndex { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public string StartedBy { get; set; } = "";
    public DateTimeOffset? EndedAt { get; set; }
    public SuspensionKind? Suspension { get; set; }
    public string? SuspensionReason { get; set; }
    public DateTimeOffset? SuspendedAt { get; set; }
    public long? LimitBudgetTicks { get; set; }
    public long LimitConsumedTicks { get; set; }
    public DateTimeOffset? LimitRunningSince { get; set; }
    public DateTimeOffset? DueAt { get; set; }
    public WarningLevel WarningLevel { get; set; }
    public string? EscalatedToDivision { get; set; }
    /// <summary>Division the process limit escalates from (the first task's unit).</summary>
    public string? DivisionCode { get; set; }
    public uint Version { get; set; }
    public List<Execution> Executions { get; set; } = [];
}
