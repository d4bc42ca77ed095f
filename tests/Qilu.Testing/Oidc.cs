using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Qilu.Testing;

/// <summary>
/// A relying party's side of OpenID Connect against the test host, as the demo client <c>demo-rp</c>: PKCE, the
/// interactive flow through the real login form and consent page, token calls. Every module's slice tests sign in
/// through it, so they exercise the same sign-on a person does.
/// </summary>
public static class Oidc
{
    public const string RpRedirect = "http://127.0.0.1:5090/signin-oidc";

    public static (string Verifier, string Challenge) Pkce()
    {
        var verifier = Base64Url(RandomNumberGenerator.GetBytes(32));
        return (verifier, Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))));
    }

    public static string AuthorizeUrl(string challenge, string scope = "openid", string extra = "") =>
        $"/connect/authorize?client_id=demo-rp&response_type=code&scope={Uri.EscapeDataString(scope)}&redirect_uri={Uri.EscapeDataString(RpRedirect)}&code_challenge={challenge}&code_challenge_method=S256{extra}";

    /// <summary>
    /// A person's whole sign-in at demo-rp: authorize, login form, the capacity choice when the account can act for
    /// an enterprise (<paramref name="capacity"/>: a credit code, or null for personal), consent, then the code
    /// redeemed at the token endpoint. Returns the token endpoint's response.
    /// </summary>
    public static async Task<HttpResponseMessage> SignInForTokensAsync(QiluFactory host, string login, string password,
        string scope = "openid profile unit", string? capacity = null)
    {
        using var browser = host.Browser();
        var (verifier, challenge) = Pkce();
        var first = await browser.GetAsync(AuthorizeUrl(challenge, scope));
        QiluFactory.ShouldRedirectTo(first, "/account/login");
        var signedIn = await QiluFactory.PostLoginAsync(browser, login, password, ReturnUrlOf(first));
        QiluFactory.ShouldRedirectTo(signedIn, "/");
        var next = signedIn.Headers.Location!.ToString();
        if (next.Contains("error=", StringComparison.Ordinal)) throw new Xunit.Sdk.XunitException($"Sign-in of {login} failed: {next}");
        if (next.StartsWith("/account/choose", StringComparison.Ordinal))
        {
            var page = await browser.GetStringAsync(next);
            if (capacity is not null && !page.Contains($"value=\"{capacity}\"", StringComparison.Ordinal))
                throw new Xunit.Sdk.XunitException($"/account/choose does not offer {capacity}:\n{page}");
            var chosen = await browser.PostAsync("/account/choose", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["capacity"] = capacity ?? "personal",
                ["returnUrl"] = System.Web.HttpUtility.ParseQueryString(new Uri(host.Server.BaseAddress, next).Query)["returnUrl"]!,
                ["__RequestVerificationToken"] = AntiforgeryToken(page),
            }));
            QiluFactory.ShouldRedirectTo(chosen, "/connect/authorize");
            next = chosen.Headers.Location!.ToString();
        }
        else if (capacity is not null)
        {
            throw new Xunit.Sdk.XunitException($"Expected the capacity choice after sign-in, went to {next}");
        }
        var authorized = await browser.GetAsync(next);
        if (authorized.Headers.Location!.ToString().Contains("/account/consent", StringComparison.Ordinal))
            authorized = await AcceptConsentAsync(browser, authorized);
        QiluFactory.ShouldRedirectTo(authorized, RpRedirect);
        var code = System.Web.HttpUtility.ParseQueryString(authorized.Headers.Location!.AbsoluteQuery())["code"]!;
        using var rp = host.CreateClient();
        return await RedeemAsync(host, rp, code, verifier);
    }

    /// <summary>The access token of a person's whole sign-in at demo-rp (throws with the token endpoint's answer when it fails).</summary>
    public static async Task<string> SignInForAccessTokenAsync(QiluFactory host, string login, string password, string scope = "openid profile unit")
    {
        using var tokens = await SignInForTokensAsync(host, login, password, scope);
        var text = await tokens.Content.ReadAsStringAsync();
        if (tokens.StatusCode != HttpStatusCode.OK) throw new Xunit.Sdk.XunitException($"Token endpoint answered {(int)tokens.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.GetProperty("access_token").GetString()!;
    }

    /// <summary>Reads the consent page the response redirects to and accepts it.</summary>
    public static async Task<HttpResponseMessage> AcceptConsentAsync(HttpClient browser, HttpResponseMessage redirectToConsent)
    {
        var page = await browser.GetStringAsync(redirectToConsent.Headers.Location!.ToString());
        var form = Regex.Matches(page, "<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"")
            .ToDictionary(m => m.Groups[1].Value, m => WebUtility.HtmlDecode(m.Groups[2].Value));
        form["consent"] = "accept";
        return await browser.PostAsync("/connect/authorize", new FormUrlEncodedContent(form));
    }

    public static Task<HttpResponseMessage> RedeemAsync(QiluFactory host, HttpClient rp, string code, string verifier) =>
        rp.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code", ["code"] = code, ["redirect_uri"] = RpRedirect, ["code_verifier"] = verifier,
            ["client_id"] = "demo-rp", ["client_secret"] = host.Secret("demo-rp"),
        }));

    public static async Task<HttpResponseMessage> RefreshAsync(QiluFactory host, string refreshToken)
    {
        using var rp = host.CreateClient();
        return await rp.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token", ["refresh_token"] = refreshToken,
            ["client_id"] = "demo-rp", ["client_secret"] = host.Secret("demo-rp"),
        }));
    }

    public static Task<HttpResponseMessage> ClientCredentialsAsync(HttpClient client, string clientId, string secret, string scope = "api") =>
        client.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = clientId, ["client_secret"] = secret, ["scope"] = scope,
        }));

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>();

    public static string ReturnUrlOf(HttpResponseMessage redirectToLogin) =>
        System.Web.HttpUtility.ParseQueryString(redirectToLogin.Headers.Location!.AbsoluteQuery())["returnUrl"]!;

    public static string AntiforgeryToken(string page) =>
        Regex.Match(page, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;

    public static JsonElement DecodeJwtPayload(string jwt) => DecodeJwtPart(jwt, 1);

    public static JsonElement DecodeJwtHeader(string jwt) => DecodeJwtPart(jwt, 0);

    private static JsonElement DecodeJwtPart(string jwt, int index)
    {
        var part = jwt.Split('.')[index].Replace('-', '+').Replace('_', '/');
        part = part.PadRight(part.Length + (4 - part.Length % 4) % 4, '=');
        return JsonDocument.Parse(Convert.FromBase64String(part)).RootElement.Clone();
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
