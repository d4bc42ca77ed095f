using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using Qilu.Matters.Auditing;
using Qilu.Matters.Contracts;
using Qilu.Matters.Data;
using Qilu.Platform.Auth;
using Qilu.Platform.Http;
using Qilu.SharedKernel.Actors;
using Qilu.SharedKernel.Results;

namespace Qilu.Matters.Catalog;

/// <summary>
/// GET /api/matters/export.xlsx: the provincial standard (each matter's latest version, draft or published) as XLSX in
/// the <see cref="MatterSheet"/> layout, which <see cref="ImportMattersXlsx"/> reads back unchanged.
/// </summary>
internal static class ExportMattersXlsx
{
    public static void Map(IEndpointRouteBuilder api) => api.MapGet("/export.xlsx", EndpointAsync)
        .RequirePermission(MattersPermissions.CatalogTransfer)
        .WithName("ExportMattersXlsx").WithSummary("导出标准事项目录 XLSX / Export the standard catalog");

    private static async Task<IResult> EndpointAsync(HttpContext ctx, ActorAccessor actors, MattersDbContext db, MattersAudit audit)
    {
        var result = await HandleAsync(actors.FromContext(ctx), db, audit, ctx.RequestAborted);
        return result.IsSuccess
            ? Results.File(result.Value, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "matters-370000.xlsx")
            : Problems.From(result);
    }

    internal static async Task<Result<byte[]>> HandleAsync(Actor actor, MattersDbContext db, MattersAudit audit, CancellationToken ct)
    {
        if (Outcomes.Lacks(actor, MattersPermissions.CatalogTransfer) is { } denied) return Outcomes.Denied<byte[]>(denied);
        var standards = await db.Matters.AsNoTracking().Where(m => m.StandardId == null).OrderBy(m => m.BasicCode).ToListAsync(ct);
        var matterRows = new List<Dictionary<string, object?>>();
        var materialRows = new List<Dictionary<string, object?>>();
        foreach (var m in standards)
        {
            var c = await MatterDrafts.LatestOwnAsync(db, m, ct);
            matterRows.Add(MatterSheet.MatterRow(m, c));
            materialRows.AddRange((c.Materials ?? []).Select(x => MatterSheet.MaterialRow(m.BasicCode, x)));
        }
        using var stream = new MemoryStream();
        var sheets = new Dictionary<string, object>
        {
            [MatterSheet.MattersSheet] = matterRows.Count > 0 ? matterRows : [MatterSheet.MatterColumns.ToDictionary(c => c, _ => (object?)null)],
            [MatterSheet.MaterialsSheet] = materialRows.Count > 0 ? materialRows : [MatterSheet.MaterialColumns.ToDictionary(c => c, _ => (object?)null)],
        };
        await stream.SaveAsAsync(sheets, cancellationToken: ct);
        await audit.WriteAsync("matters.catalog.exported", "catalog", CatalogScope.Province, actor, new { matters = standards.Count }, ct: ct);
        return stream.ToArray();
    }
}
