using Qilu.Catalog.Contracts;
using Qilu.OpenData.Datasets;

namespace Qilu.OpenData.Rows;

/// <summary>A page of published rows: the fields in order and each row's values as the public sees them.</summary>
internal sealed record PublishedPage(IReadOnlyList<DatasetField> Fields, IReadOnlyList<string?[]> Rows, long? Total);

/// <summary>
/// Reads rows of a dataset's resource through <see cref="IResourceRows"/>, asking only for the visible fields (removed
/// fields never leave the Catalog module) and generalising aggregated ones. Free text (<c>q</c>) has no index behind
/// <see cref="IResourceRows"/>, so it scans at most <see cref="TextScanLimit"/> rows and refuses larger resources
/// rather than answering partially.
/// </summary>
internal sealed class RowReader(IResourceRows rows, FilteredTotals totals)
{
    public const int TextScanLimit = 100_000;

    private const int ScanPage = 5_000;

    public async Task<PublishedPage> ReadAsync(OpenResource resource, IReadOnlyList<DatasetField> fields, IReadOnlyList<RowFilter> filters,
        string? text, int limit, long offset, bool includeTotal, string? sortField, bool sortDescending, CancellationToken ct)
    {
        var names = fields.Select(f => f.Name).ToList();
        if (string.IsNullOrEmpty(text))
        {
            // An unfiltered total is the table's row count, which Catalog keeps with every import: asking for it instead
            // of COUNT(*) keeps a page of a million-row table from scanning the whole index.
            long? total = null;
            var countRows = includeTotal;
            string? totalKey = null;
            if (includeTotal && await rows.FindResourceAsync(resource.Resource.CatalogResourceId, ct) is { } table)
            {
                if (filters.Count == 0)
                {
                    total = table.RowCount;
                    countRows = false;
                }
                else if (totals.TryGet(totalKey = FilteredTotals.Key(table.ResourceId, table.ChangeSequence, filters), out var known))
                {
                    total = known;
                    countRows = false;
                }
            }
            var page = await rows.QueryAsync(resource.Resource.CatalogResourceId,
                new RowQuery(names, filters, null, Math.Max(1, limit), offset, countRows, sortField, sortDescending), ct);
            if (countRows && totalKey is not null && page.Total is { } counted) totals.Remember(totalKey, counted);
            var taken = limit == 0 ? [] : page.Rows;
            return new PublishedPage(fields, [.. taken.Select(r => Project(r, fields))], total ?? page.Total);
        }

        var info = await rows.FindResourceAsync(resource.Resource.CatalogResourceId, ct);
        if (info is not null && info.RowCount > TextScanLimit)
            throw new TextSearchTooLargeException(info.RowCount);
        var matches = new List<string?[]>();
        long matched = 0;
        for (long at = 0; ; at += ScanPage)
        {
            var page = await rows.QueryAsync(resource.Resource.CatalogResourceId,
                new RowQuery(names, filters, null, ScanPage, at, false, sortField, sortDescending), ct);
            foreach (var row in page.Rows)
            {
                var values = Project(row, fields);
                if (!values.Any(v => v is not null && v.Contains(text, StringComparison.OrdinalIgnoreCase))) continue;
                if (matched >= offset && matches.Count < limit) matches.Add(values);
                matched++;
            }
            if (page.Rows.Count < ScanPage || at + ScanPage >= TextScanLimit) break;
        }
        return new PublishedPage(fields, matches, includeTotal ? matched : null);
    }

    private static string?[] Project(ResourceRow row, IReadOnlyList<DatasetField> fields)
    {
        var values = new string?[fields.Count];
        for (var i = 0; i < fields.Count; i++) values[i] = fields[i].Publish(row.Values.GetValueOrDefault(fields[i].Name));
        return values;
    }
}

/// <summary>Free-text search asked of a resource too large to scan.</summary>
internal sealed class TextSearchTooLargeException(long rows) : Exception($"Resource has {rows} rows; full-text q scans at most {RowReader.TextScanLimit}")
{
    public long RowCount { get; } = rows;
}
