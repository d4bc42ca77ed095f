using Microsoft.EntityFrameworkCore;
using Qilu.Notices.Data;
using Qilu.Platform.Modules;
using Qilu.SharedKernel.Actors;

namespace Qilu.Notices.Notices;

/// <summary>The shell's 通知公告 feed: the same visibility as <see cref="ListNotices"/>, newest published first.</summary>
internal sealed class NoticeFeed(NoticesDbContext db, TimeProvider clock) : INoticeFeed
{
    public const int MaxTake = 50;

    public async Task<IReadOnlyList<NoticeSummary>> LatestAsync(Actor actor, bool publicOnly, int take, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var rows = await NoticeScope.Visible(db.Notices.AsNoTracking(), actor, publicOnly, clock.GetUtcNow())
            .OrderByDescending(n => n.PublishedAt).ThenByDescending(n => n.CreatedAt)
            .Take(Math.Clamp(take, 1, MaxTake)).ToListAsync(cancellationToken);
        return [.. rows.Select(NoticeViews.ToSummary)];
    }
}
