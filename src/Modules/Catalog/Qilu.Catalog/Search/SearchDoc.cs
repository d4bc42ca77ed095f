using Qilu.Catalog.Contracts;
using Qilu.Catalog.Data;
using Qilu.Catalog.Entries;

namespace Qilu.Catalog.Search;

/// <summary>
/// One row per published entry, narrow on purpose: the facet columns and the search text only, so that a LIKE scan
/// and the facet GROUP BY read a small table instead of full versions (abstracts, grading JSON, review notes).
/// Maintained in the same transaction as publication and withdrawal; a Lucene index fed by the catalog events
/// replaces it later behind <see cref="ICatalogSearch"/>.
/// </summary>
internal sealed class SearchDoc
{
    public Guid EntryId { get; init; }

    public Guid UnitId { get; set; }

    public string UnitName { get; set; } = "";

    public DataGrade Grade { get; set; }

    public ShareType ShareType { get; set; }

    public string? Theme { get; set; }

    public ResourceFormat Format { get; set; }

    public DateTimeOffset PublishedAt { get; set; }

    public string Text { get; set; } = "";

    /// <summary>Adds or refreshes the document of <paramref name="entry"/>'s published version, or removes it.</summary>
    public static void Sync(CatalogDbContext db, CatalogEntry entry, SearchDoc? existing)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(entry);
        if (entry.Published is not { } p)
        {
            if (existing is not null) db.SearchDocs.Remove(existing);
            return;
        }
        var doc = existing ?? new SearchDoc { EntryId = entry.Id };
        doc.UnitId = entry.ProviderUnitId;
        doc.UnitName = entry.ProviderName;
        doc.Grade = p.Grade;
        doc.ShareType = p.ShareType;
        doc.Theme = p.Theme;
        doc.Format = p.Format;
        doc.PublishedAt = p.PublishedAt ?? entry.UpdatedAt;
        doc.Text = p.SearchText;
        if (existing is null) db.SearchDocs.Add(doc);
    }
}
