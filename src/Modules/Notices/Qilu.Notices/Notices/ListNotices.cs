using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Qilu.Notices.Contracts;
using Qilu.Notices.Data;
using Qilu.Platform.Auth;
using Qilu.SharedKernel.Actors;
using Qilu.SharedKernel.Paging;
using Qilu.SharedKernel.Results;

namespace Qilu.Notices.Notices;

/// <summary>
/// GET /api/notices?category=&amp;mine=&amp;page=&amp;pageSize=: published, unexpired notices the caller may read, newest
/// first (anonymous callers and citizens: public ones only). <c>mine=true</c> lists every notice of the caller's own
/// unit, drafts and withdrawn ones included, for holders of <see cref="NoticesPermissions.Publish"/>.
/// </summary>
internal static class ListNotices
{
    public static void Map(IEndpointRouteBuilder api) => api.MapGet("/", EndpointAsync).AllowAnonymous()
        .WithName("ListNotices").WithSummary("通知公告列表 / Notices").Produces<Paged<NoticeViews.Item>>();

    private static async Task<IResult> EndpointAsync(string? category, bool? mine, int? page, int? pageSize, HttpContext ctx, ActorAccessor actors, NoticesDbContext db, TimeProvider clock) =>
        Outcomes.Ok(await HandleAsync(actors.FromContext(ctx), category, mine ?? false, page ?? 1, pageSize ?? 20, db, clock, ctx.RequestAborted));

    internal static async Task<Result<Paged<NoticeViews.Item>>> HandleAsync(Actor actor, string? category, bool mine, int page, int pageSize, NoticesDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (page < 1 || pageSize is < 1 or > PageRequest.MaxSize)
            return Outcomes.Invalid<Paged<NoticeViews.Item>>("paging.range", "页码从1开始，每页1-200条", "Pages start at 1 with 1-200 items", "pageSize");
        if (!string.IsNullOrEmpty(category) && !NoticeKinds.Categories.Contains(category))
            return Outcomes.Invalid<Paged<NoticeViews.Item>>("notice.category", "类别须为通知、公告或工作动态", "category must be one of notice, announcement, work_news", "category");
        IQueryable<Notice> query;
        if (mine)
        {
            if (Outcomes.Lacks(actor, NoticesPermissions.Publish) is { } denied) return Outcomes.Denied<Paged<NoticeViews.Item>>(denied);
            var unit = actor.DepartmentId ?? Guid.Empty;
            query = db.Notices.AsNoTracking().Where(n => n.UnitId == unit);
        }
        else
        {
            query = NoticeScope.Visible(db.Notices.AsNoTracking(), actor, publicOnly: false, clock.GetUtcNow());
        }
        if (!string.IsNullOrEmpty(category)) query = query.Where(n => n.Category == category);
        var total = await query.LongCountAsync(ct);
        var rows = await query.OrderByDescending(n => n.PublishedAt ?? n.UpdatedAt).ThenByDescending(n => n.CreatedAt)
            .Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return new Paged<NoticeViews.Item>([.. rows.Select(NoticeViews.ToItem)], page, pageSize, total);
    }
}
