using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Qilu.Identity.Tests;

/// <summary>
/// The real host on SQLite in a fresh data directory, seeded with the demo province; exposes the demo credentials
/// it generated so tests sign in exactly as a person would.
/// </summary>
public sealed class IdentityHost : WebApplicationFactory<Program>
{
    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "qilu-test-" + Guid.NewGuid().ToString("N"));

    private readonly Lazy<Dictionary<string, string>> _secrets;

    public IdentityHost()
    {
        _secrets = new(() =>
        {
            _ = Server;
            using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(DataDirectory, "demo-accounts.json")));
            return doc.RootElement.GetProperty("credentials").EnumerateArray()
                .ToDictionary(c => c.GetProperty("login").GetString()!, c => c.GetProperty("secret").GetString()!);
        });
    }

    /// <summary>The TOTP secret the seeder reported in the credential's description.</summary>
    public string TotpSecret(string login)
    {
        _ = Server;
        var text = File.ReadAllText(Path.Combine(DataDirectory, "demo-accounts.json"));
        using var doc = JsonDocument.Parse(text);
        var description = doc.RootElement.GetProperty("credentials").EnumerateArray()
            .First(c => c.GetProperty("login").GetString() == login).GetProperty("description").GetString()!;
        return Regex.Match(description, "TOTP 密钥 ([A-Z2-7]+)").Groups[1].Value;
    }

    /// <summary>Password or client secret for a demo login, as written to demo-accounts.json.</summary>
    public string Secret(string login) => _secrets.Value[login];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Qilu:DataDirectory", DataDirectory);
        builder.UseSetting("Qilu:Demo:Enabled", "true");
        // The suite signs in dozens of times from one test client; production limits stay as configured.
        builder.UseSetting("Qilu:RateLimiting:SignIn:PermitLimit", "100000");
        builder.UseEnvironment("Development");
    }

    public HttpClient Browser() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>Signs in through the login form (antiforgery token and all) and returns where the form redirected.</summary>
    public static async Task<HttpResponseMessage> PostLoginAsync(HttpClient browser, string user, string password, string returnUrl = "/")
    {
        var page = await browser.GetStringAsync("/account/login?returnUrl=" + Uri.EscapeDataString(returnUrl));
        var token = Regex.Match(page, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        return await browser.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["username"] = user, ["password"] = password, ["returnUrl"] = returnUrl, ["__RequestVerificationToken"] = token,
        }));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(DataDirectory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        GC.SuppressFinalize(this);
    }

    internal static void ShouldRedirectTo(HttpResponseMessage response, string prefix)
    {
        if (response.StatusCode is not (HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther))
            throw new Xunit.Sdk.XunitException($"Expected redirect to {prefix}, got {(int)response.StatusCode}: {response.Content.ReadAsStringAsync().Result}");
        var location = response.Headers.Location!.ToString();
        if (!location.StartsWith(prefix, StringComparison.Ordinal) && !location.Contains(prefix, StringComparison.Ordinal))
            throw new Xunit.Sdk.XunitException($"Expected redirect to {prefix}, got {location}");
    }
}

internal static class UriExtensions
{
    /// <summary>The query of a Location header that may be relative.</summary>
    public static string AbsoluteQuery(this Uri location) =>
        (location.IsAbsoluteUri ? location : new Uri(new Uri("http://localhost"), location)).Query;
}
