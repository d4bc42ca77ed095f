namespace Qilu.Workflow.Contracts;

/// <summary>A filter over user tasks; null members do not filter.</summary>
public sealed record TaskQuery
{
    /// <summary>Unit kind of the responsible unit.</summary>
    public string? UnitKind { get; init; }
    /// <summary>Division of the responsible unit (exact).</summary>
    public string? DivisionCode { get; init; }
    /// <summary>Responsible unit id.</summary>
    public Guid? UnitId { get; init; }
    /// <summary>Role.</summary>
    public string? Role { get; init; }
    /// <summary>Assignee (claimed by or delegated to).</summary>
    public string? Assignee { get; init; }
    /// <summary>State; null means open or claimed (live tasks).</summary>
    public WorkTaskState? State { get; init; }
    /// <summary>Only tasks of this instance.</summary>
    public Guid? InstanceId { get; init; }
    /// <summary>Only tasks escalated to this division (督办 view).</summary>
    public string? EscalatedToDivision { get; init; }
    /// <summary>Due soon: deadline before this instant (and not yet passed unless <see cref="Overdue"/>).</summary>
    public DateTimeOffset? DueBefore { get; init; }
    /// <summary>Only overdue tasks.</summary>
    public bool Overdue { get; init; }
    /// <summary>Page size (1–500).</summary>
    public int Take { get; init; } = 100;
    /// <summary>Rows to skip.</summary>
    public int Skip { get; init; }
}
