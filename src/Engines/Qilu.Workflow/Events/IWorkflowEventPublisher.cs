using Qilu.Platform.Events;
using Qilu.Workflow.Contracts;
using Qilu.Workflow.Data;

namespace Qilu.Workflow.Events;

/// <summary>The one place events leave the engine: adds the event to the unit of work of the change.</summary>
internal interface IWorkflowEventPublisher
{
    void Publish(WorkflowDbContext db, WorkflowEvent evt);
}

/// <summary>Writes events to the engine's outbox in the caller's transaction; the platform dispatcher delivers them after commit.</summary>
internal sealed class OutboxEventPublisher : IWorkflowEventPublisher
{
    public void Publish(WorkflowDbContext db, WorkflowEvent evt)
    {
        ArgumentNullException.ThrowIfNull(db);
        db.Publish(evt);
    }
}
