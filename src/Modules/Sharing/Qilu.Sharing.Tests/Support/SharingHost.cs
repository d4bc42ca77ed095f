using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Qilu.Identity.Contracts;
using Qilu.Platform.Persistence;
using Qilu.Sharing.Contracts;
using Qilu.Sharing.Gateway;

namespace Qilu.Sharing.Tests.Support;

/// <summary>
/// The real host with the demo province on SQLite or PostgreSQL, with the Catalog module's real resources
/// (<see cref="Resources"/>) and one test seam: a fake upstream for proxied APIs and webhook callbacks (systems outside
/// the platform). Signs officials in through the real OpenID provider and
/// registers consumer systems as client-credentials clients bound to a unit.
/// </summary>
public sealed class SharingHost : QiluFactory
{
    private readonly ConcurrentDictionary<string, Lazy<Task<HttpClient>>> _sessions = new();

    /// <summary>Tables and APIs mounted and filled through the Catalog module's API.</summary>
    public CatalogResources Resources { get; }

    public FakeUpstream Upstream { get; }

    /// <summary>A host on <paramref name="provider"/> with the suite's settings and any <paramref name="settings"/> on top.</summary>
    /// <param name="provider">The database.</param>
    /// <param name="settings">Settings added to (or replacing) the host's test settings.</param>
    public SharingHost(DatabaseProvider provider, IReadOnlyDictionary<string, string?>? settings = null) : this(provider, new FakeUpstream(), settings)
    {
    }

    private SharingHost(DatabaseProvider provider, FakeUpstream upstream, IReadOnlyDictionary<string, string?>? settings) : base(new QiluFactoryOptions
    {
        Provider = provider,
        DemoData = true,
        Settings = With(new Dictionary<string, string?>
        {
            ["Qilu:RateLimiting:SignIn:PermitLimit"] = "100000", ["Qilu:Sharing:DemoData"] = "false", ["Qilu:Catalog:DemoResources"] = "false",
            // Every gateway test runs through the grant cache on both databases (on by default since ADR 0018
            // addendum 5; set here so that the suite does not depend on the default).
            ["Qilu:Sharing:GrantCache"] = "true",
        }, settings),
        ConfigureServices = s =>
        {
            s.AddHttpClient(CallApi.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => upstream);
        },
    })
    {
        Resources = new CatalogResources(this);
        Upstream = upstream;
    }

    private static Dictionary<string, string?> With(Dictionary<string, string?> defaults, IReadOnlyDictionary<string, string?>? settings)
    {
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) defaults[key] = value;
        return defaults;
    }

    /// <summary>An API client signed in as the demo login through code + PKCE at demo-rp (one per login per host).</summary>
    public Task<HttpClient> ApiAsync(string login) =>
        _sessions.GetOrAdd(login, l => new Lazy<Task<HttpClient>>(() => SignInAsync(l, Secret(l)))).Value;

    public async Task<HttpClient> SignInAsync(string login, string password)
    {
        var token = await Oidc.SignInForAccessTokenAsync(this, login, password);
        var api = CreateClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return api;
    }

    public async Task<UnitInfo> UnitAsync(string kind, string division)
    {
        await using var scope = Services.CreateAsyncScope();
        var units = await scope.ServiceProvider.GetRequiredService<IOrganisationDirectory>().ListUnitsAsync(division, kind);
        return units.First(u => u.DivisionCode == division);
    }

    /// <summary>
    /// Registers a consumer system (client credentials, bound to <paramref name="unit"/>) as an administrator does —
    /// through the platform's client registration (<c>POST /api/identity/clients</c>, as sys.admin) — and returns a
    /// bearer client holding a token for <paramref name="scopes"/> (the gateway's by default).
    /// </summary>
    public async Task<HttpClient> ConsumerSystemAsync(UnitInfo unit, string clientId, params string[] scopes)
    {
        if (scopes.Length == 0) scopes = [GatewayProtocol.Scope];
        var admin = await ApiAsync("sys.admin");
        using var registered = await admin.PostAsJsonAsync(new Uri("/api/identity/clients", UriKind.Relative), new
        {
            clientId, displayName = "使用单位系统 " + clientId, kind = "system", scopes, departmentId = unit.Id,
        });
        var body = await registered.Content.ReadAsStringAsync();
        if (registered.StatusCode != HttpStatusCode.Created) throw new Xunit.Sdk.XunitException($"Client registration answered {(int)registered.StatusCode}: {body}");
        var secret = JsonDocument.Parse(body).RootElement.GetProperty("clientSecret").GetString()!;
        var client = CreateClient();
        using var token = await client.PostAsync(new Uri("/connect/token", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = clientId, ["client_secret"] = secret, ["scope"] = string.Join(' ', scopes),
        }));
        var text = await token.Content.ReadAsStringAsync();
        if (token.StatusCode != HttpStatusCode.OK) throw new Xunit.Sdk.XunitException($"Token endpoint answered {(int)token.StatusCode}: {text}");
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", JsonDocument.Parse(text).RootElement.GetProperty("access_token").GetString());
        return client;
    }

    public async Task<T> RunAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    internal static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage r) => await r.Content.ReadFromJsonAsync<JsonElement>();
}
