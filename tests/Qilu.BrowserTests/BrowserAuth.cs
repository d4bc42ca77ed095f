using Microsoft.Playwright;

namespace Qilu.BrowserTests;

/// <summary>Sign-in through the Identity module's login form (ids agreed with the lead: #username, #password, #signin).</summary>
public static class BrowserAuth
{
    /// <summary>Opens /account/login, signs in and waits until the browser has left the login page.</summary>
    public static async Task SignInAsync(IPage page, string user, string password, string returnUrl = "/workbench")
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GotoAsync($"/account/login?returnUrl={Uri.EscapeDataString(returnUrl)}");
        await page.FillAsync("#username", user);
        await page.FillAsync("#password", password);
        await page.ClickAsync("#signin");
        await page.WaitForURLAsync(u => !u.Contains("/account/login", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Waits until the shell's layout runs on a live circuit (input typed before that is lost).</summary>
    public static Task WaitForCircuitAsync(IPage page) =>
        page.Locator("#qilu-shell[data-interactive=yes]").WaitForAsync(new() { Timeout = 15_000 });
}
