using System.Text.Json;
using System.Text.RegularExpressions;
using Qilu.Platform.Persistence;
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

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<Task<HttpClient>>> _sessions = new();

    /// <summary>An API client signed in as the demo login (one per login per host, reused across tests).</summary>
    public Task<HttpClient> ApiAsync(string login) =>
        _sessions.GetOrAdd(login, l => new Lazy<Task<HttpClient>>(() => TestSession.ApiAsAsync(this, l))).Value;

    public override async ValueTask DisposeAsync()
    {
        if (_demoAccounts.IsValueCreated) _demoAccounts.Value.Dispose();
        await base.DisposeAsync();
    }

}
