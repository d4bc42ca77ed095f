using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Qilu.Identity.Seed;
using Shouldly;

namespace Qilu.Identity.Tests.Enterprises;

/// <summary>
/// Enterprise delegation (经办人授权): the legal representative 李四 authorises agents, an agent chooses to act for the
/// enterprise at sign-in and carries it in its tokens, and a revocation stops the agent at the next refresh.
/// </summary>
public abstract class DelegationTestsBase(IdentityFixture fixture)
{
    private IdentityHost Host => fixture.Host;

    private static readonly string LiSi = DemoProvinceSeeder.MakeId("370202", new DateOnly(1979, 11, 2), 233);
    private static readonly string WangWu = DemoProvinceSeeder.MakeId("370102", new DateOnly(1995, 6, 30), 342);
    private static readonly string ZhangSan = DemoProvinceSeeder.MakeId("370102", new DateOnly(1988, 3, 15), 101);
    private static readonly string CreditCode = DepartmentCatalog.EnterpriseCreditCode("370202", "青岛海岬科技有限公司");

    [Fact]
    public async Task SeededAgent_ChoosingTheEnterprise_GetsTokensCarryingIt()
    {
        var tokens = await Oidc.SignInForTokensAsync(Host, WangWu, Host.Secret(WangWu), capacity: CreditCode);
        tokens.StatusCode.ShouldBe(HttpStatusCode.OK);
        var json = await tokens.JsonAsync();
        var access = Oidc.DecodeJwtPayload(json.GetProperty("access_token").GetString()!);
        access.GetProperty("enterprise").GetString().ShouldBe(CreditCode);
        access.GetProperty("qilu_kind").GetString().ShouldBe("enterprise_agent");
        Oidc.DecodeJwtPayload(json.GetProperty("id_token").GetString()!).GetProperty("enterprise").GetString().ShouldBe(CreditCode);

        using var api = TestSession.Bearer(Host, json.GetProperty("access_token").GetString()!);
        var me = await api.GetFromJsonAsync<JsonElement>("/api/identity/me");
        me.GetProperty("kind").GetString().ShouldBe("EnterpriseAgent");
        me.GetProperty("enterprise").GetString().ShouldBe(CreditCode);
    }

    [Fact]
    public async Task SeededAgent_ChoosingPersonal_GetsNoEnterpriseClaim()
    {
        var tokens = await Oidc.SignInForTokensAsync(Host, WangWu, Host.Secret(WangWu));
        var access = Oidc.DecodeJwtPayload((await tokens.JsonAsync()).GetProperty("access_token").GetString()!);
        access.TryGetProperty("enterprise", out _).ShouldBeFalse();
        access.GetProperty("qilu_kind").GetString().ShouldBe("citizen");
    }

    [Fact]
    public async Task Grant_ToAnAlreadyAuthorisedAgent_Answers409()
    {
        using var li = await TestSession.ApiAsAsync(Host, LiSi);
        var response = await li.PostAsJsonAsync($"/api/identity/enterprises/{CreditCode}/delegations", new { agentIdNumber = WangWu });
        response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await response.Content.ReadAsStringAsync()).ShouldContain("delegation.exists");
    }

    [Fact]
    public async Task Grant_BySomeoneWhoIsNotTheLegalRepresentative_Answers404()
    {
        var (agent, _) = await Citizens.RegisterNewAsync(Host, "赵六");
        using var zhang = await TestSession.ApiAsAsync(Host, ZhangSan);
        var response = await zhang.PostAsJsonAsync($"/api/identity/enterprises/{CreditCode}/delegations", new { agentIdNumber = agent });
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Grant_ThenRevoke_AgentActsForTheEnterpriseUntilTheNextRefreshIsRefused()
    {
        var (agent, _) = await Citizens.RegisterNewAsync(Host, "孙七");
        using var li = await TestSession.ApiAsAsync(Host, LiSi);
        var granted = await li.PostAsJsonAsync($"/api/identity/enterprises/{CreditCode}/delegations", new { agentIdNumber = agent });
        granted.StatusCode.ShouldBe(HttpStatusCode.Created);
        var grant = await granted.JsonAsync();
        grant.GetProperty("agentIdNumberMasked").GetString().ShouldBe(Citizens.Masked(agent));
        grant.GetProperty("agentName").GetString().ShouldBe("孙七");

        var tokens = await Oidc.SignInForTokensAsync(Host, agent, Citizens.Password, "openid profile unit offline_access", CreditCode);
        tokens.StatusCode.ShouldBe(HttpStatusCode.OK);
        var json = await tokens.JsonAsync();
        Oidc.DecodeJwtPayload(json.GetProperty("access_token").GetString()!).GetProperty("enterprise").GetString().ShouldBe(CreditCode);
        var refreshed = await Oidc.RefreshAsync(Host, json.GetProperty("refresh_token").GetString()!);
        refreshed.StatusCode.ShouldBe(HttpStatusCode.OK, "a live delegation refreshes");
        var refreshToken = (await refreshed.JsonAsync()).GetProperty("refresh_token").GetString()!;

        (await li.DeleteAsync($"/api/identity/enterprises/{CreditCode}/delegations/{grant.GetProperty("id").GetGuid()}"))
            .StatusCode.ShouldBe(HttpStatusCode.NoContent);

        var refused = await Oidc.RefreshAsync(Host, refreshToken);
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await refused.JsonAsync()).GetProperty("error").GetString().ShouldBe("invalid_grant");

        // Signing in again, the enterprise is no longer offered: no capacity choice, straight back.
        using var browser = Host.Browser();
        (await IdentityHost.PostLoginAsync(browser, agent, Citizens.Password, "/")).Headers.Location!.ToString().ShouldBe("/");
    }
}

public sealed class DelegationTests(IdentityHostFixture fixture) : DelegationTestsBase(fixture), IClassFixture<IdentityHostFixture>;

public sealed class DelegationPostgresTests(IdentityPostgresFixture fixture) : DelegationTestsBase(fixture), IClassFixture<IdentityPostgresFixture>;
