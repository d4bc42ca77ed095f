using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using Qilu.Identity.Auditing;
using Qilu.Identity.Contracts;
using Qilu.Identity.Data;
using Qilu.Platform.Auth;
using Qilu.SharedKernel.Actors;
using Qilu.SharedKernel.Identifiers;

namespace Qilu.Identity.Divisions;

/// <summary>GET /api/identity/divisions/export?format=csv|xlsx: the caller's subtree as a file (same columns as import).</summary>
internal static class ExportDivisions
{
    public static void Map(IEndpointRouteBuilder api) => api.MapGet("/divisions/export", HandleAsync)
        .RequirePermission(IdentityPermissions.DivisionsRead)
        .WithName("ExportDivisions").WithSummary("导出行政区划 / Export divisions (CSV or XLSX)");

    private static async Task<IResult> HandleAsync(string? format, HttpContext ctx, ActorAccessor actors, IdentityDbContext db, IdentityAudit audit)
    {
        var actor = actors.FromContext(ctx);
        var scope = DivisionScope.PrefixOf(actor.DivisionCode ?? "-");
        var rows = await db.Divisions.AsNoTracking().Where(d => d.Code.StartsWith(scope)).OrderBy(d => d.Code).ToListAsync(ctx.RequestAborted);
        await audit.WriteAsync("identity.divisions.exported", "division", actor.DivisionCode, "success", new { rows = rows.Count, format });
        if (string.Equals(format, "xlsx", StringComparison.OrdinalIgnoreCase))
        {
            var ms = new MemoryStream();
            await ms.SaveAsAsync(rows.Select(r => new Dictionary<string, object?>
            {
                ["code"] = r.Code, ["name"] = r.Name, ["level"] = ((DivisionLevel)r.Level).ToString(), ["parent"] = r.ParentCode ?? "",
            }), cancellationToken: ctx.RequestAborted);
            ms.Position = 0;
            return Results.File(ms, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "divisions.xlsx");
        }
        var sb = new StringBuilder("code,name,level,parent\n");
        foreach (var r in rows) sb.Append(r.Code).Append(',').Append(r.Name).Append(',').Append((DivisionLevel)r.Level).Append(',').Append(r.ParentCode).Append('\n');
        return Results.File(Encoding.UTF8.GetBytes(sb.ToString()), "text/csv; charset=utf-8", "divisions.csv");
    }
}
