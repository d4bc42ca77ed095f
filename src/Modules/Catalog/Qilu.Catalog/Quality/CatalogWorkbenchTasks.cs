using Qilu.Catalog.Contracts;
using Qilu.Catalog.Data;
using Qilu.Catalog.Entries;
using Qilu.Identity.Contracts;
using Qilu.Platform.Cryptography.Fields;
using Qilu.Platform.Modules;
using Qilu.SharedKernel.Actors;
using Qilu.SharedKernel.Paging;

namespace Qilu.Catalog.Quality;

/// <summary>
/// 我的待办 from the catalog: entries submitted for the big-data bureau's review, and data objections (数据异议) the
/// official's unit must answer, through the same use cases as the review and objection inboxes.
/// </summary>
internal sealed class CatalogWorkbenchTasks(CatalogDbContext db, IOrganisationDirectory directory, IFieldProtector protector, TimeProvider clock)
    : IWorkbenchTasks
{
    public async Task<IReadOnlyList<WorkbenchTask>> CountAsync(Actor actor, CancellationToken cancellationToken)
    {
        var tasks = new List<WorkbenchTask>();
        if (actor.Has(CatalogPermissions.EntriesReview)
            && await ListReviewInbox.HandleAsync(actor, new PageRequest(1, 1), db, directory, cancellationToken) is { IsSuccess: true, Value.Total: > 0 } review)
        {
            tasks.Add(new WorkbenchTask("待审核的目录", "Catalog entries to review", "/workbench/catalog/review", (int)review.Value.Total, 0, Order: 30));
        }
        if (await ListObjections.HandleAsync(actor, "incoming", ObjectionStatus.Open, db, directory, protector, clock, cancellationToken)
                is { IsSuccess: true } incoming && incoming.Value.Count(o => o.CanAnswer) is > 0 and var open)
        {
            tasks.Add(new WorkbenchTask("待答复的数据异议", "Data objections to answer", "/workbench/catalog/objections", open,
                incoming.Value.Count(o => o.CanAnswer && o.Overdue), Order: 31));
        }
        return tasks;
    }
}
