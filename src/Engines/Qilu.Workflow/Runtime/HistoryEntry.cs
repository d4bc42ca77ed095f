namespace Qilu.Workflow.Runtime;

/// <summary>One transition of an instance's timeline.</summary>
internal sealed class HistoryEntry
{
    public Guid Id { get; set; }
    public Guid InstanceId { get; set; }
    public DateTimeOffset At { get; set; }
    public string Action { get; set; } = "";
    public string? NodeId { get; set; }
    public Guid? TaskId { get; set; }
    public string ActorId { get; set; } = "";
    public string ActorName { get; set; } = "";
    public string? Details { get; set; }
}
