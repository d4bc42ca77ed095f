using Microsoft.Playwright;

namespace Qilu.BrowserTests;

/// <summary>
/// 12345 in the portal and 直办 from the knowledge base: a signed-in citizen submits a request from 我的诉求 → 我要反映
/// and sees it in 我的诉求; an agent typing a caller's question gets the matching article and closes the call with it.
/// </summary>
[Collection(BrowserSuite.Name)]
public sealed class HotlinePortalTests(QiluHostFixture host)
{
    private static readonly string ZhangSan = IdentityBrowser.ValidId("370102", "19880315", 101);

    [Fact]
    public async Task PortalForm_WhenACitizenSubmitsARequest_ItAppearsUnderMyRequests()
    {
        // The form is interactive (the shell's circuit is awaited on sign-in); 我的诉求 itself is server-rendered only.
        var page = await IdentityBrowser.OpenAsAsync(host, ZhangSan, "/portal/hotline/new");
        await page.Locator("#request-form[data-interactive=yes]").WaitForAsync(new() { Timeout = 20_000 });
        var marker = "B" + Guid.NewGuid().ToString("N")[..6];
        await page.FillAsync("#r-content", $"历山路{marker}号门口的井盖塌陷了一半，晚上骑车很危险，希望尽快修复。");
        await page.Locator("#r-content").BlurAsync();
        await Assertions.Expect(page.Locator("#r-suggestions")).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await page.SelectOptionAsync("#r-division", "370102");
        await page.FillAsync("#r-address", $"历山路{marker}号门口");
        await page.FillAsync("#r-lat", "36.6700");
        await page.FillAsync("#r-lon", "117.0400");
        await page.CheckAsync("#r-confidential");
        await Screenshots.SaveAsync(page, "hotline-portal-new");
        await page.ClickAsync("#r-submit");

        await page.WaitForUrlAsync(u => new Uri(u).AbsolutePath.StartsWith("/portal/hotline/", StringComparison.Ordinal) && !u.EndsWith("/new", StringComparison.Ordinal),
            30_000);
        await Assertions.Expect(page.Locator("#my-status")).ToHaveTextAsync("待派单");
        await Assertions.Expect(page.Locator("#my-request")).ToContainTextAsync(marker);
        await page.GotoAsync("/portal/hotline");
        await Assertions.Expect(page.Locator("#my-requests")).ToContainTextAsync(marker);
        await Assertions.Expect(page.Locator("#new-request")).ToHaveAttributeAsync("href", "/portal/hotline/new");
        await Screenshots.SaveAsync(page, "hotline-portal-my-requests");
    }

    [Fact]
    public async Task AgentConsole_WhenTheCallerAsksAKnownQuestion_AnswersFromTheKnowledgeBaseAndCloses()
    {
        const string path = "/workbench/hotline/console";
        var page = await host.SignedInAsync("jn.agent", path);
        await page.Locator("#agent-console[data-interactive=yes]").WaitForAsync(new() { Timeout = 20_000 });

        await page.FillAsync("#t-phone", "13905310002");
        await page.Locator("#t-content").PressSequentiallyAsync("孩子刚出生，想问新生儿户口登记要带什么材料");
        var article = page.Locator("#knowledge .hl-kb").Filter(new() { HasText = "新生儿户口登记" });
        await Assertions.Expect(article).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await page.SelectOptionAsync("#t-division", "370102");
        await page.FillAsync("#t-address", "电话咨询");
        await page.SelectOptionAsync("#t-category", "070201");
        await article.Locator("button").ClickAsync();

        await Assertions.Expect(page.Locator("#created-status")).ToHaveTextAsync("已办结", new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator("#created-direct")).ToContainTextAsync("依据知识库");
        await Screenshots.SaveAsync(page, "hotline-console-knowledge");
    }
}
