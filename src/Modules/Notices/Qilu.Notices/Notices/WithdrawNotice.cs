using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Qilu.Notices.Auditing;
using Qilu.Notices.Contracts;
using Qilu.Notices.Data;
using Qilu.Platform.Auth;
using Qilu.Platform.Http;
using Qilu.SharedKernel.Actors;
using Qilu.SharedKernel.Results;

namespace Qilu.Notices.Notices;

/// <summary>POST /api/notices/{id}/withdraw: takes a published notice of one's own unit down; the reason is kept.</summary>
internal static class WithdrawNotice
{
    /// <summary>The version the official read and why the notice is withdrawn.</summary>
    public sealed record Request(uint Version, string? Reason);

    public static void Map(IEndpointRouteBuilder api) => api.MapPost("/{id:guid}/withdraw", EndpointAsync)
        .RequirePermission(NoticesPermissions.Publish)
        .WithName("WithdrawNotice").WithSummary("撤回通知公告 / Withdraw a notice").Produces<NoticeViews.Detail>();

    private static async Task<IResult> EndpointAsync(Guid id, Request request, HttpContext ctx, ActorAccessor actors, NoticesDbContext db, TimeProvider clock, NoticesAudit audit) =>
        Outcomes.Ok(await HandleAsync(actors.FromContext(ctx), id, request, db, clock, audit, ctx.RequestAborted));

    internal static async Task<Result<NoticeViews.Detail>> HandleAsync(Actor actor, Guid id, Request request, NoticesDbContext db, TimeProvider clock, NoticesAudit audit, CancellationToken ct)
    {
        if (Outcomes.Lacks(actor, NoticesPermissions.Publish) is { } denied) return Outcomes.Denied<NoticeViews.Detail>(denied);
        var v = new Validation().Required("reason", request.Reason, "撤回原因").MaxLength("reason", request.Reason?.Trim(), NoticeInput.ReasonMax, "撤回原因");
        if (!v.IsValid) return v.Invalid<NoticeViews.Detail>();
        var loaded = await NoticeEdits.LoadPublishedAsync(actor, id, request.Version, "撤回", db, ct);
        if (!loaded.IsSuccess) return Result<NoticeViews.Detail>.Failure(loaded.Errors, loaded.Kind);
        var notice = loaded.Value;
        var now = clock.GetUtcNow();
        notice.Status = NoticeStatus.Withdrawn;
        notice.WithdrawnAt = now;
        notice.WithdrawReason = request.Reason!.Trim();
        notice.UpdatedAt = now;
        var saved = await NoticeEdits.SaveAsync(notice, request.Version, db, ct);
        if (!saved.IsSuccess) return Result<NoticeViews.Detail>.Failure(saved.Errors, saved.Kind);
        await audit.WriteAsync("notices.notice.withdrawn", "notice", notice.Id.ToString(), actor, new { notice.Title, reason = notice.WithdrawReason }, ct: ct);
        return NoticeViews.ToDetail(notice, canEdit: true, now, await NoticeViews.CorrectionsAsync(db, notice, canEdit: true, ct));
    }
}
