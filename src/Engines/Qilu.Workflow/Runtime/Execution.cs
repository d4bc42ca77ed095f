namespace Qilu.Workflow.Runtime;

/// <summary>State of a token.</summary>
internal enum ExecutionState
{
    /// <summary>Waiting at a user task, a join or a call activity.</summary>
    Waiting = 0,
    /// <summary>Consumed (reached an end, merged at a join, or cancelled).</summary>
    Done = 1,
}

/// <summary>
/// A token: where one branch of an instance stands. A parallel split creates one per branch; a join waits until one
/// has arrived on every incoming flow.
/// </summary>
internal sealed class Execution
{
    public Guid Id { get; set; }
    public Guid InstanceId { get; set; }
    public string NodeId { get; set; } = "";
    public ExecutionState State { get; set; }
    /// <summary>The last user task this token left (target of 退回).</summary>
    public string? LastUserTask { get; set; }
    /// <summary>Child instances started by a call activity, and how many have completed.</summary>
    public int PendingChildren { get; set; }
    public int CompletedChildren { get; set; }
}
