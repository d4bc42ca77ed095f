using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Qilu.OpenData.Tests;

/// <summary>API clients for demo accounts, each holding a real access token obtained through code + PKCE at demo-rp.</summary>
internal static class TestSession
{
    public static Task<HttpClient> ApiAsAsync(OpenDataHost host, string user, string? capacity = null) =>
        ApiAsAsync(host, user, host.Secret(user), capacity);

    public static async Task<HttpClient> ApiAsAsync(OpenDataHost host, string login, string password, string? capacity = null)
    {
        var tokens = await Oidc.SignInForTokensAsync(host, login, password, capacity: capacity);
        if (tokens.StatusCode != HttpStatusCode.OK)
            throw new Xunit.Sdk.XunitException($"Token endpoint answered {(int)tokens.StatusCode}: {await tokens.Content.ReadAsStringAsync()}");
        var json = await tokens.Content.ReadFromJsonAsync<JsonElement>();
        return Bearer(host, json.GetProperty("access_token").GetString()!);
    }

    public static HttpClient Bearer(OpenDataHost host, string accessToken)
    {
        var api = host.CreateClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return api;
    }
}
