using Microsoft.Playwright;
using Shouldly;

namespace Qilu.BrowserTests;

[Collection(BrowserSuite.Name)]
public sealed class PortalTests(QiluHostFixture host)
{
    [Fact]
    public async Task PortalHome_WhenOpened_ShowsChineseNavigationSearchAndFooter()
    {
        var page = await host.NewPageAsync();
        var response = await page.GotoAsync("/");
        response!.Status.ShouldBe(200);

        (await page.TitleAsync()).ShouldContain("齐鲁通办");
        (await page.GetAttributeAsync("html", "lang")).ShouldBe("zh-CN");
        await Assertions.Expect(page.Locator(".portal-nav")).ToContainTextAsync("首页");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("办事不求人，服务一网通");
        await Assertions.Expect(page.Locator("#portal-search-input")).ToBeVisibleAsync();
        // 8 categories (those a module serves are links) plus entries that fit no category: 通知公告, 证照核验, 我的账号, 个人码 and 主动服务.
        await Assertions.Expect(page.Locator(".portal-card")).ToHaveCountAsync(13);
        await Assertions.Expect(page.Locator(".portal-card").First).ToContainTextAsync("个人办事");
        (await page.Locator(".portal-card").First.GetAttributeAsync("href")).ShouldBe("/portal/matters");
        await Assertions.Expect(page.Locator(".portal-footer")).ToContainTextAsync("主办单位");
        await Assertions.Expect(page.Locator(".portal-footer")).ToContainTextAsync("演示");
        // The portal is static server rendering: no circuit is needed to read it.
        (await page.GetAttributeAsync("#qilu-shell", "data-interactive")).ShouldBe("no");

        await Screenshots.SaveAsync(page, "portal");
    }

    [Fact]
    public async Task LanguageSwitch_WhenEnglishChosenThenChinese_SwitchesTextsAndBack()
    {
        var page = await host.NewPageAsync();
        await page.GotoAsync("/");

        await page.ClickAsync("#qilu-lang-switch");
        await page.WaitForUrlAsync(u => u.EndsWith('/'));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("One portal for every government service");
        (await page.GetAttributeAsync("html", "lang")).ShouldBe("en-US");
        await Assertions.Expect(page.Locator(".portal-nav")).ToContainTextAsync("Home");
        (await page.Context.CookiesAsync()).ShouldContain(c => c.Name == ".AspNetCore.Culture" && c.Value.Contains("en-US"));
        await Screenshots.SaveAsync(page, "portal-en");

        await page.ClickAsync("#qilu-lang-switch");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("办事不求人，服务一网通");
        (await page.GetAttributeAsync("html", "lang")).ShouldBe("zh-CN");
    }

    [Fact]
    public async Task PortalSearch_WhenALifeEventIsTyped_FindsTheBundleAndOpensItsGuide()
    {
        var page = await host.NewPageAsync();
        await page.GotoAsync("/");
        await page.FillAsync("#portal-search-input", "新生儿出生");
        await page.ClickAsync("#portal-search-submit");

        await page.WaitForUrlAsync(u => u.Contains("/portal/search?q=", StringComparison.Ordinal));
        var first = page.Locator("#search-results li a").First;
        await Assertions.Expect(first).ToContainTextAsync("新生儿出生一件事");
        await Screenshots.SaveAsync(page, "portal-search");
        await first.ClickAsync();
        await page.WaitForUrlAsync(u => u.Contains("/portal/bundles/newborn", StringComparison.Ordinal));
        await Assertions.Expect(page.Locator("#bundle-members")).ToContainTextAsync("出生医学证明");
        await Assertions.Expect(page.Locator("#bundle-members tbody tr")).ToHaveCountAsync(4);
        await Screenshots.SaveAsync(page, "portal-bundle-guide");
    }

    [Fact]
    public async Task PortalSearch_WhenNothingMatches_SaysSoInChinese()
    {
        var page = await host.NewPageAsync();
        await page.GotoAsync("/portal/search?q=" + Uri.EscapeDataString("火星移民签证"));

        await Assertions.Expect(page.Locator(".qilu-empty-title")).ToContainTextAsync("没有找到与“火星移民签证”相关的内容");
    }

    [Fact]
    public async Task MatterGuide_WhenACountyIsChosen_ShowsTheLocalImplementation()
    {
        var page = await host.NewPageAsync();
        await page.GotoAsync("/portal/matters?q=" + Uri.EscapeDataString("社会保障卡"));
        await page.Locator("#matter-results li a").First.ClickAsync();
        await page.WaitForUrlAsync(u => u.Contains("/portal/matters/", StringComparison.Ordinal));
        await Assertions.Expect(page.Locator("#materials")).ToBeVisibleAsync();

        await page.SelectOptionAsync("#division-select", "370100");
        await page.ClickAsync("#division-apply");
        await page.WaitForUrlAsync(u => u.Contains("division=370100", StringComparison.Ordinal));
        await page.SelectOptionAsync("#division-select", "370102");
        await page.ClickAsync("#division-apply");
        await page.WaitForUrlAsync(u => u.Contains("division=370102", StringComparison.Ordinal));

        await Assertions.Expect(page.Locator("#offered")).ToContainTextAsync("本地区可办理");
        await Assertions.Expect(page.Locator("#promised-limit")).ToContainTextAsync("3 个工作日");
        await Screenshots.SaveAsync(page, "portal-matter-guide");
    }

    [Fact]
    public async Task UnknownPath_WhenOpenedInBrowser_ShowsChineseNotFoundPage()
    {
        var page = await host.NewPageAsync();
        var response = await page.GotoAsync("/portal/no-such-page");

        response!.Status.ShouldBe(404);
        await Assertions.Expect(page.Locator("#qilu-not-found")).ToContainTextAsync("您访问的页面不存在或已被移除");
        await Assertions.Expect(page.Locator(".portal-footer")).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "not-found");
    }
}
