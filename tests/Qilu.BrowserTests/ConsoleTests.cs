using Microsoft.Playwright;
using Shouldly;

namespace Qilu.BrowserTests;

/// <summary>
/// Workbench and admin console in a real browser: an anonymous visit goes through the platform's own OpenID Connect
/// sign-in (login form) and comes back to the page asked for; the console frame, cards and menus render.
/// </summary>
[Collection(BrowserSuite.Name)]
public sealed class ConsoleTests(QiluHostFixture host)
{
    [Theory]
    [InlineData("/workbench")]
    [InlineData("/admin")]
    public async Task ConsolePage_WhenAnonymous_GoesToTheLoginForm(string path)
    {
        var page = await host.NewPageAsync();
        await page.GotoAsync(path);
        await page.Locator("#username").WaitForAsync();
        new Uri(page.Url).AbsolutePath.ShouldBe("/account/login");
    }

    [Theory]
    [InlineData("/workbench", "jn.official", "workbench", "我的待办")]
    [InlineData("/admin", "sys.admin", "admin", "系统状态")]
    public async Task ConsoleHome_WhenSignedInThroughOidc_ShowsFrameAndCards(string path, string user, string screenshot, string cardTitle)
    {
        var page = await host.SignedInAsync(user, path);
        await BrowserAuth.WaitForCircuitAsync(page);

        await Assertions.Expect(page.Locator(".ant-card-head-title", new() { HasTextString = cardTitle })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#console-user-name")).Not.ToBeEmptyAsync();
        await Screenshots.SaveAsync(page, screenshot);
    }
}
