using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Qilu.Catalog.Contracts;
using Qilu.Catalog.Data;
using Qilu.Search;
using Qilu.SharedKernel.Paging;

namespace Qilu.Catalog.Search;

/// <summary>
/// Catalog search on the Chinese full-text index (index <c>catalog</c>, ADR 0012): BM25 over name, abstract, theme,
/// provider and item names, with facet counts over every match. The index is fed from the narrow
/// <see cref="SearchDoc"/> projection, which publication and withdrawal maintain in their own transaction:
/// before each search this node applies what changed since it last looked (documents published after its watermark
/// are upserted; a count that still differs, i.e. a withdrawal, triggers a rebuild). Every node keeps its own
/// index current that way, with no event delivery per node.
/// </summary>
internal sealed class LuceneCatalogSearch(CatalogDbContext db, CatalogIndexState state, ISearchIndexes indexes) : ICatalogSearch
{
    private static readonly IReadOnlyDictionary<string, float> Boosts = new Dictionary<string, float> { ["text"] = 1 };

    public async Task<CatalogSearchResult> SearchAsync(CatalogQuery query, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        var index = indexes.Get("catalog");
        await state.CatchUpAsync(db, index, ct);

        var paging = new PageRequest(query.Page, query.Size).Normalized();
        var filters = new Dictionary<string, IReadOnlyList<string>>();
        if (query.Unit is { } unit) filters["unit"] = [unit.ToString()];
        if (query.Grade is { } grade) filters["grade"] = [grade.ToString()];
        if (query.ShareType is { } share) filters["shareType"] = [share.ToString()];
        if (!string.IsNullOrEmpty(query.Theme)) filters["theme"] = [query.Theme];
        if (query.Format is { } format) filters["format"] = [format.ToString()];
        var text = string.IsNullOrWhiteSpace(query.Q) ? null : query.Q;
        // Without words, newest first (as the database search did); with words, by relevance.
        var result = index.Search(new SearchQuery(text, filters, ["unit", "grade", "shareType", "theme", "format"], paging.Skip, paging.Size,
            SortBy: text is null ? "published" : null, Boosts: Boosts));

        var ids = result.Hits.Select(h => Guid.Parse(h.Id)).ToList();
        // By entry id only (the (EntryId, Number) index); filtering on status in SQL made SQLite prefer the
        // (Status, PublishedAt) index and scan every published version (~100 ms at 100,000 entries).
        var rows = ids.Count == 0 ? [] : (await db.Versions.AsNoTracking()
            .Where(v => ids.Contains(v.EntryId))
            .Select(v => new { v.Status, Hit = new CatalogHit(v.EntryId, v.Code, v.Name, v.Abstract, v.ProviderUnitId, v.ProviderName, v.ProviderDivisionCode, v.Category,
                v.Theme, v.Grade, v.ShareType, v.OpenType, v.Format, v.UpdateCycle, v.PublishedAt) })
            .ToListAsync(ct)).Where(r => r.Status == EntryStatus.Published).Select(r => r.Hit).ToList();
        var hits = ids.Select(id => rows.FirstOrDefault(r => r.Id == id)).OfType<CatalogHit>().ToList();

        var facets = new Dictionary<string, IReadOnlyList<FacetValue>>
        {
            ["unit"] = [.. result.Facets["unit"].Select(f => new FacetValue(f.Value, state.UnitName(f.Value), f.Count))],
            ["grade"] = [.. result.Facets["grade"].Select(f => new FacetValue(f.Value, GradePolicy.Label(Enum.Parse<DataGrade>(f.Value)), f.Count))],
            ["shareType"] = [.. result.Facets["shareType"].Select(f => new FacetValue(f.Value, GradePolicy.ShareLabel(Enum.Parse<ShareType>(f.Value)), f.Count))],
            ["theme"] = [.. result.Facets["theme"].Select(f => new FacetValue(f.Value, f.Value, f.Count))],
            ["format"] = [.. result.Facets["format"].Select(f => new FacetValue(f.Value, DatabaseCatalogSearch.FormatLabel(Enum.Parse<ResourceFormat>(f.Value)), f.Count))],
        };
        return new CatalogSearchResult(new Paged<CatalogHit>(hits, paging.Page, paging.Size, result.Total), facets);
    }

    internal static SearchDocument ToDocument(SearchDoc d)
    {
        var doc = new SearchDocument { Id = d.EntryId.ToString() };
        doc.Text["text"] = d.Text;
        doc.Keywords["unit"] = [d.UnitId.ToString()];
        doc.Keywords["grade"] = [d.Grade.ToString()];
        doc.Keywords["shareType"] = [d.ShareType.ToString()];
        if (d.Theme is not null) doc.Keywords["theme"] = [d.Theme];
        doc.Keywords["format"] = [d.Format.ToString()];
        doc.Numbers["published"] = d.PublishedAt.ToUnixTimeMilliseconds();
        return doc;
    }
}

/// <summary>This node's position in the <see cref="SearchDoc"/> projection (singleton: one per process and index).</summary>
internal sealed class CatalogIndexState : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    // Unit id → name for the unit facet's labels, learnt from the documents this node indexed (no query per search).
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> _unitNames = new(StringComparer.Ordinal);
    private DateTimeOffset _watermark = DateTimeOffset.MinValue;
    private bool _built;

    public async Task CatchUpAsync(CatalogDbContext db, ISearchIndex index, CancellationToken ct)
    {
        var docs = db.SearchDocs.AsNoTracking();
        var count = await docs.CountAsync(ct);
        var latest = count == 0 ? DateTimeOffset.MinValue : await docs.MaxAsync(d => d.PublishedAt, ct);
        if (_built && latest <= _watermark && count == index.Count) return;
        await _gate.WaitAsync(ct);
        try
        {
            if (!_built || latest < _watermark)
            {
                index.Rebuild(Documents(await docs.ToListAsync(ct)));
                _built = true;
            }
            else if (latest > _watermark)
            {
                var since = _watermark;
                index.Upsert(Documents(await docs.Where(d => d.PublishedAt >= since).ToListAsync(ct)));
            }
            if (index.Count != count)
                index.Rebuild(Documents(await docs.ToListAsync(ct)));
            _watermark = latest;
        }
        finally
        {
            _gate.Release();
        }
    }

    public string UnitName(string unitId) => _unitNames.GetValueOrDefault(unitId, unitId);

    private IEnumerable<SearchDocument> Documents(IEnumerable<SearchDoc> docs)
    {
        foreach (var d in docs)
        {
            _unitNames[d.UnitId.ToString()] = d.UnitName;
            yield return LuceneCatalogSearch.ToDocument(d);
        }
    }

    public void Dispose() => _gate.Dispose();

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"catalog index at {_watermark:O}");
}
