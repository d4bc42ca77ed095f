using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Qilu.Catalog.Contracts;
using Qilu.Catalog.Data;
using Qilu.Catalog.Entries;
using Qilu.Identity.Contracts;
using Qilu.Platform.Auth;
using Qilu.Platform.Http;
using Qilu.SharedKernel.Actors;
using Qilu.SharedKernel.Results;

namespace Qilu.Catalog.Resources.Import;

/// <summary>
/// GET /api/catalog/resources/{id}/imports (history), GET /api/catalog/imports/{importId} (one, with its first
/// rejections) and GET /api/catalog/imports/{importId}/rejections.csv (the full rejection report: 行号, 字段, 规则, 原因).
/// </summary>
internal static class ListImports
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/resources/{id:guid}/imports", async (Guid id, HttpContext ctx, ActorAccessor actors, CatalogDbContext db, IOrganisationDirectory directory) =>
                Outcomes.Ok(await HandleAsync(actors.FromContext(ctx), id, db, directory, ctx.RequestAborted)))
            .RequirePermission(CatalogPermissions.EntriesRead).WithName("ListCatalogImports").WithSummary("导入记录 / Imports").Produces<List<ImportReport>>();
        api.MapGet("/imports/{importId:guid}", async (Guid importId, HttpContext ctx, ActorAccessor actors, CatalogDbContext db, IOrganisationDirectory directory) =>
                Outcomes.Ok(await GetAsync(actors.FromContext(ctx), importId, db, directory, ctx.RequestAborted)))
            .RequirePermission(CatalogPermissions.EntriesRead).WithName("GetCatalogImport").WithSummary("导入结果 / Import").Produces<ImportReport>();
        api.MapGet("/imports/{importId:guid}/rejections.csv", async (Guid importId, HttpContext ctx, ActorAccessor actors, CatalogDbContext db, IOrganisationDirectory directory) =>
            {
                var csv = await RejectionsCsvAsync(actors.FromContext(ctx), importId, db, directory, ctx.RequestAborted);
                return csv.IsSuccess ? Results.File(csv.Value, "text/csv; charset=utf-8", $"rejections-{importId:N}.csv") : Problems.From(csv);
            })
            .RequirePermission(CatalogPermissions.EntriesRead).WithName("DownloadCatalogImportRejections").WithSummary("拒绝行报告 / Rejection report (CSV)");
    }

    internal static async Task<Result<List<ImportReport>>> HandleAsync(Actor actor, Guid id, CatalogDbContext db, IOrganisationDirectory directory, CancellationToken ct)
    {
        var unit = await EntryAccess.UnitOfAsync(actor, directory, ct);
        if (await ResourceAccess.ManagedOrOverseenAsync(db, actor, unit, id, false, ct) is null) return Outcomes.NotFound<List<ImportReport>>("资源", "Resource");
        var imports = await db.Imports.AsNoTracking().Where(i => i.ResourceId == id).ToListAsync(ct);
        return imports.OrderByDescending(i => i.StartedAt).Take(50).Select(i => ImportReport.Of(i, [])).ToList();
    }

    internal static async Task<Result<ImportReport>> GetAsync(Actor actor, Guid importId, CatalogDbContext db, IOrganisationDirectory directory, CancellationToken ct)
    {
        var import = await db.Imports.AsNoTracking().FirstOrDefaultAsync(i => i.Id == importId, ct);
        var unit = await EntryAccess.UnitOfAsync(actor, directory, ct);
        if (import is null || await ResourceAccess.ManagedOrOverseenAsync(db, actor, unit, import.ResourceId, false, ct) is null)
            return Outcomes.NotFound<ImportReport>("导入记录", "Import");
        var first = await db.ImportRejections.AsNoTracking().Where(r => r.ImportId == importId).OrderBy(r => r.RowNumber).ThenBy(r => r.Id).Take(200).ToListAsync(ct);
        return ImportReport.Of(import, first);
    }

    /// <summary>The rejection report as UTF-8 CSV with a BOM (Excel opens it as UTF-8).</summary>
    internal static async Task<Result<byte[]>> RejectionsCsvAsync(Actor actor, Guid importId, CatalogDbContext db, IOrganisationDirectory directory, CancellationToken ct)
    {
        var import = await GetAsync(actor, importId, db, directory, ct);
        if (!import.IsSuccess) return Result<byte[]>.Failure(import.Errors, import.Kind);
        var sb = new StringBuilder("\uFEFF行号,字段,规则,原因,Reason\r\n");
        await foreach (var r in db.ImportRejections.AsNoTracking().Where(r => r.ImportId == importId).OrderBy(r => r.RowNumber).ThenBy(r => r.Id).AsAsyncEnumerable().WithCancellation(ct))
            sb.Append(r.RowNumber.ToString(CultureInfo.InvariantCulture)).Append(',').Append(Csv(r.Field)).Append(',').Append(Csv(r.Code)).Append(',')
              .Append(Csv(r.Reason)).Append(',').Append(Csv(r.ReasonEn)).Append("\r\n");
        return Encoding.UTF8.GetBytes(sb.ToString());
    }

    // Quotes every field that needs it, and neutralises a leading formula character (CSV injection in spreadsheets).
    private static string Csv(string s) => Qilu.SharedKernel.Text.Csv.Cell(s);
}
