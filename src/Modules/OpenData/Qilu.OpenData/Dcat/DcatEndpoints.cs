using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Qilu.OpenData.Ckan;
using Qilu.OpenData.Data;
using Qilu.OpenData.Datasets;
using Qilu.Platform.Http;
using Qilu.SharedKernel.Results;

namespace Qilu.OpenData.Dcat;

/// <summary>
/// GET /catalog.{ttl|jsonld|rdf}?page=&amp;modified_since= (the ckanext-dcat endpoints) and
/// GET /opendata/datasets/{name}.{ttl|jsonld|rdf}: DCAT-AP 3 in Turtle, JSON-LD and RDF/XML, public.
/// </summary>
internal static class DcatEndpoints
{
    public static void Map(IEndpointRouteBuilder routes)
    {
        foreach (var ext in new[] { "ttl", "jsonld", "rdf" })
        {
            routes.MapGet("/catalog." + ext, (HttpContext ctx, OpenDataDbContext db, string? page, string? modified_since) =>
                CatalogAsync(ctx, db, ext, page, modified_since)).AllowAnonymous().WithTags("DCAT").WithName("DcatCatalog" + ext)
                .WithSummary($"DCAT-AP 3 catalog ({ext})");
            routes.MapGet("/opendata/datasets/{name}." + ext, (HttpContext ctx, OpenDataDbContext db, string name) => DatasetAsync(ctx, db, ext, name))
                .AllowAnonymous().WithTags("DCAT").WithName("DcatDataset" + ext).WithSummary($"DCAT-AP 3 dataset ({ext})");
        }
    }

    internal static async Task<IResult> CatalogAsync(HttpContext ctx, OpenDataDbContext db, string ext, string? pageText, string? modifiedSinceText)
    {
        var page = 1;
        if (pageText is not null && (!int.TryParse(pageText, NumberStyles.None, CultureInfo.InvariantCulture, out page) || page < 1))
            return Problems.Validation(new Error("dcat.page.invalid", "page 须为正整数", "page must be a positive integer", "page"));
        DateTimeOffset? since = null;
        if (modifiedSinceText is not null)
        {
            if (!DateTimeOffset.TryParse(modifiedSinceText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
                return Problems.Validation(new Error("dcat.modified_since.invalid", "modified_since 须为 ISO 8601 时间", "modified_since must be an ISO 8601 date-time", "modified_since"));
            since = parsed.ToUniversalTime();
        }
        var query = db.Datasets.AsNoTracking().Where(d => d.State == DatasetState.Published);
        if (since is { } s) query = query.Where(d => d.ModifiedAt >= s);
        var total = await query.CountAsync(ctx.RequestAborted);
        var lastPage = Math.Max(1, (total + DcatCatalog.PageSize - 1) / DcatCatalog.PageSize);
        if (page > lastPage) return Problems.NotFound("目录页", "Catalog page");
        var datasets = await query.OrderByDescending(d => d.ModifiedAt).ThenBy(d => d.Id).Skip((page - 1) * DcatCatalog.PageSize).Take(DcatCatalog.PageSize)
            .Include(d => d.Resources).AsSplitQuery().ToListAsync(ctx.RequestAborted);
        return Write(DcatCatalog.Catalog(PublicBase.Of(ctx), datasets, total, page, ext, since), ext);
    }

    internal static async Task<IResult> DatasetAsync(HttpContext ctx, OpenDataDbContext db, string ext, string name)
    {
        var dataset = await db.Datasets.AsNoTracking().Include(d => d.Resources)
            .FirstOrDefaultAsync(d => d.Name == name && d.State == DatasetState.Published, ctx.RequestAborted);
        return dataset is null ? Problems.NotFound("数据集", "Dataset") : Write(DcatCatalog.Single(PublicBase.Of(ctx), dataset), ext);
    }

    internal static IResult Write(RdfGraph graph, string ext) => ext switch
    {
        "ttl" => Results.Text(TurtleWriter.Write(graph), TurtleWriter.MediaType + "; charset=utf-8"),
        "jsonld" => Results.Text(JsonLdWriter.Write(graph), JsonLdWriter.MediaType + "; charset=utf-8"),
        _ => Results.Text(RdfXmlWriter.Write(graph), RdfXmlWriter.MediaType + "; charset=utf-8"),
    };
}
