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

/// <summary>GET /api/sharing/applications?role=consumer|provider: the applications of the actor's unit, newest first; GET /applications/{id}: one.</summary>
internal static class ListApplications
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/applications", async (string? role, HttpContext ctx, ActorAccessor actors, SharingServices s) =>
                Outcomes.Ok(await HandleAsync(actors.FromContext(ctx), role, s, ctx.RequestAborted)))
            .RequirePermission(SharingPermissions.ApplicationsApply)
            .WithName("ListSharingApplications").WithSummary("本单位共享申请 / My unit's applications").Produces<IReadOnlyList<ApplicationView>>();
        api.MapGet("/applications/{id:guid}", async (Guid id, HttpContext ctx, ActorAccessor actors, SharingServices s) =>
                Outcomes.Ok(await GetAsync(actors.FromContext(ctx), id, s, ctx.RequestAborted)))
            .RequirePermission(SharingPermissions.ApplicationsApply)
            .WithName("GetSharingApplication").WithSummary("共享申请详情 / Application").Produces<ApplicationView>();
    }

    internal static async Task<Result<IReadOnlyList<ApplicationView>>> HandleAsync(Actor actor, string? role, SharingServices s, CancellationToken ct)
    {
        if (Outcomes.Lacks(actor, SharingPermissions.ApplicationsApply) is { } denied) return Outcomes.Denied<IReadOnlyList<ApplicationView>>(denied);
        var me = actor.DepartmentId ?? Guid.Empty;
        var q = s.Db.Applications.AsNoTracking().Include(a => a.Steps).AsQueryable();
        q = role == "provider" ? q.Where(a => a.ProviderUnitId == me) : q.Where(a => a.ConsumerUnitId == me);
        var now = s.Clock.GetUtcNow();
        return (await q.OrderByDescending(a => a.CreatedAt).Take(500).ToListAsync(ct)).Select(a => ApplicationView.Of(a, now, s.Deadlines)).ToList();
    }

    internal static async Task<Result<ApplicationView>> GetAsync(Actor actor, Guid id, SharingServices s, CancellationToken ct)
    {
        var unit = await GrantAccess.UnitOfAsync(actor, s.Directory, ct);
        var a = await s.Db.Applications.AsNoTracking().Include(x => x.Steps).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (a is null || !ApplicationAccess.CanSee(actor, unit, a)) return Outcomes.NotFound<ApplicationView>("共享申请", "Application");
        return ApplicationView.Of(a, s.Clock.GetUtcNow(), s.Deadlines);
    }
}
