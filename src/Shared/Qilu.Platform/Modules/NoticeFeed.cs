using Qilu.SharedKernel.Actors;

namespace Qilu.Platform.Modules;

/// <summary>One published notice (通知公告) as the shell's home pages list it.</summary>
/// <param name="Id">The notice's id.</param>
/// <param name="Title">Title.</param>
/// <param name="Category">Category key: <c>notice</c> (通知), <c>announcement</c> (公告) or <c>work_news</c> (工作动态).</param>
/// <param name="Important">Marked 重要 by the publisher.</param>
/// <param name="UnitName">The publishing unit.</param>
/// <param name="PublishedAt">When it was published (UTC).</param>
/// <param name="IsPublic">Shown on the citizen portal as well as to officials.</param>
public sealed record NoticeSummary(Guid Id, string Title, string Category, bool Important, string UnitName, DateTimeOffset PublishedAt, bool IsPublic);

/// <summary>
/// The latest notices an actor may read, for the workbench's and the portal's 通知公告. Registered as scoped by the module
/// that publishes notices; the shell resolves it optionally (no registration: the empty state stays). An implementation
/// applies the same visibility rules as the module's own list: published and unexpired only, internal notices only to
/// officials inside the publishing division's subtree.
/// </summary>
public interface INoticeFeed
{
    /// <summary>
    /// The newest notices visible to <paramref name="actor"/>, newest first, at most <paramref name="take"/>; with
    /// <paramref name="publicOnly"/> only those published to the public (the portal asks for these whoever is signed in).
    /// </summary>
    Task<IReadOnlyList<NoticeSummary>> LatestAsync(Actor actor, bool publicOnly, int take, CancellationToken cancellationToken);
}
