using Qilu.Catalog.Contracts;
using Qilu.SharedKernel.Paging;

namespace Qilu.Catalog.Search;

/// <summary>A catalog search: words (all must match) and facet filters.</summary>
internal sealed record CatalogQuery(string? Q, Guid? Unit, DataGrade? Grade, ShareType? ShareType, string? Theme, ResourceFormat? Format,
    int Page = 1, int Size = 20);

/// <summary>One published entry in the results.</summary>
internal sealed record CatalogHit(Guid Id, string Code, string Name, string Abstract, Guid ProviderUnitId, string ProviderName,
    string ProviderDivisionCode, CatalogCategory Category, string? Theme, DataGrade Grade, ShareType ShareType, OpenType OpenType,
    ResourceFormat Format, string UpdateCycle, DateTimeOffset? PublishedAt);

/// <summary>One value of a facet with the number of matching entries.</summary>
internal sealed record FacetValue(string Value, string Label, long Count);

/// <summary>Results with facet counts over the whole matching set (not just the page).</summary>
internal sealed record CatalogSearchResult(Paged<CatalogHit> Hits, IReadOnlyDictionary<string, IReadOnlyList<FacetValue>> Facets);

/// <summary>
/// Search over published catalog entries. Implemented over the database for now (<see cref="DatabaseCatalogSearch"/>);
/// the Lucene-based Qilu.Search engine (Chinese analyzer, BM25) replaces it behind this interface, fed by
/// <see cref="CatalogEntryPublished"/>/<see cref="CatalogEntryWithdrawn"/>.
/// </summary>
internal interface ICatalogSearch
{
    Task<CatalogSearchResult> SearchAsync(CatalogQuery query, CancellationToken ct);
}
