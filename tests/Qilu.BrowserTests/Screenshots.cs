using Microsoft.Playwright;

namespace Qilu.BrowserTests;

internal static class Screenshots
{
    /// <summary>Full-page PNG under artifacts/screenshots; the path goes to the test output.</summary>
    public static async Task<string> SaveAsync(IPage page, string name)
    {
        Directory.CreateDirectory(QiluHostFixture.ScreenshotDirectory);
        var path = Path.Combine(QiluHostFixture.ScreenshotDirectory, name + ".png");
        await page.ScreenshotAsync(new() { Path = path, FullPage = true, Animations = ScreenshotAnimations.Disabled });
        TestContext.Current.TestOutputHelper?.WriteLine($"screenshot: {path}");
        return path;
    }
}
