using Qilu.Cases.Data;
using Qilu.Platform.Modules;
using Qilu.SharedKernel.Actors;
using Qilu.Workflow.Contracts;

namespace Qilu.Cases.Reading;

/// <summary>我的待办 from cases: the open tasks of the official's unit, through the inbox use case (same permission and scope).</summary>
internal sealed class CaseWorkbenchTasks(CasesDbContext db, IWorkflowEngine engine, TimeProvider clock) : IWorkbenchTasks
{
    public async Task<IReadOnlyList<WorkbenchTask>> CountAsync(Actor actor, CancellationToken cancellationToken)
    {
        var inbox = await Inbox.HandleAsync(actor, "unit", db, engine, clock, cancellationToken);
        if (!inbox.IsSuccess || inbox.Value.Count == 0) return [];
        var now = clock.GetUtcNow();
        return [new WorkbenchTask("待办件", "Cases to handle", "/workbench/cases", inbox.Value.Count,
            inbox.Value.Count(i => i.TaskDueAt is { } due && due < now), More: inbox.Value.Count >= Inbox.Limit, Order: 10)];
    }
}
