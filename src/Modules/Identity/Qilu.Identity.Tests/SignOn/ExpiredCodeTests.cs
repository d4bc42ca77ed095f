using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Shouldly;

namespace Qilu.Identity.Tests.SignOn;

/// <summary>
/// Authorization codes live two minutes (OpenIddict, on the platform's injected clock): a code redeemed after that
/// answers invalid_grant. The clock is a fake one, moved forward by the test.
/// </summary>
public sealed class ExpiredCodeTests
{
    [Fact]
    public async Task Token_WithCodeOlderThanItsLifetime_AnswersInvalidGrant()
    {
        var clock = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        await using var host = new IdentityHost();
        await using var factory = host.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(clock)));
        using var browser = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

        var (verifier, challenge) = Oidc.Pkce();
        var first = await browser.GetAsync(Oidc.AuthorizeUrl(challenge));
        var login = await IdentityHost.PostLoginAsync(browser, "qd.official", QiluFactory.DemoSecret(host.DataDirectory, "qd.official"), Oidc.ReturnUrlOf(first));
        var next = await browser.GetAsync(login.Headers.Location!.ToString());
        if (next.Headers.Location!.ToString().Contains("/account/consent", StringComparison.Ordinal))
            next = await Oidc.AcceptConsentAsync(browser, next);
        var code = System.Web.HttpUtility.ParseQueryString(next.Headers.Location!.AbsoluteQuery())["code"]!;

        clock.Advance(TimeSpan.FromMinutes(3));
        using var rp = factory.CreateClient();
        var response = await rp.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code", ["code"] = code, ["redirect_uri"] = "http://127.0.0.1:5090/signin-oidc",
            ["code_verifier"] = verifier, ["client_id"] = "demo-rp", ["client_secret"] = QiluFactory.DemoSecret(host.DataDirectory, "demo-rp"),
        }));
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.JsonAsync()).GetProperty("error").GetString().ShouldBe("invalid_grant");
    }
}
