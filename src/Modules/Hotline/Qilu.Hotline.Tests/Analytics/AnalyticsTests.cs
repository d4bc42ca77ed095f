using System.Net;
using MiniExcelLibs;
using Shouldly;

namespace Qilu.Hotline.Tests.Analytics;

/// <summary>Statistics, spike alerts and the XLSX report, each scoped to the actor's subtree.</summary>
public sealed class AnalyticsTests(HotlineHost host) : IClassFixture<HotlineHost>
{
    [Fact]
    public async Task Statistics_ByCategory_CountsOnTimeRepliesAndSatisfaction()
    {
        using var agent = await host.DemoAsync("jn.agent");
        using var dispatcher = await host.DemoAsync("jn.dispatch");
        using var unit = await host.DemoAsync("lx.cg");
        var t = await agent.SubmitAsync(Api.Call("垃圾三天没清运。", category: "010102")).OkAsync(HttpStatusCode.Created);
        await dispatcher.ActAsync(t.Id(), "dispatch").OkAsync();
        await unit.ActAsync(t.Id(), "sign").OkAsync();
        await unit.ActAsync(t.Id(), "reply", new { result = "已清运" }).OkAsync();
        await dispatcher.ActAsync(t.Id(), "approve-reply").OkAsync();
        await agent.ActAsync(t.Id(), "callback", new { satisfaction = "basically_satisfied" }).OkAsync();

        using var supervisor = await host.DemoAsync("jn.official");
        var report = await supervisor.GetAsync("/api/hotline/statistics?by=category").OkAsync();
        var group = report.GetProperty("groups").EnumerateArray().First(g => g.GetProperty("key").GetString() == "010102");
        group.GetProperty("total").GetInt32().ShouldBeGreaterThanOrEqualTo(1);
        group.GetProperty("onTime").GetInt32().ShouldBeGreaterThanOrEqualTo(1);
        group.GetProperty("satisfied").GetInt32().ShouldBeGreaterThanOrEqualTo(1);
        group.GetProperty("satisfactionRate").GetDouble().ShouldBeGreaterThan(0);

        using var shinan = await host.DemoAsync("sn.official");
        var elsewhere = await shinan.GetAsync("/api/hotline/statistics?by=category").OkAsync();
        elsewhere.GetProperty("groups").EnumerateArray().ShouldNotContain(g => g.GetProperty("key").GetString() == "010102");
        (await supervisor.GetAsync("/api/hotline/statistics?by=colour").OkAsync(HttpStatusCode.BadRequest)).Codes().ShouldContain("by.unknown");
    }

    [Fact]
    public async Task SpikeAlerts_WhenACategoryJumpsInACounty_AlertsTheSupervisor()
    {
        using var agent = await host.DemoAsync("jn.agent");
        for (var i = 0; i < 6; i++)
            await agent.SubmitAsync(Api.Call($"小区停水第{i}天，没有任何通知。", category: "100101")).OkAsync(HttpStatusCode.Created);
        using var supervisor = await host.DemoAsync("jn.official");
        var alerts = await supervisor.GetAsync("/api/hotline/alerts").OkAsync();
        var alert = alerts.EnumerateArray().First(a => a.GetProperty("categoryCode").GetString() == "100101");
        alert.GetProperty("divisionCode").GetString().ShouldBe("370102");
        alert.GetProperty("last24Hours").GetInt32().ShouldBeGreaterThanOrEqualTo(6);
    }

    [Fact]
    public async Task DailyReport_AsXlsx_HasTheSummaryAndBreakdownSheets()
    {
        using var agent = await host.DemoAsync("jn.agent");
        await agent.SubmitAsync(Api.Call()).OkAsync(HttpStatusCode.Created);
        using var supervisor = await host.DemoAsync("jn.official");
        var r = await supervisor.GetAsync("/api/hotline/reports/daily.xlsx?date=2026-11-30");
        r.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var stream = new MemoryStream(await r.Content.ReadAsByteArrayAsync());
        stream.GetSheetNames().ShouldBe(["汇总", "按分类", "按区划", "按承办单位", "按渠道"]);
        var summary = stream.Query(useHeaderRow: true, sheetName: "汇总").Cast<IDictionary<string, object>>().Single();
        Convert.ToInt32(summary["受理量"], System.Globalization.CultureInfo.InvariantCulture).ShouldBeGreaterThanOrEqualTo(1);
        (await supervisor.GetAsync("/api/hotline/reports/monthly.xlsx")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }
}
