namespace Qilu.Workflow.Events;

/// <summary>
/// An event written in the same transaction as the change it reports. Until the platform outbox is merged this table
/// is the engine's outbox; consumers read it by <see cref="Sequence"/>.
/// </summary>
internal sealed class StoredEvent
{
    public long Sequence { get; set; }
    public Guid EventId { get; set; }
    public string Type { get; set; } = "";
    public Guid InstanceId { get; set; }
    public string Payload { get; set; } = "";
    public DateTimeOffset OccurredAt { get; set; }
}
