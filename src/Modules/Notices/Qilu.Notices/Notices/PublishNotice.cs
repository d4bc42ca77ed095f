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

/// <summary>POST /api/notices/{id}/publish: a draft of one's own unit goes out to its audience from now.</summary>
internal static class PublishNotice
{
    /// <summary>The version the publisher read.</summary>
    public sealed record Request(uint Version);

    public static void Map(IEndpointRouteBuilder api) => api.MapPost("/{id:guid}/publish", EndpointAsync)
        .RequirePermission(NoticesPermissions.Publish)
        .WithName("PublishNotice").WithSummary("发布通知公告 / Publish a notice").Produces<NoticeViews.Detail>();

    private static async Task<IResult> EndpointAsync(Guid id, Request request, HttpContext ctx, ActorAccessor actors, NoticesDbContext db, TimeProvider clock, NoticesAudit audit) =>
        Outcomes.Ok(await HandleAsync(actors.FromContext(ctx), id, request.Version, db, clock, audit, ctx.RequestAborted));

    internal static async Task<Result<NoticeViews.Detail>> HandleAsync(Actor actor, Guid id, uint version, NoticesDbContext db, TimeProvider clock, NoticesAudit audit, CancellationToken ct)
    {
        var loaded = await NoticeEdits.LoadAsync(actor, id, version, db, ct);
        if (!loaded.IsSuccess) return Result<NoticeViews.Detail>.Failure(loaded.Errors, loaded.Kind);
        var notice = loaded.Value;
        if (notice.Status != NoticeStatus.Draft)
            return Outcomes.InvalidTransition<NoticeViews.Detail>("通知公告", NoticeEdits.StatusZh(notice.Status), "发布", notice.Status == NoticeStatus.Published ? ["撤回"] : []);
        var now = clock.GetUtcNow();
        // A draft saved with a validity end that has since passed would publish straight into oblivion.
        if (notice.ValidUntil is { } until && until <= now)
            return Outcomes.Invalid<NoticeViews.Detail>("notice.valid_until_past", "有效期已过，请修改有效期后再发布", "validUntil has passed; change it before publishing", "validUntil");
        notice.Status = NoticeStatus.Published;
        notice.PublishedAt = now;
        notice.UpdatedAt = now;
        var saved = await NoticeEdits.SaveAsync(notice, version, db, ct);
        if (!saved.IsSuccess) return Result<NoticeViews.Detail>.Failure(saved.Errors, saved.Kind);
        await audit.WriteAsync("notices.notice.published", "notice", notice.Id.ToString(), actor,
            new { notice.Title, audience = notice.IsPublic ? "public" : "internal", notice.DivisionCode }, ct: ct);
        return NoticeViews.ToDetail(notice, canEdit: true, now, []);
    }
}
