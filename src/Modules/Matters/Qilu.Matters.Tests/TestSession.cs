using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Qilu.Matters.Tests;

/// <summary>API clients for demo accounts, each holding a real access token obtained through code + PKCE at demo-rp.</summary>
internal static class TestSession
{
    public static async Task<HttpClient> ApiAsAsync(MattersHost host, string login)
    {
        var tokens = await Oidc.SignInForTokensAsync(host, login, host.Secret(login));
        if (tokens.StatusCode != HttpStatusCode.OK)
            throw new Xunit.Sdk.XunitException($"Token endpoint answered {(int)tokens.StatusCode}: {await tokens.Content.ReadAsStringAsync()}");
        var json = await tokens.Content.ReadFromJsonAsync<JsonElement>();
        var api = host.CreateClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", json.GetProperty("access_token").GetString());
        return api;
    }
}
