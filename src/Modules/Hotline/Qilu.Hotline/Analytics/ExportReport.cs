using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using MiniExcelLibs;
using Qilu.Hotline.Categories;
using Qilu.Hotline.Data;
using Qilu.Platform.Audit;
using Qilu.Platform.Auth;
using Qilu.Platform.Http;
using Qilu.SharedKernel.Actors;
using Qilu.SharedKernel.Results;

namespace Qilu.Hotline.Analytics;

/// <summary>
/// GET /api/hotline/reports/{daily|weekly}.xlsx?date=yyyy-MM-dd: the day's (or the week to that day's) report as XLSX
/// with sheets 汇总, 按分类, 按区划, 按承办单位, 按渠道. No personal data: counts and rates only.
/// </summary>
internal static class ExportReport
{
    public static void Map(IEndpointRouteBuilder api) => api.MapGet("/reports/{period}.xlsx", async (string period, DateOnly? date, HttpContext ctx,
            ActorAccessor actors, HotlineDbContext db, CategoryCatalog categories, IAuditWriter audit, TimeProvider clock) =>
        {
            var r = await HandleAsync(actors.FromContext(ctx), period, date, db, categories, audit, clock, ctx.RequestAborted);
            return r.IsSuccess
                ? Results.File(r.Value.Bytes, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", r.Value.FileName)
                : Problems.From(r);
        })
        .RequireAuthorization()
        .WithName("HotlineReportXlsx").WithSummary("日报/周报 XLSX / Daily or weekly report");

    internal static async Task<Result<(byte[] Bytes, string FileName)>> HandleAsync(Actor actor, string period, DateOnly? date, HotlineDbContext db,
        CategoryCatalog categories, IAuditWriter audit, TimeProvider clock, CancellationToken ct)
    {
        if (period is not ("daily" or "weekly"))
            return Outcomes.Invalid<(byte[], string)>("period.unknown", "报表周期须为 daily 或 weekly", "period must be daily or weekly", "period");
        var china = TimeSpan.FromHours(8);
        var day = date ?? DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(china).DateTime);
        var end = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), china).AddDays(1);
        var start = period == "daily" ? end.AddDays(-1) : end.AddDays(-7);
        var sheets = new Dictionary<string, object>();
        foreach (var (by, sheet) in new[] { ("category", "按分类"), ("division", "按区划"), ("unit", "按承办单位"), ("channel", "按渠道") })
        {
            var r = await TicketStatistics.HandleAsync(actor, start, end.AddTicks(-1), by, db, categories, clock, ct);
            if (!r.IsSuccess) return Result<(byte[], string)>.Failure(r.Errors, r.Kind);
            if (sheets.Count == 0) sheets["汇总"] = new[] { RowOf("合计", r.Value.Total) };
            sheets[sheet] = r.Value.Groups.Select(g => RowOf(g.Name, g)).ToList();
        }
        using var stream = new MemoryStream();
        await stream.SaveAsAsync(sheets, cancellationToken: ct);
        await audit.WriteAsync(new AuditEvent("hotline.report.exported", "report", $"{period}:{day:yyyy-MM-dd}", "success", actor, new { scope = actor.DivisionCode }), ct);
        return (stream.ToArray(), $"hotline-{period}-{day:yyyyMMdd}.xlsx");
    }

    private static Dictionary<string, object?> RowOf(string name, TicketStatistics.Group g) => new()
    {
        ["项目"] = name, ["受理量"] = g.Total, ["办结量"] = g.Closed, ["答复量"] = g.Replied, ["按时答复"] = g.OnTime,
        ["按时率"] = Math.Round(g.OnTimeRate, 4), ["回访量"] = g.Rated, ["满意(含基本满意)"] = g.Satisfied, ["不满意"] = g.Dissatisfied,
        ["满意率"] = Math.Round(g.SatisfactionRate, 4), ["直办量"] = g.ClosedDirectly, ["知识库直办"] = g.FromKnowledge,
        ["直办率"] = Math.Round(g.DirectRate, 4),
    };
}
