using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Qilu.Catalog.Auditing;
using Qilu.Catalog.Contracts;
using Qilu.Catalog.Data;
using Qilu.Platform.Auth;
using Qilu.Platform.Cryptography.Fields;
using Qilu.SharedKernel.Actors;
using Qilu.SharedKernel.Results;

namespace Qilu.Catalog.Resources.Import;

/// <summary>
/// POST /api/catalog/resources/{id}/imports?format=csv|xlsx|json&amp;fileName=&amp;deleteMissing=: imports the request
/// body into a mounted table. CSV and JSON are parsed straight from the request stream; XLSX (a zip, directory at the
/// end) is spooled to a temporary file first. Rejected rows are reported, the rest kept; re-imports are incremental.
/// </summary>
internal static class ImportTable
{
    public static readonly string[] Formats = ["csv", "xlsx", "json"];

    public static void Map(IEndpointRouteBuilder api) => api.MapPost("/resources/{id:guid}/imports", EndpointAsync)
        .RequirePermission(CatalogPermissions.ResourcesManage)
        .WithName("ImportCatalogTable").WithSummary("导入库表数据 / Import rows").Produces<ImportReport>().ProducesValidationProblem()
        .DisableAntiforgery();

    private static async Task<IResult> EndpointAsync(Guid id, string? format, string? fileName, bool? deleteMissing, HttpContext ctx, ActorAccessor actors,
        CatalogDbContext db, IFieldProtector protector, TimeProvider clock, CatalogAudit audit)
    {
        // Large files: the body is streamed, so lift the server's default request-size cap for this endpoint only.
        if (ctx.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size) size.MaxRequestBodySize = 2L * 1024 * 1024 * 1024;
        return Outcomes.Ok(await HandleAsync(actors.FromContext(ctx), id, format, fileName, deleteMissing ?? false, ctx.Request.Body, null, db, protector, clock, audit, ctx.RequestAborted));
    }

    internal static async Task<Result<ImportReport>> HandleAsync(Actor actor, Guid id, string? format, string? fileName, bool deleteMissing, Stream body,
        IProgress<ImportProgress>? progress, CatalogDbContext db, IFieldProtector protector, TimeProvider clock, CatalogAudit audit, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (Outcomes.Lacks(actor, CatalogPermissions.ResourcesManage) is { } denied) return Outcomes.Denied<ImportReport>(denied);
        var resource = await db.Resources.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (resource is null || !ResourceAccess.CanManage(actor, resource.ProviderUnitId)) return Outcomes.NotFound<ImportReport>("资源", "Resource");
        if (resource.Kind != ResourceKind.Table)
            return Outcomes.Invalid<ImportReport>("import.not_a_table", "只有库表资源可以导入数据", "Only table resources take imports", "id");
        format = (format ?? Path.GetExtension(fileName ?? "").TrimStart('.')).ToLowerInvariant();
        if (!Formats.Contains(format))
            return Outcomes.Invalid<ImportReport>("import.format", "文件格式须为 csv、xlsx 或 json", "The format must be csv, xlsx or json", "format");
        var name = Path.GetFileName(string.IsNullOrWhiteSpace(fileName) ? $"upload.{format}" : fileName.Trim());
        if (name.Length > 255) name = name[^255..];
        var importer = new TableImporter(db, protector, clock);
        Result<ImportReport> report;
        if (format == "xlsx")
        {
            var temp = Path.Combine(Path.GetTempPath(), $"qilu-import-{Guid.NewGuid():N}.xlsx");
            await using var spool = new FileStream(temp, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
            await body.CopyToAsync(spool, ct);
            spool.Position = 0;
            report = await importer.RunAsync(resource, name, format, deleteMissing, actor.SubjectId, XlsxRows.ReadAsync(spool, ct), progress, ct);
        }
        else
        {
            var rows = format == "csv" ? CsvRows.ReadAsync(body, ct) : JsonRows.ReadAsync(body, resource.Columns, ct);
            report = await importer.RunAsync(resource, name, format, deleteMissing, actor.SubjectId, rows, progress, ct);
        }
        if (report.IsSuccess)
        {
            var r = report.Value;
            await audit.WriteAsync("catalog.resources.imported", "catalog_resource", resource.Id.ToString(), actor,
                new { import = r.Id, r.FileName, r.RowsRead, r.Inserted, r.Updated, r.Unchanged, r.Deleted, r.Rejected, r.FromSequence, r.ToSequence }, ct);
        }
        return report;
    }
}
