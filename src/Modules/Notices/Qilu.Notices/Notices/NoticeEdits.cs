using Microsoft.EntityFrameworkCore;
using Qilu.Notices.Contracts;
using Qilu.Notices.Data;
using Qilu.SharedKernel.Actors;
using Qilu.SharedKernel.Results;

namespace Qilu.Notices.Notices;

/// <summary>The checks every write shares: permission, existence within the reader's view, own unit, fresh version.</summary>
internal static class NoticeEdits
{
    public static async Task<Result<Notice>> LoadAsync(Actor actor, Guid id, uint version, NoticesDbContext db, CancellationToken ct)
    {
        if (Outcomes.Lacks(actor, NoticesPermissions.Publish) is { } denied) return Outcomes.Denied<Notice>(denied);
        var notice = await db.Notices.FirstOrDefaultAsync(n => n.Id == id, ct);
        if (notice is null || !NoticeScope.CanRead(actor, notice)) return Outcomes.NotFound<Notice>("通知公告", "Notice");
        if (!NoticeScope.IsEditor(actor, notice))
            return Outcomes.Forbidden<Notice>("scope.unit", "只能管理本单位发布的通知公告", "Only notices of your own unit can be managed");
        if (notice.Version != version) return Outcomes.Stale<Notice>(version, notice.Version);
        return notice;
    }

    /// <summary>
    /// <see cref="LoadAsync"/> for an action on a published notice (撤回, 更正): any other state is an invalid transition
    /// naming what that state allows instead.
    /// </summary>
    public static async Task<Result<Notice>> LoadPublishedAsync(Actor actor, Guid id, uint version, string actionZh, NoticesDbContext db, CancellationToken ct)
    {
        var loaded = await LoadAsync(actor, id, version, db, ct);
        if (!loaded.IsSuccess || loaded.Value.Status == NoticeStatus.Published) return loaded;
        var status = loaded.Value.Status;
        return Outcomes.InvalidTransition<Notice>("通知公告", StatusZh(status), actionZh, status == NoticeStatus.Draft ? ["修改", "发布"] : []);
    }

    /// <summary>Saves, turning a concurrent writer's win (the row's version moved under us) into the same 409.</summary>
    public static async Task<Result<Notice>> SaveAsync(Notice notice, uint expected, NoticesDbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return notice;
        }
        catch (DbUpdateException e)
        {
            // A concurrent writer won: either the version check refused this save, or a row this save adds collided with
            // the winner's (two corrections of one version both numbering theirs n) before the version was checked.
            var current = await db.Notices.AsNoTracking().Where(n => n.Id == notice.Id).Select(n => n.Version).FirstOrDefaultAsync(ct);
            if (e is DbUpdateConcurrencyException || current != expected) return Outcomes.Stale<Notice>(expected, current);
            throw;
        }
    }

    public static string StatusZh(NoticeStatus s) => s switch
    {
        NoticeStatus.Published => "已发布",
        NoticeStatus.Withdrawn => "已撤回",
        _ => "草稿",
    };
}
