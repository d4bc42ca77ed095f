using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Qilu.Notices.Data;
using Qilu.Platform.Auth;
using Qilu.SharedKernel.Actors;
using Qilu.SharedKernel.Results;

namespace Qilu.Notices.Notices;

/// <summary>
/// GET /api/notices/{id}: one notice with its paragraphs, if the caller may read it (404 otherwise, without telling
/// "absent" from "not for you"). An expired notice stays readable by its link and says so; a corrected one lists its
/// corrections (更正) under the text.
/// </summary>
internal static class GetNotice
{
    public static void Map(IEndpointRouteBuilder api) => api.MapGet("/{id:guid}", EndpointAsync).AllowAnonymous()
        .WithName("GetNotice").WithSummary("通知公告详情 / A notice").Produces<NoticeViews.Detail>();

    private static async Task<IResult> EndpointAsync(Guid id, HttpContext ctx, ActorAccessor actors, NoticesDbContext db, TimeProvider clock) =>
        Outcomes.Ok(await HandleAsync(actors.FromContext(ctx), id, db, clock, ctx.RequestAborted));

    internal static async Task<Result<NoticeViews.Detail>> HandleAsync(Actor actor, Guid id, NoticesDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var notice = await db.Notices.AsNoTracking().FirstOrDefaultAsync(n => n.Id == id, ct);
        if (notice is null || !NoticeScope.CanRead(actor, notice)) return Outcomes.NotFound<NoticeViews.Detail>("通知公告", "Notice");
        var canEdit = NoticeScope.IsEditor(actor, notice);
        return NoticeViews.ToDetail(notice, canEdit, clock.GetUtcNow(), await NoticeViews.CorrectionsAsync(db, notice, canEdit, ct));
    }
}
