using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Qilu.Notices.Auditing;
using Qilu.Notices.Contracts;
using Qilu.Notices.Data;
using Qilu.Platform.Auth;
using Qilu.SharedKernel.Actors;
using Qilu.SharedKernel.Results;

namespace Qilu.Notices.Notices;

/// <summary>PUT /api/notices/{id}: saves a draft of one's own unit; a stale <c>version</c> is refused with 409.</summary>
internal static class UpdateNotice
{
    /// <summary>The draft's fields and the version the editor read.</summary>
    public sealed record Request(uint Version, string? Title, string? Body, string? Category, string? Importance, string? Audience, DateTimeOffset? ValidUntil)
    {
        public NoticeInput Input => new(Title, Body, Category, Importance, Audience, ValidUntil);
    }

    public static void Map(IEndpointRouteBuilder api) => api.MapPut("/{id:guid}", EndpointAsync)
        .RequirePermission(NoticesPermissions.Publish)
        .WithName("UpdateNotice").WithSummary("保存通知公告草稿 / Save a draft notice").Produces<NoticeViews.Detail>();

    private static async Task<IResult> EndpointAsync(Guid id, Request request, HttpContext ctx, ActorAccessor actors, NoticesDbContext db, TimeProvider clock, NoticesAudit audit) =>
        Outcomes.Ok(await HandleAsync(actors.FromContext(ctx), id, request, db, clock, audit, ctx.RequestAborted));

    internal static async Task<Result<NoticeViews.Detail>> HandleAsync(Actor actor, Guid id, Request request, NoticesDbContext db, TimeProvider clock, NoticesAudit audit, CancellationToken ct)
    {
        var loaded = await NoticeEdits.LoadAsync(actor, id, request.Version, db, ct);
        if (!loaded.IsSuccess) return Result<NoticeViews.Detail>.Failure(loaded.Errors, loaded.Kind);
        var notice = loaded.Value;
        if (notice.Status != NoticeStatus.Draft)
            return Outcomes.InvalidTransition<NoticeViews.Detail>("通知公告", NoticeEdits.StatusZh(notice.Status), "修改", notice.Status == NoticeStatus.Published ? ["撤回"] : []);
        var now = clock.GetUtcNow();
        var v = request.Input.Check(now);
        if (!v.IsValid) return v.Invalid<NoticeViews.Detail>();
        request.Input.ApplyTo(notice);
        notice.UpdatedAt = now;
        var saved = await NoticeEdits.SaveAsync(notice, request.Version, db, ct);
        if (!saved.IsSuccess) return Result<NoticeViews.Detail>.Failure(saved.Errors, saved.Kind);
        await audit.WriteAsync("notices.notice.updated", "notice", notice.Id.ToString(), actor, new { notice.Title, notice.Version }, ct: ct);
        return NoticeViews.ToDetail(notice, canEdit: true, now, []);
    }
}
