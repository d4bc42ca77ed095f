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

/// <summary>POST /api/sharing/applications/{id}/refuse {version, reason}: the decider of the current stage refuses; the reason is mandatory.</summary>
internal static class RefuseApplication
{
    public sealed record Request(uint Version, string? Reason);

    public static void Map(IEndpointRouteBuilder api) => api.MapPost("/applications/{id:guid}/refuse", EndpointAsync)
        .RequireAnyPermission(SharingPermissions.ApplicationsReview, SharingPermissions.ApplicationsApprove)
        .WithName("RefuseSharingApplication").WithSummary("不予通过 / Refuse").Produces<ApplicationView>().ProducesValidationProblem();

    private static async Task<IResult> EndpointAsync(Guid id, Request request, HttpContext ctx, ActorAccessor actors, SharingServices s) =>
        Outcomes.Ok(await HandleAsync(actors.FromContext(ctx), id, request, s, ctx.RequestAborted));

    internal static async Task<Result<ApplicationView>> HandleAsync(Actor actor, Guid id, Request request, SharingServices s, CancellationToken ct)
    {
        if (!actor.Has(SharingPermissions.ApplicationsReview) && !actor.Has(SharingPermissions.ApplicationsApprove))
            return Outcomes.Denied<ApplicationView>(Outcomes.Lacks(actor, SharingPermissions.ApplicationsApprove)!);
        var reason = request.Reason?.Trim();
        if (string.IsNullOrEmpty(reason) || reason.Length > 1000)
            return Outcomes.Invalid<ApplicationView>("reason.required", "不予通过须写明理由（不超过1000字）", "A refusal needs a reason (at most 1000 characters)", "reason");
        var unit = await GrantAccess.UnitOfAsync(actor, s.Directory, ct);
        var a = await s.Db.Applications.Include(x => x.Steps).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (a is null || !ApplicationAccess.CanSee(actor, unit, a)) return Outcomes.NotFound<ApplicationView>("共享申请", "Application");
        if (!ApplicationAccess.CanDecideNow(actor, unit, a))
            return Outcomes.Forbidden<ApplicationView>("application.not_decider", $"当前环节（{ApplicationView.NameOf(a)}）不由您办理", $"You do not decide the current stage ({a.Status})");
        if (a.Version != request.Version) return Outcomes.Stale<ApplicationView>(request.Version, a.Version);
        var now = s.Clock.GetUtcNow();
        a.Refuse(actor.SubjectId, actor.DisplayName, reason, now);
        try
        {
            await s.Db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcomes.Stale<ApplicationView>(request.Version, request.Version + 1);
        }
        await s.Audit.WriteAsync("sharing.applications.refused", "application", a.Id.ToString(), actor, new { a.Number, stage = a.Steps[^1].Stage, reason }, ct: ct);
        return ApplicationView.Of(a, now, s.Deadlines);
    }
}
