using Microsoft.EntityFrameworkCore;
using Qilu.Catalog.Contracts;
using Qilu.Catalog.Data;
using Qilu.SharedKernel.Paging;

namespace Qilu.Catalog.Search;

/// <summary>
/// Search with the database: every whitespace-separated word must occur (substring, so Chinese needs no segmenter)
/// in the search text of the published version (name, abstract, theme, provider, item names), held in the narrow
/// <see cref="SearchDoc"/> table. Facets come from one GROUP BY over the facet columns of the matching set, summed
/// per facet in memory; the page ids from a second query ordered by publication date, and the page's rows from the
/// versions by key. Three statements per search, whatever the number of facets.
/// </summary>
internal sealed class DatabaseCatalogSearch(CatalogDbContext db) : ICatalogSearch
{
    public async Task<CatalogSearchResult> SearchAsync(CatalogQuery query, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        var paging = new PageRequest(query.Page, query.Size).Normalized();
        var docs = db.SearchDocs.AsNoTracking();
        foreach (var word in (query.Q ?? "").Split([' ', '\u3000', '\t'], StringSplitOptions.RemoveEmptyEntries).Take(8))
            docs = docs.Where(d => d.Text.Contains(word));
        if (query.Unit is { } unit) docs = docs.Where(d => d.UnitId == unit);
        if (query.Grade is { } grade) docs = docs.Where(d => d.Grade == grade);
        if (query.ShareType is { } share) docs = docs.Where(d => d.ShareType == share);
        if (!string.IsNullOrEmpty(query.Theme)) docs = docs.Where(d => d.Theme == query.Theme);
        if (query.Format is { } format) docs = docs.Where(d => d.Format == format);

        var groups = await docs
            .GroupBy(d => new { d.Grade, d.ShareType, d.Format, d.Theme, d.UnitId, d.UnitName })
            .Select(g => new { g.Key.UnitId, g.Key.UnitName, g.Key.Grade, g.Key.ShareType, g.Key.Theme, g.Key.Format, Count = g.LongCount() })
            .ToListAsync(ct);
        var total = groups.Sum(g => g.Count);
        var ids = total == 0 ? [] : await docs.OrderByDescending(d => d.PublishedAt).ThenBy(d => d.EntryId)
            .Skip(paging.Skip).Take(paging.Size).Select(d => d.EntryId).ToListAsync(ct);
        var rows = ids.Count == 0 ? [] : await db.Versions.AsNoTracking()
            .Where(v => ids.Contains(v.EntryId) && v.Status == EntryStatus.Published)
            .Select(v => new CatalogHit(v.EntryId, v.Code, v.Name, v.Abstract, v.ProviderUnitId, v.ProviderName, v.ProviderDivisionCode, v.Category,
                v.Theme, v.Grade, v.ShareType, v.OpenType, v.Format, v.UpdateCycle, v.PublishedAt))
            .ToListAsync(ct);
        var hits = ids.Select(id => rows.FirstOrDefault(r => r.Id == id)).OfType<CatalogHit>().ToList();

        static IReadOnlyList<FacetValue> Facet<TKey>(IEnumerable<(TKey Key, string Label, long Count)> rows) where TKey : notnull =>
            [.. rows.GroupBy(r => r.Key).Select(g => new FacetValue(g.Key.ToString()!, g.First().Label, g.Sum(r => r.Count)))
                .OrderByDescending(f => f.Count).ThenBy(f => f.Value, StringComparer.Ordinal)];
        var facets = new Dictionary<string, IReadOnlyList<FacetValue>>
        {
            ["unit"] = Facet(groups.Select(g => (g.UnitId, g.UnitName, g.Count))),
            ["grade"] = Facet(groups.Select(g => (g.Grade, GradePolicy.Label(g.Grade), g.Count))),
            ["shareType"] = Facet(groups.Select(g => (g.ShareType, GradePolicy.ShareLabel(g.ShareType), g.Count))),
            ["theme"] = Facet(groups.Where(g => g.Theme != null).Select(g => (g.Theme!, g.Theme!, g.Count))),
            ["format"] = Facet(groups.Select(g => (g.Format, FormatLabel(g.Format), g.Count))),
        };
        return new CatalogSearchResult(new Paged<CatalogHit>(hits, paging.Page, paging.Size, total), facets);
    }

    public static string FormatLabel(ResourceFormat f) => f switch
    {
        ResourceFormat.Database => "数据库",
        ResourceFormat.Spreadsheet => "电子表格",
        ResourceFormat.Document => "电子文件",
        ResourceFormat.Image => "图形图像",
        ResourceFormat.Api => "接口",
        _ => "其他",
    };
}
