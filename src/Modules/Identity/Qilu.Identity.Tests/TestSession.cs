using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Qilu.Identity.Tests;

/// <summary>An API client for a demo account, holding a real access token obtained through code + PKCE.</summary>
internal static class TestSession
{
    /// <summary>Signs in through the login form and the web shell's own client is not used: a bearer token via demo-rp.</summary>
    public static async Task<HttpClient> ApiAsAsync(IdentityHost host, string user)
    {
        using var browser = host.Browser();
        var (verifier, challenge) = SignOn.OidcFlowTests.Pkce();
        const string redirect = "http://127.0.0.1:5090/signin-oidc";
        var first = await browser.GetAsync($"/connect/authorize?client_id=demo-rp&response_type=code&scope=openid%20profile%20unit&redirect_uri={Uri.EscapeDataString(redirect)}&code_challenge={challenge}&code_challenge_method=S256");
        var returnUrl = System.Web.HttpUtility.ParseQueryString(first.Headers.Location!.AbsoluteQuery())["returnUrl"]!;
        var login = await IdentityHost.PostLoginAsync(browser, user, host.Secret(user), returnUrl);
        var next = await browser.GetAsync(login.Headers.Location!.ToString());
        if (next.Headers.Location!.ToString().Contains("/account/consent", StringComparison.Ordinal))
        {
            var page = await browser.GetStringAsync(next.Headers.Location!.ToString());
            var form = System.Text.RegularExpressions.Regex.Matches(page, "<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"")
                .ToDictionary(m => m.Groups[1].Value, m => System.Net.WebUtility.HtmlDecode(m.Groups[2].Value));
            form["consent"] = "accept";
            next = await browser.PostAsync("/connect/authorize", new FormUrlEncodedContent(form));
        }
        var code = System.Web.HttpUtility.ParseQueryString(next.Headers.Location!.AbsoluteQuery())["code"]!;
        using var rp = host.CreateClient();
        var tokens = await rp.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code", ["code"] = code, ["redirect_uri"] = redirect, ["code_verifier"] = verifier,
            ["client_id"] = "demo-rp", ["client_secret"] = host.Secret("demo-rp"),
        }));
        var json = await tokens.Content.ReadFromJsonAsync<JsonElement>();
        var api = host.CreateClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", json.GetProperty("access_token").GetString());
        return api;
    }
}
