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
/// GET /api/sharing/needs?status=&amp;mine=true: the supply–demand board, newest first. Needs are visible to every unit of
/// the province (a need is an invitation to providers), not only the poster's division.
/// </summary>
internal static class ListNeeds
{
    public static void Map(IEndpointRouteBuilder api) => api.MapGet("/needs", async (string? status, bool? mine, HttpContext ctx, ActorAccessor actors, SharingServices s) =>
            Outcomes.Ok(await HandleAsync(actors.FromContext(ctx), status, mine ?? false, s, ctx.RequestAborted)))
        .RequirePermission(SharingPermissions.NeedsPost)
        .WithName("ListDataNeeds").WithSummary("数据需求看板 / Supply–demand board").Produces<IReadOnlyList<NeedView>>();

    internal static async Task<Result<IReadOnlyList<NeedView>>> HandleAsync(Actor actor, string? status, bool mine, SharingServices s, CancellationToken ct)
    {
        if (Outcomes.Lacks(actor, SharingPermissions.NeedsPost) is { } denied) return Outcomes.Denied<IReadOnlyList<NeedView>>(denied);
        var q = s.Db.Needs.AsNoTracking().Include(n => n.Answers).AsQueryable();
        if (status is not null)
        {
            if (!Enum.TryParse<NeedStatus>(status, out var st) || !Enum.IsDefined(st))
                return Outcomes.Invalid<IReadOnlyList<NeedView>>("status.invalid", "状态须为 Open、Answered、Linked、Planned 或 Closed", "Unknown status", "status");
            q = q.Where(n => n.Status == st);
        }
        if (mine) q = q.Where(n => n.UnitId == (actor.DepartmentId ?? Guid.Empty));
        return (await q.OrderByDescending(n => n.CreatedAt).Take(300).ToListAsync(ct)).Select(NeedView.Of).ToList();
    }
}
