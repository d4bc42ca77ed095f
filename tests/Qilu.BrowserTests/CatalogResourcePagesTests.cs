using System.Text;
using System.Text.Json;
using Microsoft.Playwright;
using Shouldly;

namespace Qilu.BrowserTests;

/// <summary>
/// The Catalog resource pages in Chromium: 历下区民政局 mounts a table on a published entry, imports a CSV through the
/// import wizard (progress, rejected rows, the downloadable report), reads the quality report; 市南区民政局 raises a
/// data objection that lands in 历下's inbox. Each page is screenshotted.
/// </summary>
[Collection(BrowserSuite.Name)]
public sealed class CatalogResourcePagesTests(QiluHostFixture host)
{
    /// <summary>Calls the JSON API with the page's sign-in cookie.</summary>
    private static async Task<JsonElement> FetchAsync(IPage page, string method, string url, object? body)
    {
        var json = await page.EvaluateAsync<string>(@"async ([m, u, b]) => {
            const r = await fetch(u, { method: m, headers: { 'Content-Type': 'application/json' }, body: b });
            const t = await r.text();
            if (!r.ok) throw new Error(r.status + ' ' + t);
            return t; }", new object?[] { method, url, body is null ? null : JsonSerializer.Serialize(body) });
        return JsonDocument.Parse(json).RootElement.Clone();
    }

    [Fact]
    public async Task ElementRegistry_CreatesThenEditsAnElement_AndRetiresIt()
    {
        var cdo = await host.SignedInAsync("sd.cdo", "/admin/catalog/elements");
        // The form binds once the circuit is up (before that a prerendered input would drop what is typed).
        await cdo.Locator("#elements-table[data-interactive=yes]").WaitForAsync(new() { Timeout = 20_000 });
        await Assertions.Expect(cdo.Locator("#elements-table")).ToContainTextAsync("DE0001");
        var id = "DE9" + Random.Shared.Next(100, 999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var form = cdo.Locator("#element-form");
        await form.Locator("input").Nth(0).FillAsync(id);
        await form.Locator("input").Nth(1).FillAsync("婚姻状况");
        await form.Locator("input").Nth(2).FillAsync("Marital status");
        await form.Locator("textarea").FillAsync("10=未婚\n20=已婚");
        await cdo.Locator("#element-save").ClickAsync();
        var row = cdo.Locator($"tr[data-element='{id}']");
        await Assertions.Expect(row).ToContainTextAsync("婚姻状况");

        // Edit: the form is filled with the element, the identifier cannot change; a new version of the standard, then retired.
        await row.Locator(".element-edit").ClickAsync();
        await Assertions.Expect(cdo.Locator("#element-card")).ToContainTextAsync(id);
        await Assertions.Expect(form.Locator("input").Nth(0)).ToBeDisabledAsync();
        await Assertions.Expect(form.Locator("textarea")).ToHaveValueAsync("10=未婚\n20=已婚");
        await form.Locator("textarea").FillAsync("10=未婚\n20=已婚\n30=丧偶\n40=离婚");
        await cdo.Locator("#element-version").FillAsync("1.1");
        await cdo.Locator("#element-status").SelectOptionAsync("retired");
        await cdo.Locator("#element-save").ClickAsync();
        await Assertions.Expect(row).ToContainTextAsync("1.1");
        await Assertions.Expect(row).ToContainTextAsync("40 离婚");
        await Assertions.Expect(row).ToContainTextAsync("废止");
        await Screenshots.SaveAsync(cdo, "catalog-elements");
    }

    [Fact]
    public async Task ImportWizard_QualityAndObjections_WorkInTheBrowser()
    {
        var lixia = await host.SignedInAsync("lx.official", "/workbench/catalog/mine");
        object Item(string name, string element) => new { name, elementIdentifier = element, grade = (string?)null };
        var entry = await FetchAsync(lixia, "POST", "/api/catalog/entries", new
        {
            name = "历下区低保家庭成员信息", category = "Department", theme = (string?)null, @abstract = "历下区最低生活保障家庭成员的身份与联系信息。",
            shareType = "Conditional", shareCondition = "限于履行法定职责所必需", legalBasis = "《社会救助暂行办法》", shareMethods = new[] { "Api" },
            openType = "NotOpen", format = "Database", updateCycle = "每日", informationSystem = "民政业务系统", declaredGrade = (string?)null,
            grading = new { factors = new[] { "领域" }, impactObject = "个人权益", impactDegree = "一般危害", note = "" },
            items = new[] { Item("公民身份号码", "DE0001"), Item("姓名", "DE0002"), Item("性别", "DE0003"), Item("联系电话", "DE0011"), Item("行政区划代码", "DE0009") },
        });
        var entryId = entry.GetProperty("id").GetString();
        var submitted = await FetchAsync(lixia, "POST", $"/api/catalog/entries/{entryId}/submit", new { version = entry.GetProperty("version").GetUInt32() });
        var jinan = await host.SignedInAsync("jn.official", "/workbench/catalog/review");
        await FetchAsync(jinan, "POST", $"/api/catalog/entries/{entryId}/approve", new { version = submitted.GetProperty("version").GetUInt32(), comment = "同意" });
        var resource = await FetchAsync(lixia, "POST", $"/api/catalog/entries/{entryId}/resources/table", new { name = "低保家庭成员库表", keyField = "公民身份号码", divisionField = "行政区划代码" });
        var resourceId = resource.GetProperty("id").GetString();

        var csv = new StringBuilder("公民身份号码,姓名,性别,联系电话,行政区划代码\n");
        for (var i = 1; i <= 40; i++)
            csv.Append(IdentityBrowser.ValidId("370102", "19800101", i)).Append(",居民").Append(i).Append(',').Append(i % 2 + 1).Append(',')
               .Append(i % 3 == 0 ? "" : $"138001380{i:00}").Append(",370102\n");
        csv.Append("370102198001010000,错误号码,1,,370102\n").Append(IdentityBrowser.ValidId("370102", "19800101", 41)).Append(",性别错,7,,370102\n");
        await lixia.GotoAsync($"/workbench/catalog/resources/{resourceId}/import");
        await lixia.WaitForFunctionAsync("() => window.Blazor !== undefined");
        await lixia.WaitForTimeoutAsync(1500);
        await lixia.SetInputFilesAsync("#import-file", new FilePayload { Name = "低保名册.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv.ToString()) });
        await Assertions.Expect(lixia.Locator("#import-result")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(lixia.Locator("#import-result")).ToContainTextAsync("40");
        await Assertions.Expect(lixia.Locator("#rejections")).ToContainTextAsync("性别");
        (await lixia.Locator("#download-rejections").GetAttributeAsync("href")).ShouldNotBeNull().ShouldContain("/rejections.csv");
        await Screenshots.SaveAsync(lixia, "catalog-import-wizard");

        await lixia.GotoAsync($"/workbench/catalog/entries/{entryId}");
        await Assertions.Expect(lixia.Locator("#resource-list")).ToContainTextAsync("低保家庭成员库表");
        await Screenshots.SaveAsync(lixia, "catalog-entry-resources");

        await lixia.GotoAsync($"/workbench/catalog/resources/{resourceId}/quality");
        await Assertions.Expect(lixia.Locator("#quality-fields")).ToContainTextAsync("联系电话");
        await Screenshots.SaveAsync(lixia, "catalog-quality-report");

        var shinan = await host.SignedInAsync("sn.official", "/workbench/catalog/objections");
        await FetchAsync(shinan, "POST", $"/api/catalog/resources/{resourceId}/objections",
            new { field = "联系电话", rowKey = IdentityBrowser.ValidId("370102", "19800101", 5), description = "该居民联系电话已停机，请核实更正" });
        await lixia.GotoAsync("/workbench/catalog/objections");
        await Assertions.Expect(lixia.Locator("#objection-list")).ToContainTextAsync("已停机");
        await Screenshots.SaveAsync(lixia, "catalog-objection-inbox");
    }
}
