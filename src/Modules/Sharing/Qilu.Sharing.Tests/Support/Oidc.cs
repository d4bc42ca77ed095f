using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Qilu.Sharing.Tests.Support;

/// <summary>A person's sign-in at demo-rp (authorize, login form, consent, code + PKCE redeemed) against the test host.</summary>
internal static class Oidc
{
    private const string RpRedirect = "http://127.0.0.1:5090/signin-oidc";

    public static async Task<string> SignInForAccessTokenAsync(SharingHost host, string login, string password)
    {
        using var browser = host.Browser();
        var verifier = B64(RandomNumberGenerator.GetBytes(32));
        var challenge = B64(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
        var first = await browser.GetAsync($"/connect/authorize?client_id=demo-rp&response_type=code&scope={Uri.EscapeDataString("openid profile unit")}&redirect_uri={Uri.EscapeDataString(RpRedirect)}&code_challenge={challenge}&code_challenge_method=S256");
        SharingHost.ShouldRedirectTo(first, "/account/login");
        var returnUrl = System.Web.HttpUtility.ParseQueryString(Absolute(first.Headers.Location!).Query)["returnUrl"]!;
        var page = await browser.GetStringAsync("/account/login?returnUrl=" + Uri.EscapeDataString(returnUrl));
        var signedIn = await browser.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["username"] = login, ["password"] = password, ["returnUrl"] = returnUrl, ["__RequestVerificationToken"] = SharingHost.AntiforgeryToken(page),
        }));
        SharingHost.ShouldRedirectTo(signedIn, "/");
        var authorized = await browser.GetAsync(signedIn.Headers.Location!.ToString());
        if (authorized.Headers.Location!.ToString().Contains("/account/consent", StringComparison.Ordinal))
        {
            var consent = await browser.GetStringAsync(authorized.Headers.Location!.ToString());
            var form = Regex.Matches(consent, "<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"")
                .ToDictionary(m => m.Groups[1].Value, m => WebUtility.HtmlDecode(m.Groups[2].Value));
            form["consent"] = "accept";
            authorized = await browser.PostAsync("/connect/authorize", new FormUrlEncodedContent(form));
        }
        SharingHost.ShouldRedirectTo(authorized, RpRedirect);
        var code = System.Web.HttpUtility.ParseQueryString(Absolute(authorized.Headers.Location!).Query)["code"]!;
        using var rp = host.CreateClient();
        using var tokens = await rp.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code", ["code"] = code, ["redirect_uri"] = RpRedirect, ["code_verifier"] = verifier,
            ["client_id"] = "demo-rp", ["client_secret"] = host.Secret("demo-rp"),
        }));
        var text = await tokens.Content.ReadAsStringAsync();
        if (tokens.StatusCode != HttpStatusCode.OK) throw new Xunit.Sdk.XunitException($"Token endpoint answered {(int)tokens.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.GetProperty("access_token").GetString()!;
    }

    private static Uri Absolute(Uri u) => u.IsAbsoluteUri ? u : new Uri(new Uri("http://localhost"), u);

    private static string B64(byte[] b) => Convert.ToBase64String(b).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
