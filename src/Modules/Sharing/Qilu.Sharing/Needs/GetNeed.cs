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

/// <summary>
/// GET /api/sharing/needs/{id}: one need with its answers (where <c>POST /api/sharing/needs</c>'s Location points).
/// Visible to every unit, as on the board.
/// </summary>
internal static class GetNeed
{
    public static void Map(IEndpointRouteBuilder api) => api.MapGet("/needs/{id:guid}", async (Guid id, HttpContext ctx, ActorAccessor actors, SharingServices s) =>
            Outcomes.Ok(await HandleAsync(actors.FromContext(ctx), id, s, ctx.RequestAborted)))
        .RequirePermission(SharingPermissions.NeedsPost)
        .WithName("GetDataNeed").WithSummary("数据需求详情 / A data need").Produces<NeedView>();

    internal static async Task<Result<NeedView>> HandleAsync(Actor actor, Guid id, SharingServices s, CancellationToken ct)
    {
        if (Outcomes.Lacks(actor, SharingPermissions.NeedsPost) is { } denied) return Outcomes.Denied<NeedView>(denied);
        var need = await s.Db.Needs.AsNoTracking().Include(n => n.Answers).FirstOrDefaultAsync(n => n.Id == id, ct);
        return need is null ? Outcomes.NotFound<NeedView>("数据需求", "Data need") : NeedView.Of(need);
    }
}
