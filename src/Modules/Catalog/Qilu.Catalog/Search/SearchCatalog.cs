using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Qilu.Catalog.Contracts;
using Qilu.Platform.Auth;
using Qilu.SharedKernel.Actors;
using Qilu.SharedKernel.Results;

namespace Qilu.Catalog.Search;

/// <summary>
/// GET /api/catalog/entries?q=&amp;unit=&amp;grade=&amp;shareType=&amp;theme=&amp;format=: published entries of the whole
/// province (finding data is open to every official; access to the data itself goes through sharing applications),
/// with facet counts.
/// </summary>
internal static class SearchCatalog
{
    public static void Map(IEndpointRouteBuilder api) => api.MapGet("/entries", EndpointAsync)
        .RequirePermission(CatalogPermissions.EntriesRead)
        .WithName("SearchCatalog").WithSummary("目录检索 / Search the catalog").Produces<CatalogSearchResult>();

    private static async Task<IResult> EndpointAsync(string? q, Guid? unit, DataGrade? grade, ShareType? shareType, string? theme,
        ResourceFormat? format, int? page, int? size, HttpContext ctx, ActorAccessor actors, ICatalogSearch search) =>
        Outcomes.Ok(await HandleAsync(actors.FromContext(ctx), new CatalogQuery(q, unit, grade, shareType, theme, format, page ?? 1, size ?? 20),
            search, ctx.RequestAborted));

    internal static async Task<Result<CatalogSearchResult>> HandleAsync(Actor actor, CatalogQuery query, ICatalogSearch search, CancellationToken ct)
    {
        if (Outcomes.Lacks(actor, CatalogPermissions.EntriesRead) is { } denied) return Outcomes.Denied<CatalogSearchResult>(denied);
        if (query.Q is { Length: > 100 })
            return Outcomes.Invalid<CatalogSearchResult>("q.too_long", "检索词不能超过100个字符", "The query must be at most 100 characters", "q");
        return await search.SearchAsync(query, ct);
    }
}
