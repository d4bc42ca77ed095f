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
/// GET /api/sharing/applications/{id}/grant-terms: for the provider's last approver, the terms the grant gets if they change
/// nothing (what was applied for, the configured rate, the masking each field's grade requires and the stricter rules
/// allowed), so the terms form starts from exactly today's grant. Anyone else deciding nothing here gets 403, as on approve.
/// </summary>
internal static class DraftGrantTerms
{
    public static void Map(IEndpointRouteBuilder api) => api.MapGet("/applications/{id:guid}/grant-terms", EndpointAsync)
        .RequirePermission(SharingPermissions.ApplicationsApprove)
        .WithName("DraftSharingGrantTerms").WithSummary("授权条款草稿 / Draft grant terms").Produces<GrantTermsDraft>();

    private static async Task<IResult> EndpointAsync(Guid id, HttpContext ctx, ActorAccessor actors, SharingServices s) =>
        Outcomes.Ok(await HandleAsync(actors.FromContext(ctx), id, s, ctx.RequestAborted));

    internal static async Task<Result<GrantTermsDraft>> HandleAsync(Actor actor, Guid id, SharingServices s, CancellationToken ct)
    {
        if (Outcomes.Lacks(actor, SharingPermissions.ApplicationsApprove) is { } denied) return Outcomes.Denied<GrantTermsDraft>(denied);
        var unit = await GrantAccess.UnitOfAsync(actor, s.Directory, ct);
        var a = await s.Db.Applications.AsNoTracking().Include(x => x.Steps).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (a is null || !ApplicationAccess.CanSee(actor, unit, a)) return Outcomes.NotFound<GrantTermsDraft>("共享申请", "Application");
        if (!a.ApprovalIssuesGrant || !ApplicationAccess.CanDecideNow(actor, unit, a) || a.AlreadyDecidedBy(actor.SubjectId))
            return Outcomes.Forbidden<GrantTermsDraft>("terms.not_final", "授权条件由提供方最后一级审批设定", "Grant terms are set at the provider's last level");
        return await s.Issuer.DraftAsync(a, ct);
    }
}
