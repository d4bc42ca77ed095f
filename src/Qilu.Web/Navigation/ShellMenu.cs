using Qilu.Platform.Modules;
using Qilu.SharedKernel.Actors;

namespace Qilu.Web.Navigation;

/// <summary>
/// The menu entries modules registered (as DI singletons of <see cref="MenuEntry"/>), filtered for one actor.
/// Deny by default: an entry that names a permission is shown only to an actor holding it; on the workbench and
/// admin faces an entry without a permission is shown to any signed-in actor, on the portal to everybody.
/// </summary>
public sealed class ShellMenu(IEnumerable<MenuEntry> entries)
{
    private readonly MenuEntry[] _entries = [.. entries];

    /// <summary>Entries of <paramref name="face"/> visible to <paramref name="actor"/>, by order then title.</summary>
    public IReadOnlyList<MenuEntry> For(ShellFace face, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return [.. _entries
            .Where(e => e.Face == face && IsVisible(e, actor))
            .OrderBy(e => e.Order).ThenBy(e => e.TitleZh, StringComparer.Ordinal)];
    }

    /// <summary>Visible entries grouped by <see cref="MenuEntry.GroupZh"/>; ungrouped entries come first under a null key.</summary>
    public IReadOnlyList<MenuGroup> Grouped(ShellFace face, Actor actor) =>
        [.. For(face, actor)
            .GroupBy(e => (e.GroupZh, e.GroupEn))
            .OrderBy(g => g.Key.GroupZh is null ? 0 : 1)
            .ThenBy(g => g.Min(e => e.Order))
            .Select(g => new MenuGroup(g.Key.GroupZh, g.Key.GroupEn ?? g.Key.GroupZh, [.. g]))];

    /// <summary>Whether <paramref name="actor"/> may see <paramref name="entry"/>.</summary>
    public static bool IsVisible(MenuEntry entry, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(actor);
        if (entry.Permission is not null) return actor.Has(entry.Permission) || entry.OrPermissions.Any(actor.Has);
        return entry.Face == ShellFace.Portal || actor.IsAuthenticated;
    }
}

/// <summary>A titled group of menu entries (admin console side menu).</summary>
/// <param name="TitleZh">Chinese group title; null for entries without a group.</param>
/// <param name="TitleEn">English group title.</param>
/// <param name="Entries">Entries in display order.</param>
public sealed record MenuGroup(string? TitleZh, string? TitleEn, IReadOnlyList<MenuEntry> Entries);
