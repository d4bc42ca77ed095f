using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Playwright;

namespace Qilu.BrowserTests;

/// <summary>
/// The real host on Kestrel (random port, temporary data directory) and one headless Chromium, shared by the
/// browser tests. When no browser is installed, <see cref="SkipReason"/> says why and the tests skip.
/// </summary>
public sealed class QiluHostFixture : IAsyncLifetime
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "qilu-browser-" + Guid.NewGuid().ToString("N"));
    private WebApplicationFactory<Program>? _factory;
    private IPlaywright? _playwright;

    public IBrowser? Browser { get; private set; }

    /// <summary>A demo password or secret the host wrote to demo-accounts.json on first run.</summary>
    public string DemoSecret(string login)
    {
        using var doc = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(_dataDirectory, "demo-accounts.json")));
        return doc.RootElement.GetProperty("credentials").EnumerateArray()
            .First(c => c.GetProperty("login").GetString() == login).GetProperty("secret").GetString()!;
    }

    /// <summary>The first demo login of a kind (<c>citizen</c>, <c>official</c>, <c>enterprise</c> …) in demo-accounts.json.</summary>
    public string DemoLogin(string kind)
    {
        using var doc = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(_dataDirectory, "demo-accounts.json")));
        return doc.RootElement.GetProperty("credentials").EnumerateArray()
            .First(c => c.GetProperty("kind").GetString() == kind).GetProperty("login").GetString()!;
    }

    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");
    public string? SkipReason { get; private set; }
    public WebApplicationFactory<Program> Factory => _factory ?? throw new InvalidOperationException("Host not started");

    /// <summary>Where screenshots go: artifacts/screenshots under the test output folder.</summary>
    public static string ScreenshotDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "artifacts", "screenshots");

    public async ValueTask InitializeAsync()
    {
        // CI runs this suite beside every other test assembly on two cores: a Blazor round trip can take seconds there.
        // Assertions still fail when the text never comes; they only wait longer before saying so (default 5 s).
        Assertions.SetDefaultExpectTimeout(15_000);
        Directory.CreateDirectory(_dataDirectory);
        var port = FreePort();
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Development");
            b.UseSetting("Qilu:DataDirectory", _dataDirectory);
            b.UseSetting("Qilu:RateLimiting:SignIn:PermitLimit", "100000");
            // A factory made by WithWebHostBuilder does not pass UseKestrel's port on; name the address explicitly.
            b.UseUrls($"http://127.0.0.1:{port}");
        });
        _factory.UseKestrel(port);
        _factory.StartServer();
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");

        var executable = Environment.GetEnvironmentVariable("QILU_BROWSER") is { Length: > 0 } env ? env : "/usr/bin/chromium";
        if (!File.Exists(executable))
        {
            SkipReason = $"Browser suite skipped: no browser at {executable} (set QILU_BROWSER to a Chromium executable).";
            return;
        }
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new() { ExecutablePath = executable, Args = ["--no-sandbox"] });
    }

    /// <summary>
    /// A free loopback port. UseKestrel(0) listens on the default port 5000, which other suites on the same machine
    /// may hold; the tiny window between releasing this port and Kestrel binding it is acceptable for tests.
    /// </summary>
    public static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>A fresh browser context (own cookies) at 1366×768, the most common office screen.</summary>
    public async Task<IPage> NewPageAsync()
    {
        Assert.SkipWhen(SkipReason is not null, SkipReason ?? "");
        var context = await Browser!.NewContextAsync(new()
        {
            BaseURL = BaseAddress.ToString(),
            ViewportSize = new() { Width = 1366, Height = 768 },
            Locale = "zh-CN",
        });
        return await context.NewPageAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        if (_factory is not null) await _factory.DisposeAsync();
        try { Directory.Delete(_dataDirectory, recursive: true); }
        catch (IOException) { /* SQLite files may linger a moment after shutdown; the temp folder is disposable. */ }
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserSuite : ICollectionFixture<QiluHostFixture>
{
    public const string Name = "browser";
}
