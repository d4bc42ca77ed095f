using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Qilu.Platform.Persistence;

namespace Qilu.Notices.Tests;

/// <summary>
/// The real host in a fresh data directory with the demo province, on SQLite or on a uniquely named PostgreSQL database
/// (QILU_TEST_POSTGRES), with a fake clock so validity ends can pass without waiting. Tests sign in as demo accounts
/// through code + PKCE and hold real access tokens.
/// </summary>
public sealed class NoticesHost : QiluFactory
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Task<HttpClient>> _clients = [];

    public NoticesHost(DatabaseProvider provider) : this(new FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 1, 0, 0, TimeSpan.Zero)), provider)
    {
    }

    private NoticesHost(FakeTimeProvider clock, DatabaseProvider provider) : base(new QiluFactoryOptions
    {
        Provider = provider,
        DemoData = true,
        // The suite signs in many times from one test client; production limits stay as configured.
        Settings = new Dictionary<string, string?> { ["Qilu:RateLimiting:SignIn:PermitLimit"] = "100000" },
        ConfigureServices = services => services.AddSingleton<TimeProvider>(clock),
    })
    {
        Clock = clock;
    }

    /// <summary>The platform clock.</summary>
    public FakeTimeProvider Clock { get; }

    /// <summary>An API client signed in as the demo login (cached per host).</summary>
    public Task<HttpClient> As(string login)
    {
        _ = Server;
        lock (_gate)
        {
            if (!_clients.TryGetValue(login, out var client)) _clients[login] = client = SignInAsync(login);
            return client;
        }
    }

    private async Task<HttpClient> SignInAsync(string login)
    {
        var tokens = await Oidc.SignInForTokensAsync(this, login, Secret(login));
        if (tokens.StatusCode != HttpStatusCode.OK)
            throw new Xunit.Sdk.XunitException($"Token endpoint answered {(int)tokens.StatusCode}: {await tokens.Content.ReadAsStringAsync()}");
        var json = await tokens.Content.ReadFromJsonAsync<JsonElement>();
        var api = CreateClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", json.GetProperty("access_token").GetString());
        return api;
    }
}
