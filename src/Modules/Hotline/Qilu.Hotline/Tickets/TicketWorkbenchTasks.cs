using Qilu.Hotline.Categories;
using Qilu.Hotline.Contracts;
using Qilu.Hotline.Data;
using Qilu.Platform.Modules;
using Qilu.SharedKernel.Actors;

namespace Qilu.Hotline.Tickets;

/// <summary>
/// 我的待办 from the 12345 hotline: the unit's tickets to sign for or handle, and for dispatchers the 派单台's queue, through
/// the list use case (same permissions and scope as those pages).
/// </summary>
internal sealed class TicketWorkbenchTasks(HotlineDbContext db, CategoryCatalog categories, TimeProvider clock) : IWorkbenchTasks
{
    public async Task<IReadOnlyList<WorkbenchTask>> CountAsync(Actor actor, CancellationToken cancellationToken)
    {
        var tasks = new List<WorkbenchTask>();
        if (actor.Has(HotlinePermissions.Handle) && actor.DepartmentId is not null
            && await ListTickets.HandleAsync(actor, "inbox", null, db, categories, clock, cancellationToken) is { IsSuccess: true, Value.Count: > 0 } inbox)
        {
            tasks.Add(new WorkbenchTask("待办工单", "Tickets to handle", "/workbench/hotline/inbox", inbox.Value.Count,
                inbox.Value.Count(t => t.Overdue), More: inbox.Value.Count >= ListTickets.Limit, Order: 20));
        }
        if (actor.Has(HotlinePermissions.Dispatch)
            && await ListTickets.HandleAsync(actor, "board", null, db, categories, clock, cancellationToken) is { IsSuccess: true, Value.Count: > 0 } board)
        {
            tasks.Add(new WorkbenchTask("待派单、待审核的工单", "Tickets to dispatch or review", "/workbench/hotline/board", board.Value.Count,
                board.Value.Count(t => t.Overdue), More: board.Value.Count >= ListTickets.Limit, Order: 21));
        }
        return tasks;
    }
}
