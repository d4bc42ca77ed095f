using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Qilu.Notices.Contracts;
using Qilu.Notices.Data;
using Qilu.Platform.Auth;
using Qilu.Platform.Http;
using Qilu.SharedKernel.Actors;
using Qilu.SharedKernel.Paging;
using Qilu.SharedKernel.Results;

namespace Qilu.Notices.Notices;

/// <summary>
/// GET /api/notices?category=&amp;q=&amp;mine=&amp;page=&amp;pageSize=: published, unexpired notices the caller may read, newest
/// first (anonymous callers and citizens: public ones only; the portal's 通知公告 list calls it as anonymous whoever is
/// signed in). <c>q</c> keeps notices whose title or text contains the keyword. <c>mine=true</c> lists every notice of
/// the caller's own unit, drafts and withdrawn ones included, for holders of <see cref="NoticesPermissions.Publish"/>.
/// </summary>
internal static class ListNotices
{
    /// <summary>Longest keyword: a phrase, not a document (a longer one would only scan the bodies for nothing).</summary>
    public const int MaxKeyword = 100;

    public static void Map(IEndpointRouteBuilder api) => api.MapGet("/", EndpointAsync).AllowAnonymous()
        .WithName("ListNotices").WithSummary("通知公告列表 / Notices").Produces<Paged<NoticeViews.Item>>();

    // page and pageSize bind as text so that "page=abc" answers like "page=0" (400 naming the field), not with the
    // framework's binding failure that carries no errors[].field.
    private static async Task<IResult> EndpointAsync(string? category, string? q, bool? mine, string? page, string? pageSize, HttpContext ctx,
        ActorAccessor actors, NoticesDbContext db, TimeProvider clock)
    {
        var v = new Validation();
        var pageNumber = Whole(v, "page", page, 1);
        var size = Whole(v, "pageSize", pageSize, 20);
        if (!v.IsValid) return v.ToProblem();
        return Outcomes.Ok(await HandleAsync(actors.FromContext(ctx), category, q, mine ?? false, pageNumber, size, db, clock, ctx.RequestAborted));
    }

    private static int Whole(Validation v, string field, string? text, int absent)
    {
        if (string.IsNullOrWhiteSpace(text)) return absent;
        if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n)) return n;
        v.Add(new Error("paging.integer", $"{field} 须为整数", $"{field} must be a whole number", field));
        return absent;
    }

    internal static async Task<Result<Paged<NoticeViews.Item>>> HandleAsync(Actor actor, string? category, string? keyword, bool mine, int page, int pageSize,
        NoticesDbContext db, TimeProvider clock, CancellationToken ct)
    {
        keyword = string.IsNullOrWhiteSpace(keyword) ? null : keyword.Trim();
        var v = new Validation()
            .Rule(page >= 1, "page", "paging.page", "页码从1开始", "page starts at 1")
            .Rule(pageSize is >= 1 and <= PageRequest.MaxSize, "pageSize", "paging.size", $"每页1-{PageRequest.MaxSize}条", $"pageSize must be 1-{PageRequest.MaxSize}")
            .Rule(string.IsNullOrEmpty(category) || NoticeKinds.Categories.Contains(category), "category", "notice.category",
                "类别须为通知、公告或工作动态", "category must be one of notice, announcement, work_news")
            .MaxLength("q", keyword, MaxKeyword, "关键词");
        if (!v.IsValid) return v.Invalid<Paged<NoticeViews.Item>>();
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
        // EF translates Contains without LIKE wildcards of the caller's (instr on SQLite, strpos on PostgreSQL): % and _ match literally.
        if (keyword is not null) query = query.Where(n => n.Title.Contains(keyword) || n.Body.Contains(keyword));
        var total = await query.LongCountAsync(ct);
        // A page past the end is empty, not an error (and (page - 1) * pageSize must not overflow into a negative Skip).
        var skip = (long)(page - 1) * pageSize;
        if (skip >= total) return new Paged<NoticeViews.Item>([], page, pageSize, total);
        var rows = await query.OrderByDescending(n => n.PublishedAt ?? n.UpdatedAt).ThenByDescending(n => n.CreatedAt)
            .Skip((int)skip).Take(pageSize).ToListAsync(ct);
        return new Paged<NoticeViews.Item>([.. rows.Select(NoticeViews.ToItem)], page, pageSize, total);
    }
}
