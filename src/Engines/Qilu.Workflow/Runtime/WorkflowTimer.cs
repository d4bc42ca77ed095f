using Qilu.Workflow.Contracts;

namespace Qilu.Workflow.Runtime;

/// <summary>State of a durable timer.</summary>
internal enum TimerState
{
    /// <summary>Will fire at <see cref="WorkflowTimer.DueAt"/>.</summary>
    Pending = 0,
    /// <summary>Clock stopped (suspension); rescheduled on resume.</summary>
    Suspended = 1,
    /// <summary>Fired, in the same transaction as its effect.</summary>
    Fired = 2,
    /// <summary>Its task or instance ended first.</summary>
    Cancelled = 3,
}

/// <summary>
/// A durable timer row. The runner claims a due row and applies its effect in one transaction (PostgreSQL: row lock
/// with SKIP LOCKED; both: the instance's concurrency token), so a timer fires once, even across restarts and nodes.
/// </summary>
internal sealed class WorkflowTimer
{
    public Guid Id { get; set; }
    public Guid InstanceId { get; set; }
    /// <summary>The task whose limit this is; null for the process limit.</summary>
    public Guid? TaskId { get; set; }
    public TimerKind Kind { get; set; }
    /// <summary>Share of the budget at which it fires (0.7, 0.9, 1.0).</summary>
    public double Fraction { get; set; }
    public DateTimeOffset DueAt { get; set; }
    public TimerState State { get; set; }
    public DateTimeOffset? FiredAt { get; set; }
}
