namespace Qilu.Workflow.Contracts;

/// <summary>One transition in an instance's timeline.</summary>
/// <param name="At">When (UTC).</param>
/// <param name="Action">What happened (<c>task.completed</c>, <c>timer.warning</c>, <c>instance.suspended</c> …).</param>
/// <param name="NodeId">Node concerned.</param>
/// <param name="TaskId">Task concerned.</param>
/// <param name="ActorId">Who acted (<c>system:timer</c> for timers).</param>
/// <param name="ActorName">Display name.</param>
/// <param name="Details">JSON with action-specific facts.</param>
public sealed record HistoryItem(DateTimeOffset At, string Action, string? NodeId, Guid? TaskId, string ActorId, string ActorName, string? Details);
