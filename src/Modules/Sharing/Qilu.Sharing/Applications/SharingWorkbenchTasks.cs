using Qilu.Platform.Modules;
using Qilu.SharedKernel.Actors;

namespace Qilu.Sharing.Applications;

/// <summary>我的待办 from sharing: applications waiting for the official's conformity review or approval (the approval inbox).</summary>
internal sealed class SharingWorkbenchTasks(SharingServices services) : IWorkbenchTasks
{
    public async Task<IReadOnlyList<WorkbenchTask>> CountAsync(Actor actor, CancellationToken cancellationToken)
    {
        var inbox = await ListApprovalInbox.HandleAsync(actor, services, cancellationToken);
        if (!inbox.IsSuccess || inbox.Value.Count == 0) return [];
        return [new WorkbenchTask("待审批的共享申请", "Sharing applications to decide", "/workbench/sharing/inbox", inbox.Value.Count,
            inbox.Value.Count(a => a.Overdue), Order: 40)];
    }
}
