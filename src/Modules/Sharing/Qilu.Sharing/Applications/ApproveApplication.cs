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
/// POST /api/sharing/applications/{id}/approve {version, comment, terms}: the decider of the current stage approves —
/// the bureau's conformity review moves it to the provider; a provider level moves it to the next level; the last
/// level issues the grant under the given terms. One person decides at most one stage of an application.
/// </summary>
internal static class ApproveApplication
{
    public sealed record Request(uint Version, string? Comment, GrantTerms? Terms);

    public static void Map(IEndpointRouteBuilder api) => api.MapPost("/applications/{id:guid}/approve", EndpointAsync)
        .RequireAnyPermission(SharingPermissions.ApplicationsReview, SharingPermissions.ApplicationsApprove)
        .WithName("ApproveSharingApplication").WithSummary("审核/审批通过 / Approve").Produces<ApplicationView>().ProducesValidationProblem();

    private static async Task<IResult> EndpointAsync(Guid id, Request request, HttpContext ctx, ActorAccessor actors, SharingServices s) =>
        Outcomes.Ok(await HandleAsync(actors.FromContext(ctx), id, request, s, ctx.RequestAborted));

    internal static async Task<Result<ApplicationView>> HandleAsync(Actor actor, Guid id, Request request, SharingServices s, CancellationToken ct)
    {
        if (!actor.Has(SharingPermissions.ApplicationsReview) && !actor.Has(SharingPermissions.ApplicationsApprove))
            return Outcomes.Denied<ApplicationView>(Outcomes.Lacks(actor, SharingPermissions.ApplicationsApprove)!);
        var unit = await GrantAccess.UnitOfAsync(actor, s.Directory, ct);
        var a = await s.Db.Applications.Include(x => x.Steps).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (a is null || !ApplicationAccess.CanSee(actor, unit, a)) return Outcomes.NotFound<ApplicationView>("共享申请", "Application");
        if (!ApplicationAccess.CanDecideNow(actor, unit, a))
            return Outcomes.Forbidden<ApplicationView>("application.not_decider", $"当前环节（{ApplicationView.NameOf(a)}）不由您办理", $"You do not decide the current stage ({a.Status})");
        if (a.Version != request.Version) return Outcomes.Stale<ApplicationView>(request.Version, a.Version);
        if (a.AlreadyDecidedBy(actor.SubjectId))
            return Outcomes.Forbidden<ApplicationView>("application.same_decider", "同一人不能办理同一申请的两个环节", "One person may not decide two stages of an application");
        if (request.Comment is { Length: > 1000 }) return Outcomes.Invalid<ApplicationView>("comment.length", "意见不超过1000字", "The comment is at most 1000 characters", "comment");
        var now = s.Clock.GetUtcNow();
        Grant? grant = null;
        if (a.ApprovalIssuesGrant)
        {
            var issued = await s.Issuer.IssueAsync(a, request.Terms, now, ct);
            if (!issued.IsSuccess) return Result<ApplicationView>.Failure(issued.Errors, issued.Kind);
            grant = issued.Value;
        }
        else if (request.Terms is not null)
        {
            return Outcomes.Invalid<ApplicationView>("terms.not_final", "授权条件由提供方最后一级审批设定", "Grant terms are set at the provider's last level", "terms");
        }
        var finished = a.Approve(actor.SubjectId, actor.DisplayName, request.Comment?.Trim(), now, s.Deadlines.ApprovalDue);
        if (finished && grant is not null)
        {
            a.GrantId = grant.Id;
            s.Db.Grants.Add(grant);
        }
        try
        {
            await s.Db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcomes.Stale<ApplicationView>(request.Version, request.Version + 1);
        }
        await s.Audit.WriteAsync("sharing.applications.approved", "application", a.Id.ToString(), actor,
            new { a.Number, stage = a.Steps[^1].Stage, grant = grant?.Id, request.Comment }, ct: ct);
        return ApplicationView.Of(a, now, s.Deadlines);
    }
}
