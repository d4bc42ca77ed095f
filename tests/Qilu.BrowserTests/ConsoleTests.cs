using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Shouldly;

namespace Qilu.BrowserTests;

/// <summary>
/// Workbench and admin console. They need the Identity module's sign-in; until the host has an authentication
/// scheme and the login page, these tests skip and say so.
/// </summary>
[Collection(BrowserSuite.Name)]
public sealed class ConsoleTests(QiluHostFixture host)
{
    [Theory]
    [InlineData("/workbench")]
    [InlineData("/admin")]
    public async Task ConsolePage_WhenAnonymous_RedirectsToSignInWithReturnUrl(string path)
    {
        await SkipUnlessAuthenticationConfiguredAsync();
        var page = await host.NewPageAsync();
        await page.GotoAsync(path);

        var url = new Uri(page.Url);
        url.AbsolutePath.ShouldBeOneOf("/signin", "/account/login");
        Uri.UnescapeDataString(url.Query).ShouldContain(path);
    }

    [Theory]
    [InlineData("/workbench", "workbench", "我的待办")]
    [InlineData("/admin", "admin", "系统状态")]
    public async Task ConsoleHome_WhenSignedIn_ShowsFrameAndCards(string path, string screenshot, string cardTitle)
    {
        await SkipUnlessAuthenticationConfiguredAsync();
        var user = Environment.GetEnvironmentVariable("QILU_BROWSER_USER");
        var password = Environment.GetEnvironmentVariable("QILU_BROWSER_PASSWORD");
        Assert.SkipWhen(string.IsNullOrEmpty(user) || string.IsNullOrEmpty(password),
            "Console screenshots skipped: set QILU_BROWSER_USER and QILU_BROWSER_PASSWORD to a demo administrator.");
        var page = await host.NewPageAsync();
        var login = await page.GotoAsync("/account/login");
        Assert.SkipWhen(login is null || login.Status == 404, "Console screenshots skipped: /account/login is not available yet.");

        await BrowserAuth.SignInAsync(page, user!, password!, path);
        await BrowserAuth.WaitForCircuitAsync(page);

        await Assertions.Expect(page.Locator(".ant-card-head-title", new() { HasTextString = cardTitle })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#console-user-name")).Not.ToBeEmptyAsync();
        await Screenshots.SaveAsync(page, screenshot);
    }

    private async Task SkipUnlessAuthenticationConfiguredAsync()
    {
        var schemes = host.Factory.Services.GetService<IAuthenticationSchemeProvider>();
        var challenge = schemes is null ? null : await schemes.GetDefaultChallengeSchemeAsync();
        Assert.SkipWhen(challenge is null, "Console tests skipped: the host has no authentication scheme yet (Identity module pending).");
    }
}
