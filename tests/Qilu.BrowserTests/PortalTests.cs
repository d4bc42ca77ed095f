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
        // 8 planned categories plus the Identity module's 我的账号 entry.
        await Assertions.Expect(page.Locator(".portal-card")).ToHaveCountAsync(9);
        await Assertions.Expect(page.Locator(".portal-card").First).ToContainTextAsync("个人办事");
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
        await page.WaitForURLAsync(u => u.EndsWith('/'));
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
    public async Task PortalSearch_WhenNoEntryMatches_SaysSoInChinese()
    {
        var page = await host.NewPageAsync();
        await page.GotoAsync("/");
        await page.FillAsync("#portal-search-input", "新生儿出生");
        await page.ClickAsync("#portal-search-submit");

        await page.WaitForURLAsync(u => u.Contains("/portal/search?q=", StringComparison.Ordinal));
        await Assertions.Expect(page.Locator(".qilu-empty-title")).ToContainTextAsync("没有找到与“新生儿出生”相关的服务入口");
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
