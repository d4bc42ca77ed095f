using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Qilu.Platform.Auth;
using Qilu.SharedKernel.Actors;
using Qilu.SharedKernel.Results;
using Qilu.Sharing.Contracts;
using Qilu.Sharing.Grants;

namespace Qilu.Sharing.Applications;

/// <summary>
/// GET /api/sharing/applications/inbox: what waits for the actor — conformity reviews of the bureau's division and
/// approvals of the actor's providing unit — earliest deadline first, with working days left and overdue flags.
/// </summary>
internal static class ListApprovalInbox
{
    public static void Map(IEndpointRouteBuilder api) => api.MapGet("/applications/inbox", EndpointAsync).RequireAnyPermission(SharingPermissions.ApplicationsReview, SharingPermissions.ApplicationsApprove)
        .WithName("SharingApprovalInbox").WithSummary("待办审批 / Approval inbox").Produces<IReadOnlyList<ApplicationView>>();

    private static async Task<IResult> EndpointAsync(HttpContext ctx, ActorAccessor actors, SharingServices s) =>
        Outcomes.Ok(await HandleAsync(actors.FromContext(ctx), s, ctx.RequestAborted));

    internal static async Task<Result<IReadOnlyList<ApplicationView>>> HandleAsync(Actor actor, SharingServices s, CancellationToken ct)
    {
        var unit = await GrantAccess.UnitOfAsync(actor, s.Directory, ct);
        var me = actor.DepartmentId ?? Guid.Empty;
        var review = actor.Has(SharingPermissions.ApplicationsReview) && GrantAccess.IsBureau(unit) && actor.DivisionCode is not null;
        var prefix = actor.DivisionCode is null ? "-" : DivisionScope.PrefixOf(actor.DivisionCode);
        var approve = actor.Has(SharingPermissions.ApplicationsApprove);
        var rows = await s.Db.Applications.AsNoTracking().Include(a => a.Steps)
            .Where(a => (review && a.Status == ApplicationStatus.Conformity && a.ConsumerUnitId != me && a.ConsumerDivision.StartsWith(prefix) && a.ProviderDivision.StartsWith(prefix))
                        || (approve && a.Status == ApplicationStatus.ProviderApproval && a.ProviderUnitId == me))
            .OrderBy(a => a.DueAt).Take(500).ToListAsync(ct);
        var now = s.Clock.GetUtcNow();
        return rows.Where(a => !a.AlreadyDecidedBy(actor.SubjectId)).Select(a => ApplicationView.Of(a, now, s.Deadlines)).ToList();
    }
}
