using Microsoft.Playwright;

namespace Qilu.BrowserTests;

/// <summary>
/// The admin console's editors (issue 6) in Chromium: matter editor and form designer, import/export, process
/// definitions with the diagram, the rule editor and the holiday calendar. Opened as the system administrator (the
/// admin demo account); edits of the catalog as the province's chief data officer, who may change the standard.
/// </summary>
[Collection(BrowserSuite.Name)]
public sealed class AdminConsolePagesTests(QiluHostFixture host)
{
    /// <summary>Signs in on the admin home (an interactive page), then goes to <paramref name="path"/> (which may carry a query).</summary>
    private async Task<IPage> OpenAsync(string user, string path)
    {
        var page = await IdentityBrowser.OpenAsAsync(host, user, "/admin");
        await page.GotoAsync(path);
        return page;
    }

    private static Task Interactive(IPage page, string id) =>
        page.Locator($"#{id}[data-interactive=yes]").WaitForAsync(new() { Timeout = 20_000 });

    [Fact]
    public async Task Definitions_WhenSysAdminOpensThem_DrawsTheDiagramAndListsPathErrors()
    {
        var page = await OpenAsync("sys.admin", "/admin/workflow/definitions");
        await Interactive(page, "definitions");
        await page.ClickAsync("#new-definition");
        await Assertions.Expect(page.Locator("#definition-diagram svg.wf-diagram g[data-id=fork] polygon")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#definition-diagram svg.wf-diagram g.wf-node")).ToHaveCountAsync(10);
        await page.ClickAsync("#validate-definition");
        await Assertions.Expect(page.Locator("#definition-message")).ToContainTextAsync("校验通过");
        await Screenshots.SaveAsync(page, "admin-workflow-definitions");

        var json = await page.InputValueAsync("#wf-json");
        await page.FillAsync("#wf-json", json.Replace("\"to\": \"notify\"", "\"to\": \"nowhere\"", StringComparison.Ordinal));
        await page.ClickAsync("#validate-definition");
        await Assertions.Expect(page.Locator("#definition-errors")).ToContainTextAsync("$.flows[");
    }

    [Fact]
    public async Task Rules_WhenSysAdminRunsTheExample_ShowsResultAndExplanationTree()
    {
        var page = await OpenAsync("sys.admin", "/admin/rules");
        await Interactive(page, "rules-editor");
        await Assertions.Expect(page.Locator("#rule-truth")).ToHaveTextAsync("真");
        await Assertions.Expect(page.Locator("#rule-explanation li")).Not.ToHaveCountAsync(0);
        await Screenshots.SaveAsync(page, "admin-rules");

        await page.FillAsync("#rule-json", """{"==": [{"var": "applicant.hukou"}, "北京"]}""");
        await page.ClickAsync("#run-rule");
        await Assertions.Expect(page.Locator("#rule-errors")).ToContainTextAsync("rule$.==");
    }

    [Fact]
    public async Task Calendar_WhenSysAdminAddsAndRemovesADay_CalculatorFollows()
    {
        var page = await OpenAsync("sys.admin", "/admin/workflow/calendar");
        await Interactive(page, "calendar");
        await Assertions.Expect(page.Locator("button.wf-day.wf-holiday[data-date='2026-10-01']")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("button.wf-day.wf-adjusted[data-date='2026-10-10']")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#calc-date")).ToHaveTextAsync("2026-10-13");
        await Screenshots.SaveAsync(page, "admin-calendar");

        await page.ClickAsync("button.wf-day[data-date='2026-12-26']");
        await page.FillAsync("#day-name", "浏览器测试调休");
        await page.ClickAsync("#save-day");
        await Assertions.Expect(page.Locator("button.wf-day.wf-adjusted[data-date='2026-12-26']")).ToHaveCountAsync(1);
        await page.ClickAsync("#remove-day");
        await Assertions.Expect(page.Locator("button.wf-day.wf-weekend[data-date='2026-12-26']")).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task MatterEditor_WhenTheProvinceEditsAStandard_RefusesPromiseAboveStatutoryInline()
    {
        var page = await OpenAsync("sd.cdo", "/admin/matters?q=" + Uri.EscapeDataString("社会保障卡申领") + "&kind=standard");
        var href = await page.Locator("a.mt-edit-link").First.GetAttributeAsync("href");
        await page.GotoAsync(href!);
        await Interactive(page, "matter-editor");
        await Assertions.Expect(page.Locator("#f-name")).ToHaveValueAsync("社会保障卡申领");
        await Assertions.Expect(page.Locator("#materials-table tr.mt-material")).Not.ToHaveCountAsync(0);
        await page.FillAsync("#f-promised", "99");
        await page.ClickAsync("#save-matter");
        await Assertions.Expect(page.Locator("#matter-errors")).ToContainTextAsync("content.promisedLimitDays");
        await Assertions.Expect(page.Locator(".mt-el[data-key=promisedLimitDays] .mt-err")).ToContainTextAsync("承诺时限");
    }

    [Fact]
    public async Task Implementation_WhenLixiaOpensItsCardMatter_ShowsTheDeviationFromTheStandardInline()
    {
        var page = await OpenAsync("lx.official", "/admin/matters?q=" + Uri.EscapeDataString("社会保障卡申领") + "&kind=implementation&division=370102");
        var href = await page.Locator("a.mt-edit-link").First.GetAttributeAsync("href");
        await page.GotoAsync(href!);
        await Interactive(page, "matter-editor");
        await Assertions.Expect(page.Locator(".mt-el-deviates[data-key=promisedLimitDays] .mt-standard")).ToContainTextAsync("省级标准");
        await Assertions.Expect(page.Locator("#deviation-summary")).ToContainTextAsync("1 项差异");
        await Screenshots.SaveAsync(page, "admin-matter-editor");
    }

    [Fact]
    public async Task FormDesigner_WhenARuleUsesAnUnknownOperator_PointsAtTheClauseAndPreviewStillRenders()
    {
        var page = await OpenAsync("sd.cdo", "/admin/matters?q=" + Uri.EscapeDataString("社会保障卡申领") + "&kind=standard");
        var href = await page.Locator("a.mt-edit-link").First.GetAttributeAsync("href");
        await page.GotoAsync(href + "/form");
        await Interactive(page, "form-designer");
        await Assertions.Expect(page.Locator("#form-preview .mt-pv")).Not.ToHaveCountAsync(0);
        await page.ClickAsync("#add-field");
        await page.FillAsync("#fd-label", "备注说明");
        await page.FillAsync("#fd-visible", """{"and": [true, {"between": [1, 2]}]}""");
        await page.ClickAsync("#check-form");
        await Assertions.Expect(page.Locator("#field-editor .mt-rule-error")).ToContainTextAsync("$.and[1].between");
        await Screenshots.SaveAsync(page, "admin-form-designer");
    }

    [Fact]
    public async Task AdminPages_WhenSysAdminOpensTheCatalogPages_SeesThemReadOnlyOrRefused()
    {
        var page = await OpenAsync("sys.admin", "/admin/matters");
        var href = await page.Locator("a.mt-edit-link").First.GetAttributeAsync("href");
        await page.GotoAsync(href!);
        await Interactive(page, "matter-editor");
        await Assertions.Expect(page.Locator("#save-matter")).ToHaveCountAsync(0);
        await page.GotoAsync(href + "/form");
        await Interactive(page, "form-designer");
        await Assertions.Expect(page.Locator("#save-form")).ToHaveCountAsync(0);
        await page.GotoAsync("/admin/matters/transfer");
        await Assertions.Expect(page.Locator("body")).ToContainTextAsync("权限");
    }

    [Fact]
    public async Task Transfer_WhenTheProvinceOpensIt_OffersXlsxAndPackageImport()
    {
        var page = await OpenAsync("sd.cdo", "/admin/matters/transfer");
        await Interactive(page, "transfer");
        await Assertions.Expect(page.Locator("#export-xlsx")).ToHaveAttributeAsync("href", "/api/matters/export.xlsx");
        await page.SetInputFilesAsync("#import-xlsx", new FilePayload { Name = "bad.xlsx", MimeType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Buffer = [1, 2, 3, 4] });
        await Assertions.Expect(page.Locator("#xlsx-result")).ToContainTextAsync("XLSX");
    }
}
