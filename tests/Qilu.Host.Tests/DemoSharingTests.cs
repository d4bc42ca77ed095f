using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Qilu.Testing;
using Shouldly;

namespace Qilu.Host.Tests;

/// <summary>
/// The demo province's sharing work can be finished by hand with the demo accounts: the 低保 table is graded L4, so an
/// application needs two approvers at 历下区民政局 — 吴历下 (<c>lx.official</c>) and 沈分管 (<c>lx.leader</c>).
/// </summary>
[Collection(SharedHost.Name)]
public sealed class DemoSharingTests(QiluFixture host)
{
    private async Task<HttpClient> ApiAsync(string login)
    {
        var token = await Oidc.SignInForAccessTokenAsync(host.Factory, login, host.Factory.Secret(login));
        var client = host.Factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static async Task<JsonElement> OkAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static bool IsPensionCheck(JsonElement a) => a.GetProperty("purpose").GetString() == "城乡居民养老保险代缴资格核对";

    private static bool Waits(JsonElement inbox) => inbox.EnumerateArray().Any(IsPensionCheck);

    [Fact]
    public async Task L4Application_AtTheProvider_IsGrantedByTheTwoDemoApprovers()
    {
        var ct = TestContext.Current.CancellationToken;
        using var official = await ApiAsync("lx.official");
        using var leader = await ApiAsync("lx.leader");

        var inbox = await OkAsync(await official.GetAsync("/api/sharing/applications/inbox", ct));
        var app = inbox.EnumerateArray().Single(IsPensionCheck);
        app.GetProperty("providerLevels").GetInt32().ShouldBe(2);
        var id = app.GetProperty("id").GetString();

        app = await OkAsync(await official.PostAsJsonAsync($"/api/sharing/applications/{id}/approve",
            new { version = app.GetProperty("version").GetUInt32(), comment = "初审同意" }, ct));
        app.GetProperty("stage").GetInt32().ShouldBe(2);
        // 吴历下 decided the first level, so the second is no longer in his inbox: it is 沈分管's.
        Waits(await OkAsync(await official.GetAsync("/api/sharing/applications/inbox", ct))).ShouldBeFalse();
        Waits(await OkAsync(await leader.GetAsync("/api/sharing/applications/inbox", ct))).ShouldBeTrue();

        app = await OkAsync(await leader.PostAsJsonAsync($"/api/sharing/applications/{id}/approve",
            new { version = app.GetProperty("version").GetUInt32(), comment = "同意", terms = new { dailyQuota = 200 } }, ct));
        app.GetProperty("status").GetString().ShouldBe("Granted");
        app.GetProperty("grantId").GetString().ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task DemoGrant_AnswersNameIdVerification_OfTheDemo低保Table()
    {
        var ct = TestContext.Current.CancellationToken;
        using var health = await ApiAsync("lx.health");
        var grant = (await OkAsync(await health.GetAsync("/api/sharing/grants?role=consumer", ct))).EnumerateArray()
            .First(g => g.GetProperty("entryName").GetString() == "最低生活保障对象信息" && g.GetProperty("status").GetString() == "Active");

        using var anonymous = host.Factory.CreateClient();
        using var tokenResponse = await Oidc.ClientCredentialsAsync(anonymous, "lx-health-his", host.Factory.Secret("lx-health-his"), "api sharing.gateway");
        var token = (await OkAsync(tokenResponse)).GetProperty("access_token").GetString();
        using var his = host.Factory.CreateClient();
        his.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        // The first demo resident (docs/http/sharing.http uses the same pair): a signed yes; another name: a signed no.
        var url = $"/api/sharing/gateway/{grant.GetProperty("id").GetString()}/verify/name-id";
        var yes = await OkAsync(await his.PostAsJsonAsync(url, new { idNumber = "370102194803011011", name = "王建国" }, ct));
        yes.GetProperty("answer").GetBoolean().ShouldBeTrue();
        yes.GetProperty("signature").GetString().ShouldNotBeNullOrEmpty();
        var no = await OkAsync(await his.PostAsJsonAsync(url, new { idNumber = "370102194803011011", name = "王建华" }, ct));
        no.GetProperty("answer").GetBoolean().ShouldBeFalse();
        no.GetProperty("statement").GetString()!.ShouldNotContain("王建国");
    }
}
