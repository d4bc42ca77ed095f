using Qilu.Notices.Contracts;
using Qilu.SharedKernel.Actors;

namespace Qilu.Notices.Notices;

/// <summary>
/// Who reads and who edits a notice. Published public notices: everyone. Published internal notices: officials whose
/// division lies in the publishing unit's division subtree (本单位及下级: a 济南市 notice reaches 历下区, not 市南区).
/// Drafts and withdrawn notices: only the publishing unit's holders of <see cref="NoticesPermissions.Publish"/>.
/// </summary>
internal static class NoticeScope
{
    /// <summary>True when an internal notice of <paramref name="noticeDivision"/> reaches <paramref name="actor"/>.</summary>
    public static bool InAudience(Actor actor, string noticeDivision) =>
        actor.Kind == ActorKind.Official && actor.DivisionCode is { } own
        && own.StartsWith(DivisionScope.PrefixOf(noticeDivision), StringComparison.Ordinal);

    public static bool IsEditor(Actor actor, Notice notice) =>
        actor.Has(NoticesPermissions.Publish) && actor.DepartmentId is { } unit && unit == notice.UnitId;

    public static bool CanRead(Actor actor, Notice notice) => notice.Status == NoticeStatus.Published
        ? notice.IsPublic || InAudience(actor, notice.DivisionCode)
        : IsEditor(actor, notice);

    /// <summary>
    /// The stored division codes whose internal notices reach an official of <paramref name="division"/>: the division
    /// and its ancestors as units carry them (6 digits zero-padded, or the 9/12-digit town and village codes), so a
    /// list filters with an IN over a handful of values instead of a per-row prefix test.
    /// </summary>
    public static IReadOnlyList<string> AncestorCodes(string division)
    {
        var prefix = DivisionScope.PrefixOf(division);
        var codes = new HashSet<string>(StringComparer.Ordinal) { division };
        foreach (var length in (ReadOnlySpan<int>)[2, 4, 6, 9, 12])
        {
            if (length > prefix.Length) break;
            var head = prefix[..length];
            if (length <= 6) codes.Add(head.PadRight(6, '0'));
            codes.Add(head.PadRight(12, '0'));
            if (length == 9) codes.Add(head);
        }
        // Every candidate must pass the same prefix rule as InAudience (a padded code whose prefix is longer is no ancestor).
        return [.. codes.Where(c => division.StartsWith(DivisionScope.PrefixOf(c), StringComparison.Ordinal)).Order(StringComparer.Ordinal)];
    }

    /// <summary>Published, unexpired notices the actor may read; <paramref name="publicOnly"/> keeps the public ones.</summary>
    public static IQueryable<Notice> Visible(IQueryable<Notice> query, Actor actor, bool publicOnly, DateTimeOffset now)
    {
        query = query.Where(n => n.Status == NoticeStatus.Published && (n.ValidUntil == null || n.ValidUntil > now));
        if (publicOnly || actor.Kind != ActorKind.Official || actor.DivisionCode is null) return query.Where(n => n.IsPublic);
        var ancestors = AncestorCodes(actor.DivisionCode);
        return query.Where(n => n.IsPublic || ancestors.Contains(n.DivisionCode));
    }
}
