using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Qilu.Platform.Persistence;
using Qilu.Testing;

namespace Qilu.Matters.Tests;

/// <summary>
/// The real host in a fresh data directory, seeded with the demo province, on SQLite (a file in that directory) or on
/// a uniquely named PostgreSQL database on the <c>QILU_TEST_POSTGRES</c> server (created here, dropped on dispose).
/// Exposes the demo credentials it generated so tests sign in exactly as a person would.
/// </summary>
public sealed class MattersHost : QiluFactory
{
    private readonly Lazy<JsonDocument> _demoAccounts;

    public MattersHost() : this(DatabaseProvider.Sqlite)
    {
    }

    public MattersHost(DatabaseProvider provider) : base(new QiluFactoryOptions
    {
        Provider = provider,
        DemoData = true,
        // The suite signs in dozens of times from one test client; production limits stay as configured.
        Settings = new Dictionary<string, string?> { ["Qilu:RateLimiting:SignIn:PermitLimit"] = "100000" },
    })
    {
        _demoAccounts = new(() =>
        {
            _ = Server;
            return JsonDocument.Parse(File.ReadAllText(Path.Combine(DataDirectory, "demo-accounts.json")));
        });
    }

    private IEnumerable<JsonElement> Credentials => _demoAccounts.Value.RootElement.GetProperty("credentials").EnumerateArray();

    /// <summary>Password or client secret for a demo login, as written to demo-accounts.json.</summary>
    public string Secret(string login) =>
        Credentials.First(c => c.GetProperty("login").GetString() == login).GetProperty("secret").GetString()!;

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
        if (_demoAccounts.IsValueCreated) _demoAccounts.Value.Dispose();
        await base.DisposeAsync();
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
