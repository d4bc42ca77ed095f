using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Qilu.Platform.Auth;
using Qilu.SharedKernel.Actors;
using Qilu.SharedKernel.Results;
using Qilu.Sharing.Applications;
using Qilu.Sharing.Contracts;

namespace Qilu.Sharing.Needs;

/// <summary>POST /api/sharing/needs/{id}/close {version}: the posting unit closes its need (met or no longer needed).</summary>
internal static class CloseNeed
{
    public sealed record Request(uint Version);

    public static void Map(IEndpointRouteBuilder api) => api.MapPost("/needs/{id:guid}/close", async (Guid id, Request request, HttpContext ctx, ActorAccessor actors, SharingServices s) =>
            Outcomes.Ok(await HandleAsync(actors.FromContext(ctx), id, request, s, ctx.RequestAborted)))
        .RequirePermission(SharingPermissions.NeedsPost)
        .WithName("CloseDataNeed").WithSummary("关闭数据需求 / Close a need").Produces<NeedView>();

    internal static async Task<Result<NeedView>> HandleAsync(Actor actor, Guid id, Request request, SharingServices s, CancellationToken ct)
    {
        if (Outcomes.Lacks(actor, SharingPermissions.NeedsPost) is { } denied) return Outcomes.Denied<NeedView>(denied);
        var need = await s.Db.Needs.Include(n => n.Answers).FirstOrDefaultAsync(n => n.Id == id, ct);
        if (need is null) return Outcomes.NotFound<NeedView>("数据需求", "Data need");
        if (need.UnitId != actor.DepartmentId) return Outcomes.Forbidden<NeedView>("need.not_owner", "只有发布单位可以关闭需求", "Only the posting unit closes a need");
        if (need.Version != request.Version) return Outcomes.Stale<NeedView>(request.Version, need.Version);
        if (need.Status == NeedStatus.Closed) return Outcomes.Conflict<NeedView>("need.closed", "需求已关闭", "The need is already closed");
        need.Status = NeedStatus.Closed;
        try
        {
            await s.Db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Answered or closed by someone else between the read and the write.
            return Outcomes.Stale<NeedView>(request.Version, request.Version + 1);
        }
        await s.Audit.WriteAsync("sharing.needs.closed", "need", need.Id.ToString(), actor, ct: ct);
        return NeedView.Of(need);
    }
}
