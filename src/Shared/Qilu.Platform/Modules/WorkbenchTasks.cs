using Qilu.SharedKernel.Actors;

namespace Qilu.Platform.Modules;

/// <summary>
/// One kind of work waiting for an official, counted by the module that owns it, for the workbench's 我的待办: how many
/// items wait, how many are past their deadline, and the page where they are handled.
/// </summary>
/// <param name="TitleZh">What waits, e.g. 待办件.</param>
/// <param name="TitleEn">The same in English.</param>
/// <param name="Href">The page that lists and handles them.</param>
/// <param name="Count">Items waiting (at most what the module's list shows; see <paramref name="More"/>).</param>
/// <param name="Overdue">Of those, items past their deadline.</param>
/// <param name="More">The module's list stopped at its limit: there are more than <paramref name="Count"/>.</param>
/// <param name="Order">Position among the workbench's rows (lower first).</param>
public sealed record WorkbenchTask(string TitleZh, string TitleEn, string Href, int Count, int Overdue, bool More = false, int Order = 100);

/// <summary>
/// A module's contribution to 我的待办. Registered as scoped (<c>services.AddScoped&lt;IWorkbenchTasks, X&gt;()</c>); the
/// workbench resolves every registration in one scope and asks each for the signed-in official. An implementation counts
/// through the module's own list use cases, so the counts obey the same permissions and scope as the pages they link to,
/// and returns nothing for an actor without the permission.
/// </summary>
public interface IWorkbenchTasks
{
    /// <summary>The kinds of waiting work this module has for <paramref name="actor"/> (empty when none or not permitted).</summary>
    Task<IReadOnlyList<WorkbenchTask>> CountAsync(Actor actor, CancellationToken cancellationToken);
}
