using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Qilu.BrowserTests;

/// <summary>Waiting for a page's address, and signing in on the platform's login form.</summary>
internal static class Navigation
{
    /// <summary>
    /// Waits until the page's URL satisfies <paramref name="match"/>, and for nothing else.
    /// </summary>
    /// <remarks>
    /// Playwright's <c>WaitForURLAsync</c> also waits for the "load" state once the URL matches, and on a busy CI runner
    /// that wait twice hung for its whole timeout although the page had long loaded ("NetworkIdle" fired, "load" was
    /// never seen by the client): a missed load-state event, not a slow page. The tests never need the load event:
    /// every locator they use next waits for its own element. So this polls the URL Playwright keeps from the
    /// browser's navigation events, which cannot miss a state that has already been reached.
    /// </remarks>
    public static async Task WaitForUrlAsync(this IPage page, Func<string, bool> match, int timeoutMs = 30_000)
    {
        var clock = Stopwatch.StartNew();
        while (!match(page.Url))
        {
            if (clock.ElapsedMilliseconds > timeoutMs)
            {
                throw new TimeoutException($"After {timeoutMs} ms the page is still at {page.Url}.");
            }
            await Task.Delay(50);
        }
    }

    /// <summary>As above, for a pattern.</summary>
    public static Task WaitForUrlAsync(this IPage page, Regex pattern, int timeoutMs = 30_000) =>
        page.WaitForUrlAsync(pattern.IsMatch, timeoutMs);

    /// <summary>
    /// Opens <paramref name="path"/> anonymously in a new page, signs in on the login form it is sent to, acts
    /// personally where asked in which capacity to act, and returns once the browser is back at the path.
    /// </summary>
    public static async Task<IPage> SignedInAsync(this QiluHostFixture host, string user, string path, string? password = null)
    {
        var page = await host.NewPageAsync();
        await page.GotoAsync(path);
        await page.FillAsync("#username", user);
        await page.FillAsync("#password", password ?? host.DemoSecret(user));
        await page.ClickAsync("#signin");
        await page.WaitForUrlAsync(u => new Uri(u).AbsolutePath is var p && (p == path || p == "/account/choose"), 20_000);
        // A legal representative or agent is asked in which capacity to act; the tests act personally (the default).
        if (new Uri(page.Url).AbsolutePath == "/account/choose")
        {
            await page.ClickAsync("#choose");
            await page.WaitForUrlAsync(u => new Uri(u).AbsolutePath == path, 20_000);
        }
        return page;
    }
}
