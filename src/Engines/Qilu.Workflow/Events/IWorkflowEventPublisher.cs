using System.Text.Json;
using Qilu.Workflow.Contracts;
using Qilu.Workflow.Data;

namespace Qilu.Workflow.Events;

/// <summary>The one place events leave the engine: adds the event to the unit of work of the change.</summary>
internal interface IWorkflowEventPublisher
{
    void Publish(WorkflowDbContext db, WorkflowEvent evt);
}

/// <summary>Writes events to the engine's event table in the caller's transaction.</summary>
internal sealed class TableEventPublisher : IWorkflowEventPublisher
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public void Publish(WorkflowDbContext db, WorkflowEvent evt)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(evt);
        var instance = evt switch
        {
            WorkflowTaskCreated e => e.InstanceId,
            WorkflowTaskCompleted e => e.InstanceId,
            WorkflowServiceStepReached e => e.InstanceId,
            WorkflowTimerFired e => e.InstanceId,
            WorkflowInstanceCompleted e => e.InstanceId,
            _ => Guid.Empty,
        };
        db.Events.Add(new StoredEvent
        {
            EventId = evt.EventId, Type = evt.GetType().Name, InstanceId = instance,
            Payload = JsonSerializer.Serialize(evt, evt.GetType(), Json), OccurredAt = evt.OccurredAt,
        });
    }
}
