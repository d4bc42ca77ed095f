namespace Qilu.Search;

/// <summary>
/// A document to index. <see cref="Text"/> fields are analysed for Chinese full-text search (BM25);
/// <see cref="Keywords"/> are exact values used for filters and facet counts (unit, grade, theme …);
/// <see cref="Numbers"/> sort results (publication time, popularity); <see cref="Payload"/> is stored as is and
/// returned with each hit so a list page needs no database round trip.
/// </summary>
public sealed class SearchDocument
{
    /// <summary>The owning module's id of the record; upserts replace by it.</summary>
    public required string Id { get; init; }

    /// <summary>Full-text fields by name (e.g. <c>title</c>, <c>body</c>).</summary>
    public Dictionary<string, string> Text { get; } = new(StringComparer.Ordinal);

    /// <summary>Exact-match fields by name; several values per field allowed (tags).</summary>
    public Dictionary<string, IReadOnlyList<string>> Keywords { get; } = new(StringComparer.Ordinal);

    /// <summary>Sortable numbers by name.</summary>
    public Dictionary<string, long> Numbers { get; } = new(StringComparer.Ordinal);

    /// <summary>Opaque stored value returned with hits (usually a small JSON summary).</summary>
    public string? Payload { get; init; }
}

/// <summary>A query: Chinese or English text, exact filters, the facets to count, paging and sort.</summary>
/// <param name="Text">Free text; null or blank matches every document.</param>
/// <param name="Filters">Keyword field → accepted values (values of one field are OR-ed, fields are AND-ed).</param>
/// <param name="Facets">Keyword fields whose value counts over the matching documents are wanted.</param>
/// <param name="Skip">Hits to skip.</param>
/// <param name="Take">Hits to return (≤ 1,000).</param>
/// <param name="SortBy">A number field to sort by instead of relevance.</param>
/// <param name="Descending">Sort direction for <paramref name="SortBy"/>.</param>
/// <param name="Boosts">Weight per text field (default 1); e.g. title 3, body 1.</param>
/// <param name="Highlight">Whether hits carry highlighted fragments. Highlighting re-analyses every stored text field
/// of every returned hit (the Chinese analyser is the costliest step of a search); callers that show no fragments
/// (APIs returning stored documents) turn it off, and then only the id and payload of a hit are read.</param>
public sealed record SearchQuery(
    string? Text,
    IReadOnlyDictionary<string, IReadOnlyList<string>>? Filters = null,
    IReadOnlyList<string>? Facets = null,
    int Skip = 0,
    int Take = 20,
    string? SortBy = null,
    bool Descending = true,
    IReadOnlyDictionary<string, float>? Boosts = null,
    bool Highlight = true);

/// <summary>One hit: the record id, its BM25 score, its stored payload and highlighted fragments per text field.</summary>
public sealed record SearchHit(string Id, float Score, string? Payload, IReadOnlyDictionary<string, string> Highlights);

/// <summary>A facet value and how many matching documents carry it.</summary>
public sealed record FacetCount(string Value, int Count);

/// <summary>The answer: total matches, the requested page, and facet counts over all matches.</summary>
public sealed record SearchResult(int Total, IReadOnlyList<SearchHit> Hits, IReadOnlyDictionary<string, IReadOnlyList<FacetCount>> Facets);

/// <summary>
/// One named full-text index (matters, catalog, tickets …). The owning module feeds it from its events or rebuilds it
/// from its database; the index is derived data and can always be thrown away and rebuilt.
/// </summary>
public interface ISearchIndex
{
    /// <summary>Index name, also its folder under the data directory.</summary>
    string Name { get; }

    /// <summary>Number of documents.</summary>
    int Count { get; }

    /// <summary>Adds or replaces documents (by id) and makes them searchable before returning.</summary>
    void Upsert(IEnumerable<SearchDocument> documents);

    /// <summary>Removes documents by id.</summary>
    void Delete(IEnumerable<string> ids);

    /// <summary>Replaces the whole content with <paramref name="documents"/> atomically (readers see old or new).</summary>
    void Rebuild(IEnumerable<SearchDocument> documents);

    /// <summary>Runs a query.</summary>
    SearchResult Search(SearchQuery query);

    /// <summary>The analyser's tokens for <paramref name="text"/> (for explaining matches and for tests).</summary>
    IReadOnlyList<string> Tokens(string text);
}

/// <summary>Opens indexes by name (singleton; indexes live for the process).</summary>
public interface ISearchIndexes
{
    /// <summary>The index named <paramref name="name"/> (<c>[a-z0-9-]+</c>), created on first use.</summary>
    ISearchIndex Get(string name);
}
