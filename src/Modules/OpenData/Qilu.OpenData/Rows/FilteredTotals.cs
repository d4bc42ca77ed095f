using System.Collections.Concurrent;
using Qilu.Catalog.Contracts;

namespace Qilu.OpenData.Rows;

/// <summary>
/// Exact totals of filtered <c>datastore_search</c> calls, remembered per (table, change sequence, filters) (singleton).
/// The row store has no index on a plain column, so a filtered total counts every row of the table (seconds on a
/// million rows); CKAN returns an exact <c>total</c>, so the count is never estimated or capped — it is reused only while
/// the table's change sequence, which Catalog advances with every import and row change, is the one it was counted
/// at. Any change makes the old keys unreachable; they are dropped when the cache is full.
/// </summary>
internal sealed class FilteredTotals
{
    /// <summary>Entries kept before the cache is emptied (a key is a few hundred bytes).</summary>
    public const int Capacity = 10_000;

    private readonly ConcurrentDictionary<string, long> _totals = new(StringComparer.Ordinal);

    public static string Key(Guid resourceId, long changeSequence, IReadOnlyList<RowFilter> filters) =>
        string.Join('\u001F', [resourceId.ToString("N"), changeSequence.ToString(System.Globalization.CultureInfo.InvariantCulture),
            .. filters.OrderBy(f => f.Field, StringComparer.Ordinal).ThenBy(f => f.Value, StringComparer.Ordinal).Select(f => f.Field + "\u001E" + f.Value)]);

    public bool TryGet(string key, out long total) => _totals.TryGetValue(key, out total);

    public void Remember(string key, long total)
    {
        // Keys of superseded sequences are never asked for again; emptying the whole cache at capacity is simpler than
        // tracking recency and costs one recount per live filter.
        if (_totals.Count >= Capacity) _totals.Clear();
        _totals[key] = total;
    }
}
