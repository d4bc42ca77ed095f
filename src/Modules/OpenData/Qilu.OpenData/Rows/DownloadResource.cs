using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using MiniExcelLibs;
using Qilu.OpenData.UseCases;
using Qilu.Platform.Auth;
using Qilu.Platform.Http;
using Qilu.SharedKernel.Results;

namespace Qilu.OpenData.Rows;

/// <summary>
/// GET /opendata/resources/{id}/download.{csv|json|xlsx}: the whole resource as the public may see it (visible fields
/// only, aggregated ones generalised), read in pages through Catalog's IResourceRows. CSV and JSON stream;
/// XLSX is built in memory and limited to <see cref="XlsxMaxRows"/> rows (use CSV beyond). 有条件开放 datasets need an
/// approved application (API key header, or the applicant signed in).
/// </summary>
internal static class DownloadResource
{
    public const int XlsxMaxRows = 100_000;
    private const int PageSize = 5_000;

    public static void Map(IEndpointRouteBuilder routes)
    {
        foreach (var ext in new[] { "csv", "json", "xlsx" })
            routes.MapGet($"/opendata/resources/{{id:guid}}/download.{ext}", (Guid id, HttpContext ctx, RowAccess access, RowReader reader, ActorAccessor actors, OpenDataAudit audit) =>
                DownloadAsync(id, ext, ctx, access, reader, actors, audit)).AllowAnonymous().WithTags("OpenData").WithName("DownloadResource" + ext)
                .WithSummary($"下载 {ext.ToUpperInvariant()} / Download");
    }

    private static async Task<IResult> DownloadAsync(Guid id, string ext, HttpContext ctx, RowAccess access, RowReader reader, ActorAccessor actors, OpenDataAudit audit)
    {
        var ct = ctx.RequestAborted;
        var found = await access.FindAsync(id, ct);
        if (found is null) return Problems.NotFound("资源", "Resource");
        var grant = await access.CheckAsync(found.Dataset, ctx, ct);
        if (!grant.Allowed)
            return Problems.From(ErrorKind.Forbidden, [new Error("opendata.conditional", "该数据集为有条件开放，须申请获批后下载", "This dataset is conditionally open: apply and be approved first")]);
        var resource = found.For(grant);
        await access.CountAsync(resource.Dataset.Id, grant, download: true, ct);
        await audit.WriteAsync("opendata.resources.downloaded", "resource", id.ToString(), actors.FromContext(ctx), new { format = ext, grant.Reason, grant.ApplicationId }, ct);
        var fileName = Uri.EscapeDataString($"{resource.Dataset.Title}-{resource.Resource.Name}.{ext}");
        ctx.Response.Headers.ContentDisposition = $"attachment; filename*=UTF-8''{fileName}";
        var fields = resource.Fields;
        if (ext == "xlsx")
        {
            var rows = new List<Dictionary<string, object?>>();
            await foreach (var row in ReadAllAsync(reader, resource, ct))
            {
                if (rows.Count >= XlsxMaxRows)
                    return Problems.From(ErrorKind.Validation, [new Error("opendata.xlsx.too_large", $"XLSX 下载最多 {XlsxMaxRows} 行，请下载 CSV", $"XLSX downloads hold at most {XlsxMaxRows} rows; download CSV")]);
                var dict = new Dictionary<string, object?>(StringComparer.Ordinal);
                for (var i = 0; i < fields.Count; i++) dict[fields[i].Name] = row[i];
                rows.Add(dict);
            }
            var stream = new MemoryStream();
            if (rows.Count == 0) rows.Add(fields.ToDictionary(f => f.Name, _ => (object?)null));
            await stream.SaveAsAsync(rows, cancellationToken: ct);
            stream.Position = 0;
            return Results.File(stream, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        }
        if (ext == "csv")
        {
            ctx.Response.ContentType = "text/csv; charset=utf-8";
            await using var writer = new StreamWriter(ctx.Response.Body, new UTF8Encoding(true));
            await writer.WriteLineAsync(string.Join(',', fields.Select(f => Ckan.Csv.Escape(f.Name))));
            await foreach (var row in ReadAllAsync(reader, resource, ct)) await writer.WriteLineAsync(string.Join(',', row.Select(Ckan.Csv.Escape)));
            return Results.Empty;
        }
        ctx.Response.ContentType = "application/json; charset=utf-8";
        await using (var json = new Utf8JsonWriter(ctx.Response.Body, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartArray();
            await foreach (var row in ReadAllAsync(reader, resource, ct))
            {
                json.WriteStartObject();
                for (var i = 0; i < fields.Count; i++) json.WriteString(fields[i].Name, row[i]);
                json.WriteEndObject();
                if (json.BytesPending > 64 * 1024) await json.FlushAsync(ct);
            }
            json.WriteEndArray();
        }
        return Results.Empty;
    }

    private static async IAsyncEnumerable<string?[]> ReadAllAsync(RowReader reader, OpenResource resource, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        for (long offset = 0; ; offset += PageSize)
        {
            var page = await reader.ReadAsync(resource, resource.Fields, [], null, PageSize, offset, false, null, false, ct);
            foreach (var row in page.Rows) yield return row;
            if (page.Rows.Count < PageSize) yield break;
        }
    }
}
