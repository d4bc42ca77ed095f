using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Qilu.Catalog.Contracts;
using Qilu.OpenData.Data;
using Qilu.OpenData.Datasets;
using Qilu.Search;

namespace Qilu.OpenData.Search;

/// <summary>
/// This node's position in the datasets table for the <c>opendata</c> full-text index (singleton). Before each search
/// one aggregate query tells whether anything changed since the node last looked; changed rows are upserted (published)
/// or deleted (withdrawn), and a count that still differs triggers a rebuild. Every node keeps its own index current
/// that way, with no per-node event delivery, and a search costs one SQL statement however many rows it returns.
/// </summary>
internal sealed class DatasetIndex(ISearchIndexes indexes) : IDisposable
{
    public const string IndexName = "opendata";

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly ConcurrentDictionary<string, string> _organizationTitles = new(StringComparer.Ordinal);
    private long _watermark = long.MinValue;
    private int _published = -1;

    public ISearchIndex Index => indexes.Get(IndexName);

    /// <summary>Organisation name → title, from the documents this node indexed.</summary>
    public string OrganizationTitle(string name) => _organizationTitles.GetValueOrDefault(name, name);

    public async Task CatchUpAsync(OpenDataDbContext db, CancellationToken ct)
    {
        var state = await db.Datasets.AsNoTracking().GroupBy(_ => 1)
            .Select(g => new { Published = g.Count(d => d.State == DatasetState.Published), Latest = g.Max(d => d.ModifiedAt) })
            .FirstOrDefaultAsync(ct);
        var published = state?.Published ?? 0;
        var latest = state?.Latest.ToUnixTimeMilliseconds() ?? long.MinValue;
        if (latest == _watermark && published == _published && Index.Count == published) return;
        await _gate.WaitAsync(ct);
        try
        {
            var index = Index;
            if (_published < 0)
            {
                index.Rebuild(Documents(await Published(db).ToListAsync(ct)));
            }
            else if (latest > _watermark)
            {
                var since = DateTimeOffset.FromUnixTimeMilliseconds(_watermark);
                var changed = await db.Datasets.AsNoTracking().Where(d => d.ModifiedAt >= since)
                    .Select(d => new Row(d.Id, d.Name, d.Title, d.Description, d.Theme, d.TagsText, d.LicenseId, d.PublisherCode, d.PublisherName,
                        d.UpdateCycle, d.OpenType, d.State, d.CreatedAt, d.ModifiedAt, d.Views + d.Downloads + d.ApiCalls, d.Resources.Count, d.PackageJson))
                    .ToListAsync(ct);
                index.Upsert(Documents(changed.Where(r => r.State == DatasetState.Published)));
                index.Delete(changed.Where(r => r.State != DatasetState.Published).Select(r => r.Id.ToString()));
            }
            if (index.Count != published) index.Rebuild(Documents(await Published(db).ToListAsync(ct)));
            _watermark = latest;
            _published = published;
        }
        finally
        {
            _gate.Release();
        }
    }

    internal sealed record Row(Guid Id, string Name, string Title, string Description, string? Theme, string TagsText, string LicenseId,
        string PublisherCode, string PublisherName, string UpdateCycle, Catalog.Contracts.OpenType OpenType, DatasetState State,
        DateTimeOffset CreatedAt, DateTimeOffset ModifiedAt, long Uses, int Resources, string PackageJson);

    private static IQueryable<Row> Published(OpenDataDbContext db) => db.Datasets.AsNoTracking().Where(d => d.State == DatasetState.Published)
        .Select(d => new Row(d.Id, d.Name, d.Title, d.Description, d.Theme, d.TagsText, d.LicenseId, d.PublisherCode, d.PublisherName,
            d.UpdateCycle, d.OpenType, d.State, d.CreatedAt, d.ModifiedAt, d.Views + d.Downloads + d.ApiCalls, d.Resources.Count, d.PackageJson));

    private IEnumerable<SearchDocument> Documents(IEnumerable<Row> rows)
    {
        foreach (var r in rows)
        {
            var org = PackageDocument.OrganizationName(r.PublisherCode);
            _organizationTitles[org] = r.PublisherName;
            var tags = r.TagsText.Length == 0 ? [] : r.TagsText.Split('|');
            var doc = new SearchDocument { Id = r.Id.ToString(), Payload = r.PackageJson };
            doc.Text["title"] = r.Title;
            doc.Text["text"] = string.Join(' ', [r.Description, r.Theme ?? "", string.Join(' ', tags), r.PublisherName, r.UpdateCycle]);
            doc.Keywords["id"] = [r.Id.ToString()];
            doc.Keywords["name"] = [r.Name];
            doc.Keywords["organization"] = [org];
            if (r.Theme is not null) doc.Keywords["groups"] = [Vocabulary.ThemeSlug(r.Theme)];
            doc.Keywords["tags"] = tags;
            if (r.Resources > 0) doc.Keywords["res_format"] = ["CSV"];
            doc.Keywords["license_id"] = [r.LicenseId];
            doc.Keywords["update_cycle"] = [r.UpdateCycle];
            doc.Keywords["open_type"] = [GradePolicy.OpenLabel(r.OpenType)];
            doc.Numbers["metadata_modified"] = r.ModifiedAt.ToUnixTimeMilliseconds();
            doc.Numbers["metadata_created"] = r.CreatedAt.ToUnixTimeMilliseconds();
            doc.Numbers["name"] = SortKey.Ascii(r.Name);
            doc.Numbers["title_string"] = SortKey.Text(r.Title);
            doc.Numbers["views_total"] = r.Uses;
            yield return doc;
        }
    }

    public void Dispose() => _gate.Dispose();
}

/// <summary>
/// Numeric sort keys that order like the text they stand for, for the index's number-only sorting: slugs by their
/// first 12 characters (base 38), titles by their first 3 UTF-16 code units (Unicode order, as CKAN's
/// <c>title_string</c> sorts by code point). Ties beyond the prefix fall back to relevance.
/// </summary>
internal static class SortKey
{
    public static long Ascii(string name)
    {
        long key = 0;
        for (var i = 0; i < 12; i++)
        {
            var c = i < name.Length ? name[i] : '\0';
            var digit = c switch
            {
                '\0' => 0,
                '-' => 1,
                >= '0' and <= '9' => 2 + (c - '0'),
                '_' => 12,
                >= 'a' and <= 'z' => 13 + (c - 'a'),
                _ => 37,
            };
            key = key * 38 + digit;
        }
        return key;
    }

    public static long Text(string title)
    {
        long key = 0;
        for (var i = 0; i < 3; i++) key = key * 65536 + (i < title.Length ? title[i] : 0);
        return key;
    }
}
