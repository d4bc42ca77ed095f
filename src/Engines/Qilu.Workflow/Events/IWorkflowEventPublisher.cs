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
        // Collected with the unit of work rather than tracked: on SQLite the group commit inserts the rows with a
        // prepared statement in the same transaction (ADR 0014 addendum 3); elsewhere they are added before the save.
        db.PendingOutbox.Add(OutboxModel.CreateMessage(evt));
    }
}
