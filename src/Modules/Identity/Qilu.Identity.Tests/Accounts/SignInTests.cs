using System.Net;
using Shouldly;

namespace Qilu.Identity.Tests.Accounts;

/// <summary>The login form: generic failures, lockout and unlock, ID-number login, TOTP.</summary>
public abstract class SignInTestsBase(IdentityFixture fixture)
{
    private IdentityHost Host => fixture.Host;

    [Fact]
    public async Task Login_WithWrongPassword_ShowsGenericErrorAndNoSession()
    {
        using var browser = Host.Browser();
        var response = await IdentityHost.PostLoginAsync(browser, "sn.official", "wrong-password-1");
        IdentityHost.ShouldRedirectTo(response, "/account/login?error=invalid");
        var unknown = await IdentityHost.PostLoginAsync(browser, "no.such.user", "wrong-password-1");
        IdentityHost.ShouldRedirectTo(unknown, "/account/login?error=invalid");
    }

    [Fact]
    public async Task Login_AfterFiveFailures_LocksEvenTheRightPassword()
    {
        using var browser = Host.Browser();
        for (var i = 0; i < 4; i++)
            IdentityHost.ShouldRedirectTo(await IdentityHost.PostLoginAsync(browser, "lx.official", "wrong-password-" + i), "error=invalid");
        IdentityHost.ShouldRedirectTo(await IdentityHost.PostLoginAsync(browser, "lx.official", "wrong-password-5"), "error=locked");
        IdentityHost.ShouldRedirectTo(await IdentityHost.PostLoginAsync(browser, "lx.official", Host.Secret("lx.official")), "error=locked");

        // The security administrator unlocks; then the right password works.
        using var sec = await TestSession.ApiAsAsync(Host, "sec.admin");
        var users = await sec.GetStringAsync("/api/identity/users?q=lx.official");
        var id = System.Text.RegularExpressions.Regex.Match(users, "\"id\":\"([0-9a-f-]+)\"").Groups[1].Value;
        (await sec.PostAsync($"/api/identity/users/{id}/unlock", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        IdentityHost.ShouldRedirectTo(await IdentityHost.PostLoginAsync(browser, "lx.official", Host.Secret("lx.official")), "/");
    }

    [Fact]
    public async Task Login_WithCitizenIdNumber_Works()
    {
        using var browser = Host.Browser();
        var citizenLogin = DemoCitizenId();
        var response = await IdentityHost.PostLoginAsync(browser, citizenLogin, Host.Secret(citizenLogin));
        response.Headers.Location!.ToString().ShouldNotContain("error");
    }

    [Fact]
    public async Task Login_WithTotpAccount_RequiresValidCodeOnce()
    {
        using var browser = Host.Browser();
        var response = await IdentityHost.PostLoginAsync(browser, "jn.totp", Host.Secret("jn.totp"));
        IdentityHost.ShouldRedirectTo(response, "/account/totp");
        var page = await browser.GetStringAsync(response.Headers.Location!.ToString());
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        var bad = await browser.PostAsync("/account/totp", new FormUrlEncodedContent(new Dictionary<string, string>
        { ["code"] = "000000", ["returnUrl"] = "/", ["__RequestVerificationToken"] = token }));
        IdentityHost.ShouldRedirectTo(bad, "/account/totp?error=invalid");
        var secret = Host.TotpSecret("jn.totp");
        var good = await browser.PostAsync("/account/totp", new FormUrlEncodedContent(new Dictionary<string, string>
        { ["code"] = Qilu.Identity.Accounts.TotpService.CodeAt(secret, TimeProvider.System.GetUtcNow()), ["returnUrl"] = "/", ["__RequestVerificationToken"] = token }));
        good.Headers.Location!.ToString().ShouldBe("/");
    }

    private static string DemoCitizenId() => Seed.DemoProvinceSeeder.MakeId("370102", new DateOnly(1988, 3, 15), 101);
}

public sealed class SignInTests(IdentityHostFixture fixture) : SignInTestsBase(fixture), IClassFixture<IdentityHostFixture>;

public sealed class SignInPostgresTests(IdentityPostgresFixture fixture) : SignInTestsBase(fixture), IClassFixture<IdentityPostgresFixture>;
