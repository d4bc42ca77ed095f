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
/// GET /api/sharing/approval-policy: the levels of approval the actor's own unit requires, as a provider, per grade of
/// the entry (<see cref="ApprovalPolicy"/>; the platform's floor when the unit has set none), and whether the actor may
/// change them (<see cref="ChangeApprovalPolicy"/>). For the unit's approvers and grant managers.
/// </summary>
internal static class GetApprovalPolicy
{
    public static void Map(IEndpointRouteBuilder api) => api.MapGet("/approval-policy", EndpointAsync)
        .RequireAnyPermission(SharingPermissions.ApplicationsApprove, SharingPermissions.GrantsManage)
        .WithName("GetSharingApprovalPolicy").WithSummary("本单位审批级数 / The unit's approval levels").Produces<ApprovalPolicyView>();

    private static async Task<IResult> EndpointAsync(HttpContext ctx, ActorAccessor actors, SharingServices s) =>
        Outcomes.Ok(await HandleAsync(actors.FromContext(ctx), s, ctx.RequestAborted));

    internal static async Task<Result<ApprovalPolicyView>> HandleAsync(Actor actor, SharingServices s, CancellationToken ct)
    {
        if (!actor.Has(SharingPermissions.ApplicationsApprove) && !actor.Has(SharingPermissions.GrantsManage))
            return Outcomes.Denied<ApprovalPolicyView>(Outcomes.Lacks(actor, SharingPermissions.ApplicationsApprove)!);
        var unit = await GrantAccess.UnitOfAsync(actor, s.Directory, ct);
        if (unit is null) return ApprovalPolicy.NoUnit();
        var policy = await s.Db.ApprovalPolicies.AsNoTracking().FirstOrDefaultAsync(p => p.ProviderUnitId == unit.Id, ct);
        return ApprovalPolicyView.Of(unit.Id, unit.Name, policy, actor.Has(SharingPermissions.GrantsManage));
    }
}
