using System.Text.Json;
using Microsoft.Playwright;
using Shouldly;

namespace Qilu.BrowserTests;

/// <summary>
/// The OpenData pages in Chromium: an anonymous visitor searches the portal, opens a demo dataset and downloads its
/// CSV; 历下区民政局's data officer opens a freshly published catalog entry as a dataset from /admin/opendata, removing
/// the fields the grading refuses. Each page is screenshotted.
/// </summary>
[Collection(BrowserSuite.Name)]
public sealed class OpenDataPagesTests(QiluHostFixture host)
{
    private async Task<IPage> SignedInAsync(string user, string path)
    {
        var page = await host.NewPageAsync();
        await page.GotoAsync(path);
        await page.FillAsync("#username", user);
        await page.FillAsync("#password", host.DemoSecret(user));
        await page.ClickAsync("#signin");
        await page.WaitForURLAsync(u => new Uri(u).AbsolutePath is var p && (p == path || p == "/account/choose"), new() { Timeout = 20_000 });
        if (new Uri(page.Url).AbsolutePath == "/account/choose")
        {
            await page.ClickAsync("#choose");
            await page.WaitForURLAsync(u => new Uri(u).AbsolutePath == path, new() { Timeout = 20_000 });
        }
        return page;
    }

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
        await page.WaitForURLAsync(u => u.Contains("q=", StringComparison.Ordinal));
        await Assertions.Expect(page.Locator("#od-results")).ToContainTextAsync("社会组织登记信息");
        await Screenshots.SaveAsync(page, "opendata-search");

        await page.Locator("#od-results a", new() { HasText = "社会组织登记信息" }).First.ClickAsync();
        await page.WaitForURLAsync(u => u.Contains("/opendata/datasets/", StringComparison.Ordinal));
        await Assertions.Expect(page.Locator("#od-meta")).ToContainTextAsync("无条件");
        await Screenshots.SaveAsync(page, "opendata-dataset");

        // The demo datasets carry no table resource yet, so the download checked here is the DCAT metadata (Turtle).
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
        var lixia = await SignedInAsync("lx.official", "/admin/opendata");
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
        var jinan = await SignedInAsync("jn.official", "/workbench/catalog/review");
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
}
