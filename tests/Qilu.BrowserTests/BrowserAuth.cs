using Microsoft.Playwright;

namespace Qilu.BrowserTests;

/// <summary>Waits for the shell's live Blazor circuit (sign-in itself: <see cref="Navigation.SignedInAsync"/>).</summary>
public static class BrowserAuth
{
    /// <summary>Waits until the shell's layout runs on a live circuit (input typed before that is lost).</summary>
    public static Task WaitForCircuitAsync(IPage page) =>
        page.Locator("#qilu-shell[data-interactive=yes]").WaitForAsync(new() { Timeout = 30_000 });
}
