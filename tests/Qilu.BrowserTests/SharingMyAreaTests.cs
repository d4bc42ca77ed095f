using Microsoft.Playwright;
using Shouldly;

namespace Qilu.BrowserTests;

/// <summary>
/// 本辖区数据 (数据直达基层) on the demo data: 济南市大数据局's grassroots grant on 济南市民政局's 社会组织登记信息 (300
/// organisations in 12 districts; 法定代表人 partly masked, 业务范围 withheld) as 吴历下 of 历下区 — only 历下区's rows, masked as
/// the gateway returned them, a filter on the withheld field refused beside it, the export equal to the table — and the
/// empty state for 市南区, which no 济南 grant covers.
/// </summary>
[Collection(BrowserSuite.Name)]
public sealed class SharingMyAreaTests(QiluHostFixture host)
{
    [Fact]
    public async Task MyArea_AsADistrictOfficial_ShowsOnlyTheirDistrictsRowsMasked_AndRefusesAFilterOnAWithheldField()
    {
        var page = await host.SignedInAsync("lx.official", "/workbench/sharing/my-area");
        await page.Locator("#my-area[data-interactive=yes]").WaitForAsync();
        var dataset = page.Locator("#my-area-datasets tr", new() { HasTextString = "社会组织登记信息" });
        await Assertions.Expect(dataset).ToContainTextAsync("济南市民政局");
        await Assertions.Expect(dataset).ToContainTextAsync("济南市大数据局");
        await dataset.Locator(".my-area-open").First.ClickAsync();

        var rows = page.Locator("#my-area-rows tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(20);
        // About a twelfth of the 300 (the demo spreads them over 12 districts), on two pages of 20.
        await Assertions.Expect(page.Locator(".my-area-summary")).ToContainTextAsync(new System.Text.RegularExpressions.Regex("共 2[0-9] 行，第 1 / 2 页"));
        (await page.Locator("#my-area-rows td.my-area-division").AllTextContentsAsync()).ShouldAllBe(d => d == "370102");
        (await page.Locator("#my-area-rows td[data-field='法定代表人']").AllTextContentsAsync()).ShouldAllBe(n => n.Contains('*'));
        (await page.Locator("#my-area-rows td[data-field='业务范围']").AllTextContentsAsync()).ShouldAllBe(v => v == "—");
        await Assertions.Expect(page.Locator(".my-area-notice")).ToContainTextAsync("记入审计日志");

        // The export of this page is the table as the gateway returned it: the same masked names, withheld cells empty.
        await page.Locator("#my-area-export-page").ClickAsync();
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#my-area-download").ClickAsync());
        var bytes = await File.ReadAllBytesAsync(await download.PathAsync());
        bytes[..3].ShouldBe(System.Text.Encoding.UTF8.GetPreamble(), "a byte-order mark, for spreadsheet programs");
        var csv = System.Text.Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        csv.Length.ShouldBe(21);
        csv[0].ShouldStartWith("行政区划代码,");
        var firstName = await page.Locator("#my-area-rows tbody tr").First.Locator("td[data-field='法定代表人']").TextContentAsync();
        csv[1].ShouldStartWith("370102,");
        csv[1].ShouldContain($",{firstName},");
        csv.ShouldAllBe(l => !l.Contains('—'));

        // A filter on the withheld field reaches the gateway, whose refusal appears beside that filter.
        var scope = page.Locator("[data-filter='业务范围']");
        await scope.Locator("input").FillAsync("组织志愿服务活动");
        await page.Locator("#my-area-search").ClickAsync();
        await Assertions.Expect(scope.Locator(".sharing-field-error")).ToContainTextAsync("不予提供");
        await Screenshots.SaveAsync(page, "sharing-my-area");

        var shinan = await host.SignedInAsync("sn.official", "/workbench/sharing/my-area");
        await shinan.Locator("#my-area[data-interactive=yes]").WaitForAsync();
        await Assertions.Expect(shinan.Locator("main")).ToContainTextAsync("您所在区域暂无直达基层的数据");
    }
}
