using Microsoft.EntityFrameworkCore;
using Qilu.Catalog.Contracts;
using Qilu.Catalog.Data;
using Qilu.Catalog.Grading;
using Qilu.SharedKernel.Paging;

namespace Qilu.Catalog.Search;

/// <summary>
/// Search with the database: every whitespace-separated word must occur (substring, so Chinese needs no segmenter)
/// in the denormalised search text of the published version (name, abstract, theme, provider, item names). Facets
/// come from one GROUP BY over the facet columns of the matching set, summed per facet in memory; the page from a
/// second query ordered by publication date. Two statements per search, whatever the number of facets.
/// </summary>
internal sealed class DatabaseCatalogSearch(CatalogDbContext db) : ICatalogSearch
{
    public async Task<CatalogSearchResult> SearchAsync(CatalogQuery query, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        var paging = new PageRequest(query.Page, query.Size).Normalized();
        var versions = db.Versions.AsNoTracking().Where(v => v.Status == EntryStatus.Published);
        foreach (var word in (query.Q ?? "").Split([' ', '\u3000', '\t'], StringSplitOptions.RemoveEmptyEntries).Take(8))
            versions = versions.Where(v => v.SearchText.Contains(word));
        if (query.Unit is { } unit) versions = versions.Where(v => v.ProviderUnitId == unit);
        if (query.Grade is { } grade) versions = versions.Where(v => v.Grade == grade);
        if (query.ShareType is { } share) versions = versions.Where(v => v.ShareType == share);
        if (!string.IsNullOrEmpty(query.Theme)) versions = versions.Where(v => v.Theme == query.Theme);
        if (query.Format is { } format) versions = versions.Where(v => v.Format == format);

        var groups = await versions
            .GroupBy(v => new { v.ProviderUnitId, v.ProviderName, v.Grade, v.ShareType, v.Theme, v.Format })
            .Select(g => new { g.Key.ProviderUnitId, g.Key.ProviderName, g.Key.Grade, g.Key.ShareType, g.Key.Theme, g.Key.Format, Count = g.LongCount() })
            .ToListAsync(ct);
        var total = groups.Sum(g => g.Count);
        var hits = total == 0 ? [] : await versions.OrderByDescending(v => v.PublishedAt).ThenBy(v => v.Code)
            .Skip(paging.Skip).Take(paging.Size)
            .Select(v => new CatalogHit(v.EntryId, v.Code, v.Name, v.Abstract, v.ProviderUnitId, v.ProviderName, v.ProviderDivisionCode, v.Category,
                v.Theme, v.Grade, v.ShareType, v.OpenType, v.Format, v.UpdateCycle, v.PublishedAt))
            .ToListAsync(ct);

        static IReadOnlyList<FacetValue> Facet<TKey>(IEnumerable<(TKey Key, string Label, long Count)> rows) where TKey : notnull =>
            [.. rows.GroupBy(r => r.Key).Select(g => new FacetValue(g.Key.ToString()!, g.First().Label, g.Sum(r => r.Count)))
                .OrderByDescending(f => f.Count).ThenBy(f => f.Value, StringComparer.Ordinal)];
        var facets = new Dictionary<string, IReadOnlyList<FacetValue>>
        {
            ["unit"] = Facet(groups.Select(g => (g.ProviderUnitId, g.ProviderName, g.Count))),
            ["grade"] = Facet(groups.Select(g => (g.Grade, GradePolicy.Label(g.Grade), g.Count))),
            ["shareType"] = Facet(groups.Select(g => (g.ShareType, GradingRules.ShareLabel(g.ShareType), g.Count))),
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
