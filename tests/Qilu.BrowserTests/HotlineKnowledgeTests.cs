using Microsoft.Playwright;

namespace Qilu.BrowserTests;

/// <summary>
/// The 12345 knowledge base's editor page: the 济南 dispatcher finds the demo articles, writes a new answer with a
/// category, saves it as a draft (a missing category is named first), publishes it, and the search finds it published.
/// </summary>
[Collection(BrowserSuite.Name)]
public sealed class HotlineKnowledgeTests(QiluHostFixture host)
{
    [Fact]
    public async Task KnowledgePage_WhenADispatcherWritesAndPublishesAnArticle_SearchFindsItPublished()
    {
        const string path = "/workbench/hotline/knowledge";
        var page = await host.SignedInAsync("jn.dispatch", path);
        await page.Locator("#kb-page[data-interactive=yes]").WaitForAsync(new() { Timeout = 20_000 });
        await Assertions.Expect(page.Locator("#kb-list li").First).ToBeVisibleAsync();

        var marker = "K" + Guid.NewGuid().ToString("N")[..6];
        await page.ClickAsync("#kb-new");
        await page.FillAsync("#kb-title", $"夜间施工噪音的投诉口径{marker}");
        await page.FillAsync("#kb-body", "夜间22时至次日6时，除抢修、抢险作业和因生产工艺要求必须连续施工的，禁止进行产生噪声的建筑施工作业。来电人反映的，登记具体地点后派城市管理部门核查。");
        await page.ClickAsync("#kb-save");
        await Assertions.Expect(page.Locator("#kb-err-categoryCodes")).ToBeVisibleAsync();

        await page.SelectOptionAsync("#kb-add-category", new SelectOptionValue { Index = 1 });
        await Assertions.Expect(page.Locator("#kb-categories .hl-tag")).ToHaveCountAsync(1);
        await page.ClickAsync("#kb-save");
        await Assertions.Expect(page.Locator("#kb-notice")).ToContainTextAsync("已保存");
        await Assertions.Expect(page.Locator("#kb-editor-status")).ToHaveTextAsync("草稿");
        await page.ClickAsync("#kb-publish");
        await Assertions.Expect(page.Locator("#kb-editor-status")).ToHaveTextAsync("已发布");

        await page.FillAsync("#kb-q", "夜间施工噪音");
        await page.ClickAsync("#kb-search");
        await Assertions.Expect(page.Locator("#kb-list li", new() { HasText = marker })).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#kb-list li", new() { HasText = marker })).ToContainTextAsync("已发布");
        await Screenshots.SaveAsync(page, "hotline-knowledge");
    }
}
