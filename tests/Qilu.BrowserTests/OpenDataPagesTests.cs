using System.Text.Json;
using Microsoft.Playwright;
using Shouldly;

namespace Qilu.BrowserTests;

/// <summary>
/// The OpenData pages in Chromium: an anonymous visitor searches the portal, opens a demo dataset, sees its preview rows and downloads its
/// CSV; 历下区民政局's data officer opens a freshly published catalog entry as a dataset from /admin/opendata, removing
/// the fields the grading refuses; a citizen applies for a 有条件开放 dataset on the portal, the officer approves it in
/// /admin/opendata and the citizen takes the API key (shown once) and reports use; a data request sent from the portal
/// reaches the officer's console. Each page is screenshotted.
/// </summary>
[Collection(BrowserSuite.Name)]
public sealed class OpenDataPagesTests(QiluHostFixture host)
{
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
    public async Task Portal_SearchThenDataset_OffersItsDcatDescription()
    {
        Assert.SkipWhen(host.SkipReason is not null, host.SkipReason ?? "");
        var page = await host.NewPageAsync();
        await page.GotoAsync("/opendata/search");
        await page.FillAsync("#od-q", "社会组织");
        await page.ClickAsync("#od-search");
        await page.WaitForUrlAsync(u => u.Contains("q=", StringComparison.Ordinal));
        await Assertions.Expect(page.Locator("#od-results")).ToContainTextAsync("社会组织登记信息");
        await Screenshots.SaveAsync(page, "opendata-search");

        await page.Locator("#od-results a", new() { HasText = "社会组织登记信息" }).First.ClickAsync();
        await page.WaitForUrlAsync(u => u.Contains("/opendata/datasets/", StringComparison.Ordinal));
        await Assertions.Expect(page.Locator("#od-meta")).ToContainTextAsync("无条件");
        // The demo dataset has rows (Catalog's demo seeder imported 300 social organisations): the preview shows the first ten.
        await Assertions.Expect(page.Locator("#od-preview tbody tr")).ToHaveCountAsync(10);
        await Assertions.Expect(page.Locator("#od-preview")).ToContainTextAsync("住所所在行政区划");
        await Screenshots.SaveAsync(page, "opendata-dataset");

        var csvHref = await page.Locator("#od-download-csv").First.GetAttributeAsync("href");
        var csv = await page.Context.APIRequest.GetAsync(new Uri(host.BaseAddress, csvHref!).ToString());
        csv.Status.ShouldBe(200);
        var lines = (await csv.TextAsync()).TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines[0].TrimEnd('\r').ShouldBe("统一社会信用代码,社会组织名称,法定代表人,成立登记日期,业务范围,住所所在行政区划");
        lines.Length.ShouldBe(301);

        var name = new Uri(page.Url).AbsolutePath.Split('/')[^1];
        var response = await page.Context.APIRequest.GetAsync(new Uri(host.BaseAddress, $"/opendata/datasets/{name}.ttl").ToString());
        response.Status.ShouldBe(200);
        var turtle = await response.TextAsync();
        turtle.ShouldContain("dcat:Dataset");
        turtle.ShouldContain("社会组织登记信息");
    }

    [Fact]
    public async Task Admin_PublishForm_OpensAnEntryAsADataset()
    {
        Assert.SkipWhen(host.SkipReason is not null, host.SkipReason ?? "");
        var lixia = await host.SignedInAsync("lx.official", "/admin/opendata");
        object Item(string name, string element) => new { name, elementIdentifier = element, grade = (string?)null };
        var name = "历下区养老服务机构名录" + Guid.NewGuid().ToString("N")[..4];
        var entry = await FetchAsync(lixia, "POST", "/api/catalog/entries", new
        {
            name, category = "Department", theme = (string?)null, @abstract = "历下区养老服务机构的名称、地址与床位。",
            shareType = "Unconditional", shareCondition = (string?)null, legalBasis = "《养老机构管理办法》", shareMethods = new[] { "Api" },
            openType = "Conditional", format = "Database", updateCycle = "每月", informationSystem = "民政业务系统", declaredGrade = (string?)null,
            grading = new { factors = new[] { "领域" }, impactObject = "公共利益", impactDegree = "无危害", note = "" },
            items = new[] { Item("性别", "DE0003"), Item("行政区划代码", "DE0009") },
        });
        var entryId = entry.GetProperty("id").GetString();
        var code = entry.GetProperty("code").GetString()!;
        var submitted = await FetchAsync(lixia, "POST", $"/api/catalog/entries/{entryId}/submit", new { version = entry.GetProperty("version").GetUInt32() });
        var jinan = await host.SignedInAsync("jn.official", "/workbench/catalog/review");
        await FetchAsync(jinan, "POST", $"/api/catalog/entries/{entryId}/approve", new { version = submitted.GetProperty("version").GetUInt32(), comment = "同意" });

        // The candidate arrives through the outbox (CatalogEntryPublished), so the page may need a few reloads.
        var open = lixia.Locator($".od-open-entry[data-code='{code}']");
        for (var i = 0; i < 20 && await open.CountAsync() == 0; i++)
        {
            await lixia.WaitForTimeoutAsync(1000);
            await lixia.GotoAsync("/admin/opendata");
            await lixia.WaitForSelectorAsync("#od-admin");
        }
        await lixia.WaitForSelectorAsync("#od-admin[data-interactive=yes]", new() { Timeout = 20_000 });
        await open.ClickAsync();
        await Assertions.Expect(lixia.Locator("#od-publish-form")).ToBeVisibleAsync();
        await lixia.FillAsync("#od-title", "历下区养老服务机构");
        await lixia.FillAsync("#od-tags", "养老，民政");
        await lixia.ClickAsync("#od-publish-submit");
        await Assertions.Expect(lixia.Locator("#od-admin-notice, .od-err").First).ToBeVisibleAsync(new() { Timeout = 15_000 });
        if (await lixia.Locator("#od-fields tr.od-bad").CountAsync() > 0)
        {
            await Screenshots.SaveAsync(lixia, "opendata-admin-refused");
            foreach (var select in await lixia.Locator("#od-fields tr.od-bad select").AllAsync()) await select.SelectOptionAsync("Remove");
            await lixia.ClickAsync("#od-publish-submit");
        }
        await Assertions.Expect(lixia.Locator("#od-admin-notice")).ToContainTextAsync("历下区养老服务机构", new() { Timeout = 15_000 });
        await Assertions.Expect(lixia.Locator($".od-open-entry[data-code='{code}']")).ToHaveCountAsync(0);
        await Screenshots.SaveAsync(lixia, "opendata-admin");

        var portal = await host.NewPageAsync();
        await portal.GotoAsync("/opendata/search?q=" + Uri.EscapeDataString("历下区养老服务机构"));
        await Assertions.Expect(portal.Locator("#od-results")).ToContainTextAsync("历下区养老服务机构");
    }

    [Fact]
    public async Task ConditionalDataset_ApplyApproveTakeKey_AndDataRequestReachesConsole()
    {
        Assert.SkipWhen(host.SkipReason is not null, host.SkipReason ?? "");
        // A conditional entry of 历下区民政局, approved by 济南 and opened by its officer (through the API: the UI for that
        // is covered above).
        var lixia = await host.SignedInAsync("lx.official", "/admin/opendata");
        object Item(string name, string element) => new { name, elementIdentifier = element, grade = (string?)null };
        var title = "历下区社区服务设施" + Guid.NewGuid().ToString("N")[..4];
        var entry = await FetchAsync(lixia, "POST", "/api/catalog/entries", new
        {
            name = title, category = "Department", theme = (string?)null, @abstract = "历下区社区服务设施的名称与所在区划。",
            shareType = "Unconditional", shareCondition = (string?)null, legalBasis = "《城乡社区服务体系建设规划》", shareMethods = new[] { "Api" },
            openType = "Conditional", format = "Database", updateCycle = "每月", informationSystem = "民政业务系统", declaredGrade = (string?)null,
            grading = new { factors = new[] { "领域" }, impactObject = "公共利益", impactDegree = "无危害", note = "" },
            items = new[] { Item("性别", "DE0003"), Item("行政区划代码", "DE0009") },
        });
        var entryId = entry.GetProperty("id").GetString();
        var submitted = await FetchAsync(lixia, "POST", $"/api/catalog/entries/{entryId}/submit", new { version = entry.GetProperty("version").GetUInt32() });
        var jinan = await host.SignedInAsync("jn.official", "/workbench/catalog/review");
        await FetchAsync(jinan, "POST", $"/api/catalog/entries/{entryId}/approve", new { version = submitted.GetProperty("version").GetUInt32(), comment = "同意" });
        // Rows behind it: a table mounted through Catalog's API and two rows imported.
        var table = await FetchAsync(lixia, "POST", $"/api/catalog/entries/{entryId}/resources/table", new { name = "社区服务设施表", keyField = "行政区划代码" });
        var imported = await lixia.EvaluateAsync<string>(@"async ([u, b]) => {
            const r = await fetch(u, { method: 'POST', headers: { 'Content-Type': 'text/csv' }, body: b });
            const t = await r.text();
            if (!r.ok) throw new Error(r.status + ' ' + t);
            return t; }", new object?[] { $"/api/catalog/resources/{table.GetProperty("id").GetString()}/imports?format=csv", "行政区划代码,性别\n370102,1\n370103,2\n" });
        JsonDocument.Parse(imported).RootElement.GetProperty("inserted").GetInt32().ShouldBe(2);
        JsonElement? dataset = null;
        for (var i = 0; i < 20 && dataset is null; i++)
        {
            try
            {
                dataset = await FetchAsync(lixia, "POST", "/api/opendata/datasets", new { entryId, tags = new[] { "社区" } });
            }
            catch (PlaywrightException e) when (e.Message.Contains("404", StringComparison.Ordinal))
            {
                await lixia.WaitForTimeoutAsync(1000); // the candidate arrives through the outbox
            }
        }
        var name = dataset!.Value.GetProperty("name").GetString()!;

        // The citizen applies on the portal: validation first, then purpose, scenario and one field.
        var citizenLogin = host.DemoLogin("citizen");
        var citizen = await host.SignedInAsync(citizenLogin, $"/opendata/datasets/{name}/apply");
        await citizen.Locator("#od-apply-form[data-ready=yes]").WaitForAsync(new() { Timeout = 20_000 });
        await citizen.FillAsync("#od-purpose", "太短");
        await citizen.ClickAsync("#od-apply-submit");
        await Assertions.Expect(citizen.Locator("#od-purpose-error")).ToContainTextAsync("10–1000");
        await Assertions.Expect(citizen.Locator("#od-scenario-error")).ToBeVisibleAsync();
        await citizen.FillAsync("#od-purpose", "编制社区养老服务地图，方便老年人就近找到服务设施");
        await citizen.FillAsync("#od-scenario", "社区志愿者小程序按行政区划展示服务设施分布");
        await citizen.CheckAsync("#od-fields input[value='行政区划代码']");
        await Screenshots.SaveAsync(citizen, "opendata-apply");
        await citizen.ClickAsync("#od-apply-submit");
        await Assertions.Expect(citizen.Locator("#od-apply-done")).ToContainTextAsync("申请已提交", new() { Timeout = 15_000 });

        // The officer approves in the console, with terms.
        await lixia.GotoAsync("/admin/opendata");
        await lixia.WaitForSelectorAsync("#od-admin[data-interactive=yes]", new() { Timeout = 20_000 });
        var row = lixia.Locator("tr.od-application", new() { HasText = title });
        await Assertions.Expect(row).ToContainTextAsync("行政区划代码");
        await row.Locator("textarea.od-terms").FillAsync("仅用于社区服务地图；不得转让；每半年报告使用成果");
        await row.Locator("textarea.od-terms").BlurAsync();
        await row.Locator(".od-approve").ClickAsync();
        await Assertions.Expect(lixia.Locator("#od-admin-notice")).ToContainTextAsync("已批准", new() { Timeout = 15_000 });
        await Screenshots.SaveAsync(lixia, "opendata-admin-approved");

        // The citizen takes the key once on 我的申请; it opens datastore_search; then reports use.
        await citizen.GotoAsync("/opendata/my");
        await citizen.Locator("#od-my[data-ready=yes]").WaitForAsync(new() { Timeout = 20_000 });
        var mine = citizen.Locator("tr.od-my-app", new() { HasText = title });
        await Assertions.Expect(mine).ToHaveAttributeAsync("data-status", "Approved");
        await mine.Locator(".od-take-key").ClickAsync();
        await Assertions.Expect(citizen.Locator("#od-api-key")).ToContainTextAsync("qod_", new() { Timeout = 15_000 });
        var key = (await citizen.Locator("#od-api-key").InnerTextAsync()).Trim();
        await Screenshots.SaveAsync(citizen, "opendata-my-key");
        var package = await citizen.Context.APIRequest.GetAsync(new Uri(host.BaseAddress, "/api/3/action/package_show?id=" + name).ToString());
        package.Status.ShouldBe(200);
        var rid = JsonDocument.Parse(await package.TextAsync()).RootElement.GetProperty("result").GetProperty("resources")[0].GetProperty("id").GetString();
        var wrongKey = await citizen.Context.APIRequest.GetAsync(new Uri(host.BaseAddress, $"/api/3/action/datastore_search?resource_id={rid}").ToString(),
            new() { Headers = new Dictionary<string, string> { ["X-CKAN-API-Key"] = "qod_wrong" } });
        wrongKey.Status.ShouldBe(403);
        var withKey = await citizen.Context.APIRequest.GetAsync(new Uri(host.BaseAddress, $"/api/3/action/datastore_search?resource_id={rid}").ToString(),
            new() { Headers = new Dictionary<string, string> { ["X-CKAN-API-Key"] = key } });
        withKey.Status.ShouldBe(200);
        var records = JsonDocument.Parse(await withKey.TextAsync()).RootElement.GetProperty("result").GetProperty("records");
        records.GetArrayLength().ShouldBe(2);
        // Only 行政区划代码 was applied for: 性别 stays closed to this key.
        records[0].TryGetProperty("性别", out _).ShouldBeFalse();
        records.EnumerateArray().Select(r => r.GetProperty("行政区划代码").GetString()).Order(StringComparer.Ordinal).ShouldBe(["370102", "370103"]);
        await citizen.ReloadAsync();
        await citizen.Locator("#od-my[data-ready=yes]").WaitForAsync(new() { Timeout = 20_000 });
        await Assertions.Expect(citizen.Locator("#od-api-key")).ToHaveCountAsync(0);
        mine = citizen.Locator("tr.od-my-app", new() { HasText = title });
        await mine.Locator(".od-report-title").FillAsync("社区养老服务地图上线");
        await mine.Locator(".od-report-text").FillAsync("小程序已展示历下区各街道的服务设施，首月访问 3000 人次");
        await mine.Locator(".od-report-submit").ClickAsync();
        await Assertions.Expect(citizen.Locator("#od-my-notice")).ToContainTextAsync("社区养老服务地图上线", new() { Timeout = 15_000 });

        // 需求征集 from the portal, addressed to 历下区民政局, reaches its console.
        var wanted = "历下区养老机构床位实时信息" + Guid.NewGuid().ToString("N")[..4];
        await citizen.GotoAsync($"/opendata/requests/new?unit={await UnitOfAsync(citizen, name)}");
        await citizen.Locator("#od-request-form[data-ready=yes]").WaitForAsync(new() { Timeout = 20_000 });
        await citizen.ClickAsync("#od-request-submit");
        await Assertions.Expect(citizen.Locator("#od-request-title-error")).ToBeVisibleAsync();
        await citizen.FillAsync("#od-request-title", wanted);
        await citizen.FillAsync("#od-request-text", "希望按机构开放每日空余床位数，便于家属就近选择");
        await Screenshots.SaveAsync(citizen, "opendata-request");
        await citizen.ClickAsync("#od-request-submit");
        await Assertions.Expect(citizen.Locator("#od-request-done")).ToContainTextAsync("历下区民政局", new() { Timeout = 15_000 });
        await lixia.GotoAsync("/admin/opendata");
        await lixia.WaitForSelectorAsync("#od-admin[data-interactive=yes]", new() { Timeout = 20_000 });
        await Assertions.Expect(lixia.Locator("tr.od-request", new() { HasText = wanted })).ToBeVisibleAsync();
        await Screenshots.SaveAsync(lixia, "opendata-admin-requests");
    }

    /// <summary>The publishing unit of a dataset, from its CKAN organization.</summary>
    private async Task<string> UnitOfAsync(IPage page, string dataset)
    {
        var r = await page.Context.APIRequest.GetAsync(new Uri(host.BaseAddress, "/api/3/action/package_show?id=" + dataset).ToString());
        return JsonDocument.Parse(await r.TextAsync()).RootElement.GetProperty("result").GetProperty("owner_org").GetString()!;
    }
}
