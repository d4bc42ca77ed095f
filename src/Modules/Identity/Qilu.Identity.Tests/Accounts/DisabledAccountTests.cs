using System.Net;
using Shouldly;

namespace Qilu.Identity.Tests.Accounts;

/// <summary>Disabling an account stops it at once: no new sign-in, and its refresh tokens are refused.</summary>
public abstract class DisabledAccountTestsBase(IdentityFixture fixture)
{
    private IdentityHost Host => fixture.Host;

    [Fact]
    public async Task Refresh_AfterTheAccountIsDisabled_IsRefusedWithInvalidGrant()
    {
        var (idNumber, accountId) = await Citizens.RegisterNewAsync(Host, "周八");
        var tokens = await Oidc.SignInForTokensAsync(Host, idNumber, Citizens.Password, "openid profile offline_access");
        tokens.StatusCode.ShouldBe(HttpStatusCode.OK);
        var refreshToken = (await tokens.JsonAsync()).GetProperty("refresh_token").GetString()!;

        using var sys = await TestSession.ApiAsAsync(Host, "sys.admin");
        var disabled = await sys.PostAsync($"/api/identity/users/{accountId}/disable", null);
        disabled.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await disabled.JsonAsync()).GetProperty("status").GetString().ShouldBe("Disabled");

        var refused = await Oidc.RefreshAsync(Host, refreshToken);
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await refused.JsonAsync()).GetProperty("error").GetString().ShouldBe("invalid_grant");

        using var browser = Host.Browser();
        IdentityHost.ShouldRedirectTo(await IdentityHost.PostLoginAsync(browser, idNumber, Citizens.Password), "error=disabled");
    }

    [Fact]
    public async Task Disable_TwiceOrOwnAccount_IsRefused()
    {
        var (_, accountId) = await Citizens.RegisterNewAsync(Host, "吴九");
        using var sys = await TestSession.ApiAsAsync(Host, "sys.admin");
        (await sys.PostAsync($"/api/identity/users/{accountId}/disable", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var twice = await sys.PostAsync($"/api/identity/users/{accountId}/disable", null);
        twice.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await twice.Content.ReadAsStringAsync()).ShouldContain("account.already_disabled");

        var me = (await (await sys.GetAsync("/api/identity/me")).JsonAsync()).GetProperty("subjectId").GetString();
        var self = await sys.PostAsync($"/api/identity/users/{me}/disable", null);
        self.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await self.Content.ReadAsStringAsync()).ShouldContain("account.self_disable");
    }
}

public sealed class DisabledAccountTests(IdentityHostFixture fixture) : DisabledAccountTestsBase(fixture), IClassFixture<IdentityHostFixture>;

public sealed class DisabledAccountPostgresTests(IdentityPostgresFixture fixture) : DisabledAccountTestsBase(fixture), IClassFixture<IdentityPostgresFixture>;
