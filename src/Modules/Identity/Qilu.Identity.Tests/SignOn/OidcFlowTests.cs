using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Shouldly;

namespace Qilu.Identity.Tests.SignOn;

/// <summary>OpenID Connect flows end to end over HTTP against the real host, as a relying party would run them.</summary>
public abstract class OidcFlowTestsBase(IdentityFixture fixture)
{
    private IdentityHost Host => fixture.Host;

    [Fact]
    public async Task Discovery_WhenFetched_AdvertisesEndpointsAndS256Only()
    {
        using var client = Host.CreateClient();
        using var doc = JsonDocument.Parse(await client.GetStringAsync("/.well-known/openid-configuration"));
        var root = doc.RootElement;
        root.GetProperty("token_endpoint").GetString()!.ShouldEndWith("/connect/token");
        root.GetProperty("authorization_endpoint").GetString()!.ShouldEndWith("/connect/authorize");
        root.GetProperty("userinfo_endpoint").GetString()!.ShouldEndWith("/connect/userinfo");
        root.GetProperty("end_session_endpoint").GetString()!.ShouldEndWith("/connect/endsession");
        root.GetProperty("code_challenge_methods_supported").EnumerateArray().Select(e => e.GetString()).ShouldBe(["S256"]);
        root.GetProperty("id_token_signing_alg_values_supported").EnumerateArray().Select(e => e.GetString()).ShouldContain("RS256");
        var jwks = JsonDocument.Parse(await client.GetStringAsync("/.well-known/jwks")).RootElement.GetProperty("keys");
        jwks.EnumerateArray().ShouldContain(k => k.GetProperty("kty").GetString() == "RSA");
    }

    [Fact]
    public async Task ClientCredentials_WithDemoSystemSecret_IssuesJwtWithUnitClaims()
    {
        using var client = Host.CreateClient();
        var token = await Oidc.ClientCredentialsAsync(client, "sd-market-system", Host.Secret("sd-market-system"));
        token.StatusCode.ShouldBe(HttpStatusCode.OK);
        var json = await token.Content.ReadFromJsonAsync<JsonElement>();
        var access = json.GetProperty("access_token").GetString()!;
        var payload = Oidc.DecodeJwtPayload(access);
        payload.GetProperty("sub").GetString().ShouldBe("sd-market-system");
        payload.GetProperty("qilu_kind").GetString().ShouldBe("system_client");
        payload.GetProperty("division").GetString().ShouldBe("370000");
        // The platform API accepts it as a bearer token.
        using var me = new HttpRequestMessage(HttpMethod.Get, "/api/identity/me");
        me.Headers.Authorization = new AuthenticationHeaderValue("Bearer", access);
        var meResponse = await client.SendAsync(me);
        meResponse.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await meResponse.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("kind").GetString().ShouldBe("SystemClient");
    }

    [Theory]
    [InlineData("sd-market-system", "wrong-secret")]
    [InlineData("no-such-client", "whatever")]
    public async Task ClientCredentials_WithBadCredentials_AnswersInvalidClient(string clientId, string secret)
    {
        using var client = Host.CreateClient();
        var response = await Oidc.ClientCredentialsAsync(client, clientId, secret);
        // RFC 6749 §5.2: invalid_client may answer 401.
        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString().ShouldBe("invalid_client");
    }

    [Fact]
    public async Task AuthorizationCode_WithPkceAndConsent_IssuesTokensRefreshesAndRejectsReplay()
    {
        using var browser = Host.Browser();
        var (verifier, challenge) = Oidc.Pkce();
        var authorize = Oidc.AuthorizeUrl(challenge, "openid profile unit offline_access", "&state=s1&nonce=n1");

        var first = await browser.GetAsync(authorize);
        IdentityHost.ShouldRedirectTo(first, "/account/login");
        var login = await IdentityHost.PostLoginAsync(browser, "jn.official", Host.Secret("jn.official"), Oidc.ReturnUrlOf(first));
        IdentityHost.ShouldRedirectTo(login, "/connect/authorize");

        var again = await browser.GetAsync(login.Headers.Location!.ToString());
        IdentityHost.ShouldRedirectTo(again, "/account/consent");
        var consentPage = await browser.GetStringAsync(again.Headers.Location!.ToString());
        consentPage.ShouldContain("演示第三方应用");
        var consented = await Oidc.AcceptConsentAsync(browser, again);
        IdentityHost.ShouldRedirectTo(consented, Oidc.RpRedirect);
        var query = System.Web.HttpUtility.ParseQueryString(consented.Headers.Location!.AbsoluteQuery());
        query["state"].ShouldBe("s1");
        var code = query["code"]!;

        using var rp = Host.CreateClient();
        var tokens = await Oidc.RedeemAsync(Host, rp, code, verifier);
        tokens.StatusCode.ShouldBe(HttpStatusCode.OK);
        var json = await tokens.Content.ReadFromJsonAsync<JsonElement>();
        var idToken = Oidc.DecodeJwtPayload(json.GetProperty("id_token").GetString()!);
        idToken.GetProperty("nonce").GetString().ShouldBe("n1");
        idToken.GetProperty("division").GetString().ShouldBe("370100");
        idToken.GetProperty("acr").GetString().ShouldBe("urn:qilu:acr:L3");

        using var userinfo = new HttpRequestMessage(HttpMethod.Get, "/connect/userinfo");
        userinfo.Headers.Authorization = new AuthenticationHeaderValue("Bearer", json.GetProperty("access_token").GetString());
        var info = await (await rp.SendAsync(userinfo)).Content.ReadFromJsonAsync<JsonElement>();
        info.GetProperty("name").GetString().ShouldBe("周济南");

        var refreshed = await Oidc.RefreshAsync(Host, json.GetProperty("refresh_token").GetString()!);
        refreshed.StatusCode.ShouldBe(HttpStatusCode.OK);

        var replay = await Oidc.RedeemAsync(Host, rp, code, verifier);
        replay.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await replay.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString().ShouldBe("invalid_grant");
    }

    [Fact]
    public async Task AuthorizationCode_WithWrongVerifier_AnswersInvalidGrant()
    {
        using var browser = Host.Browser();
        var (_, challenge) = Oidc.Pkce();
        var code = await SignInAndGetCodeAsync(browser, challenge);
        using var rp = Host.CreateClient();
        var response = await Oidc.RedeemAsync(Host, rp, code, Oidc.Pkce().Verifier);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString().ShouldBe("invalid_grant");
    }

    [Theory]
    [InlineData("http://127.0.0.1:5090/signin-oidc/extra")]
    [InlineData("http://evil.example/signin-oidc")]
    [InlineData("http://127.0.0.1:5090/SIGNIN-OIDC")]
    public async Task Authorize_WithRedirectUriNotExactlyRegistered_IsRefusedWithoutRedirect(string redirect)
    {
        using var browser = Host.Browser();
        var (_, challenge) = Oidc.Pkce();
        var response = await browser.GetAsync($"/connect/authorize?client_id=demo-rp&response_type=code&scope=openid&redirect_uri={Uri.EscapeDataString(redirect)}&code_challenge={challenge}&code_challenge_method=S256");
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Headers.Location.ShouldBeNull();
    }

    [Fact]
    public async Task Authorize_WithoutPkce_IsRefused()
    {
        using var browser = Host.Browser();
        var response = await browser.GetAsync($"/connect/authorize?client_id=demo-rp&response_type=code&scope=openid&redirect_uri={Uri.EscapeDataString(Oidc.RpRedirect)}");
        // Refused with invalid_request, and no code is ever issued.
        var text = response.Headers.Location?.ToString() ?? await response.Content.ReadAsStringAsync();
        text.ShouldContain("invalid_request");
        text.ShouldNotContain("code=");
    }

    private async Task<string> SignInAndGetCodeAsync(HttpClient browser, string challenge)
    {
        // Consent to demo-rp may or may not be remembered from another test of the class; accept it when asked.
        var first = await browser.GetAsync(Oidc.AuthorizeUrl(challenge));
        var login = await IdentityHost.PostLoginAsync(browser, "qd.official", Host.Secret("qd.official"), Oidc.ReturnUrlOf(first));
        var next = await browser.GetAsync(login.Headers.Location!.ToString());
        if (next.Headers.Location!.ToString().Contains("/account/consent", StringComparison.Ordinal))
            next = await Oidc.AcceptConsentAsync(browser, next);
        return System.Web.HttpUtility.ParseQueryString(next.Headers.Location!.AbsoluteQuery())["code"]!;
    }
}

public sealed class OidcFlowTests(IdentityHostFixture fixture) : OidcFlowTestsBase(fixture), IClassFixture<IdentityHostFixture>;

public sealed class OidcFlowPostgresTests(IdentityPostgresFixture fixture) : OidcFlowTestsBase(fixture), IClassFixture<IdentityPostgresFixture>;
