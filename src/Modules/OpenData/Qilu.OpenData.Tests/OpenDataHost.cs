using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Qilu.Platform.Persistence;
using Qilu.Testing;
using Qilu.Catalog.Contracts;

namespace Qilu.OpenData.Tests;

/// <summary>
/// The real host in a fresh data directory, seeded with the demo province, on SQLite (a file in that directory) or on
/// a uniquely named PostgreSQL database on the <c>QILU_TEST_POSTGRES</c> server (created here, dropped on dispose).
/// Exposes the demo credentials it generated so tests sign in exactly as a person would.
/// </summary>
public sealed class OpenDataHost : QiluFactory
{
    private readonly Lazy<JsonDocument> _demoAccounts;

    public OpenDataHost() : this(DatabaseProvider.Sqlite)
    {
    }

    /// <summary>A host on <paramref name="provider"/>; rows come from Catalog's real <see cref="IResourceRows"/> (tests mount
    /// tables and import CSV through Catalog's API, as a data officer does).</summary>
    public OpenDataHost(DatabaseProvider provider) : base(new QiluFactoryOptions
    {
        Provider = provider,
        DemoData = true,
        // The suite signs in dozens of times from one test client; production limits stay as configured.
        Settings = new Dictionary<string, string?> { ["Qilu:RateLimiting:SignIn:PermitLimit"] = "100000", ["Qilu:OpenData:DemoDatasets"] = "false",
            ["Qilu:Catalog:DemoResources"] = "false", ["Qilu:Sharing:DemoData"] = "false" },
    })
    {
        _demoAccounts = new(() =>
        {
            _ = Server;
            return JsonDocument.Parse(File.ReadAllText(Path.Combine(DataDirectory, "demo-accounts.json")));
        });
    }

    private IEnumerable<JsonElement> Credentials => _demoAccounts.Value.RootElement.GetProperty("credentials").EnumerateArray();

    /// <summary>The TOTP secret the seeder reported in the credential's description.</summary>
    public string TotpSecret(string login)
    {
        var description = Credentials.First(c => c.GetProperty("login").GetString() == login).GetProperty("description").GetString()!;
        return Regex.Match(description, "TOTP 密钥 ([A-Z2-7]+)").Groups[1].Value;
    }

    /// <summary>The login of the demo citizen whose description names <paramref name="name"/>.</summary>
    public string CitizenLogin(string name) =>
        Credentials.First(c => c.GetProperty("kind").GetString() == "citizen" && c.GetProperty("description").GetString()!.StartsWith(name, StringComparison.Ordinal))
            .GetProperty("login").GetString()!;

    /// <summary>Password or client secret for a demo login, as written to demo-accounts.json.</summary>
    public string Secret(string login) =>
        Credentials.First(c => c.GetProperty("login").GetString() == login).GetProperty("secret").GetString()!;

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<Task<HttpClient>>> _sessions = new();

    /// <summary>An API client signed in as the demo login (one per login per host, reused across tests).</summary>
    public Task<HttpClient> ApiAsync(string login) =>
        _sessions.GetOrAdd(login, l => new Lazy<Task<HttpClient>>(() => TestSession.ApiAsAsync(this, l))).Value;

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
