using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Qilu.Sharing.Tests.Support;
using Shouldly;
using static Qilu.Sharing.Tests.Support.Scenario;

namespace Qilu.Sharing.Tests.Applications;

/// <summary>
/// The grant's contract as the provider's last approver sets it (the inbox's terms form uses the same two endpoints):
/// the draft equals what approving without terms gives; a narrower period, a row scope, a total quota and 数据直达基层
/// reach the grant; invalid terms are refused naming each field and issue nothing; earlier stages cannot set terms.
/// </summary>
public abstract class GrantTermsTestsBase(SharingFixture fixture)
{
    [Fact]
    public async Task DraftTerms_ForTheLastApprover_AreWhatApprovingWithoutTermsGrants()
    {
        var s = await fixture.ScenarioAsync();
        var (id, app, approver) = await AtLastLevelAsync(s, rowScope: "370102", callsPerDay: 300);

        // Only the decider of the last level gets a draft: the first-level approver (decided already) and the consumer do not.
        (await (await s.Host.ApiAsync("lx.official")).GetAsync($"/api/sharing/applications/{id}/grant-terms")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await (await s.Host.ApiAsync("lx.health")).GetAsync($"/api/sharing/applications/{id}/grant-terms")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var draft = await Ok(await approver.GetAsync($"/api/sharing/applications/{id}/grant-terms"));
        draft.GetProperty("dailyQuota").GetInt64().ShouldBe(300);
        draft.GetProperty("totalQuota").ValueKind.ShouldBe(JsonValueKind.Null);
        draft.GetProperty("rowScope").GetString().ShouldBe("370102");
        draft.GetProperty("periodFrom").GetString().ShouldBe("2026-01-01");
        draft.GetProperty("periodTo").GetString().ShouldBe("2028-12-31");
        draft.GetProperty("consumerDivision").GetString().ShouldBe("370102");
        var id18 = draft.GetProperty("masking").EnumerateArray().Single(m => m.GetProperty("field").GetString() == "公民身份号码");
        id18.GetProperty("floor").GetString().ShouldBe("Partial");
        id18.GetProperty("allowed").EnumerateArray().Select(r => r.GetString()).ShouldBe(["Partial", "Redact"]);

        app = await Ok(await approver.PostAsJsonAsync($"/api/sharing/applications/{id}/approve", new { version = Version(app) }));
        var grant = await GrantAsync(s, app);
        grant.GetProperty("dailyQuota").GetInt64().ShouldBe(draft.GetProperty("dailyQuota").GetInt64());
        grant.GetProperty("ratePerSecond").GetInt32().ShouldBe(draft.GetProperty("ratePerSecond").GetInt32());
        grant.GetProperty("rowScope").GetString().ShouldBe("370102");
        foreach (var m in draft.GetProperty("masking").EnumerateArray())
            grant.GetProperty("masking").GetProperty(m.GetProperty("field").GetString()!).GetString().ShouldBe(m.GetProperty("floor").GetString());
    }

    [Fact]
    public async Task Approve_WhenTermsNarrowPeriodAndRows_GrantCarriesThem()
    {
        var s = await fixture.ScenarioAsync();
        var (id, app, approver) = await AtLastLevelAsync(s);
        app = await Ok(await approver.PostAsJsonAsync($"/api/sharing/applications/{id}/approve", new
        {
            version = Version(app), comment = "同意，限本区",
            terms = new { dailyQuota = 120, totalQuota = 5000, rowScope = "370102", grassroots = true, periodFrom = "2027-01-01", periodTo = "2027-06-30" },
        }));
        app.GetProperty("status").GetString().ShouldBe("Granted");
        var grant = await GrantAsync(s, app);
        grant.GetProperty("dailyQuota").GetInt64().ShouldBe(120);
        grant.GetProperty("totalQuota").GetInt64().ShouldBe(5000);
        grant.GetProperty("rowScope").GetString().ShouldBe("370102");
        grant.GetProperty("grassroots").GetBoolean().ShouldBeTrue();
        var china = TimeSpan.FromHours(8);
        grant.GetProperty("validFrom").GetDateTimeOffset().ToOffset(china).ShouldBe(new DateTimeOffset(2027, 1, 1, 0, 0, 0, china));
        grant.GetProperty("validUntil").GetDateTimeOffset().ToOffset(china).ShouldBe(new DateTimeOffset(2027, 7, 1, 0, 0, 0, china));
    }

    [Fact]
    public async Task Approve_WhenTermsInvalid_Returns400NamingEachField_AndIssuesNothing()
    {
        var s = await fixture.ScenarioAsync();
        var (id, app, approver) = await AtLastLevelAsync(s);
        var refused = await approver.PostAsJsonAsync($"/api/sharing/applications/{id}/approve", new
        {
            version = Version(app),
            terms = new { dailyQuota = 0, rowScope = "37x", periodFrom = "2025-12-31", periodTo = "2029-01-01" },
        });
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await SharingHost.ReadJsonAsync(refused)).GetProperty("errors").EnumerateArray()
            .Select(e => (e.GetProperty("field").GetString(), e.GetProperty("code").GetString())).ToList();
        errors.ShouldContain(("dailyQuota", "quota.range"));
        errors.ShouldContain(("rowScope", "row_scope.format"));
        errors.ShouldContain(("periodFrom", "period.before_applied"));
        errors.ShouldContain(("periodTo", "period.after_applied"));

        var reversed = await approver.PostAsJsonAsync($"/api/sharing/applications/{id}/approve", new
        {
            version = Version(app), terms = new { periodFrom = "2027-06-30", periodTo = "2027-01-01" },
        });
        reversed.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var order = (await SharingHost.ReadJsonAsync(reversed)).GetProperty("errors")[0];
        order.GetProperty("code").GetString().ShouldBe("period.order");
        order.GetProperty("field").GetString().ShouldBe("periodTo");

        var still = await Ok(await (await s.Host.ApiAsync("lx.health")).GetAsync($"/api/sharing/applications/{id}"));
        still.GetProperty("status").GetString().ShouldBe("ProviderApproval");
        still.GetProperty("grantId").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public async Task Approve_WhenTermsGivenBeforeTheLastLevel_Returns400_AndTheInboxSaysWhichLevelIssues()
    {
        var s = await fixture.ScenarioAsync();
        var health = await s.Host.ApiAsync("lx.health");
        var app = await Ok(await health.PostAsJsonAsync("/api/sharing/applications", s.Application(["姓名"])), HttpStatusCode.Created);
        var id = app.GetProperty("id").GetString();
        app = await Ok(await (await s.Host.ApiAsync("jn.official")).PostAsJsonAsync($"/api/sharing/applications/{id}/approve", new { version = Version(app) }));
        var lixia = await s.Host.ApiAsync("lx.official");
        var first = (await Ok(await lixia.GetAsync("/api/sharing/applications/inbox"))).EnumerateArray().Single(a => a.GetProperty("id").GetString() == id);
        first.GetProperty("approvalIssuesGrant").GetBoolean().ShouldBeFalse();

        var early = await lixia.PostAsJsonAsync($"/api/sharing/applications/{id}/approve", new { version = Version(app), terms = new { dailyQuota = 10 } });
        early.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await SharingHost.ReadJsonAsync(early)).GetProperty("errors")[0].GetProperty("code").GetString().ShouldBe("terms.not_final");

        app = await Ok(await lixia.PostAsJsonAsync($"/api/sharing/applications/{id}/approve", new { version = Version(app) }));
        var last = (await Ok(await (await s.ApproverAsync()).GetAsync("/api/sharing/applications/inbox"))).EnumerateArray().Single(a => a.GetProperty("id").GetString() == id);
        last.GetProperty("approvalIssuesGrant").GetBoolean().ShouldBeTrue();
    }

    /// <summary>An application for three fields of the L4 register, approved by the bureau and the first provider level.</summary>
    private static async Task<(string Id, JsonElement App, HttpClient Approver)> AtLastLevelAsync(Scenario s, string? rowScope = null, int callsPerDay = 1000)
    {
        var health = await s.Host.ApiAsync("lx.health");
        var app = await Ok(await health.PostAsJsonAsync("/api/sharing/applications", s.Application(["公民身份号码", "姓名", "行政区划代码"], rowScope, callsPerDay)),
            HttpStatusCode.Created);
        var id = app.GetProperty("id").GetString()!;
        app = await Ok(await (await s.Host.ApiAsync("jn.official")).PostAsJsonAsync($"/api/sharing/applications/{id}/approve", new { version = Version(app) }));
        app = await Ok(await (await s.Host.ApiAsync("lx.official")).PostAsJsonAsync($"/api/sharing/applications/{id}/approve", new { version = Version(app) }));
        return (id, app, await s.ApproverAsync());
    }

    private static async Task<JsonElement> GrantAsync(Scenario s, JsonElement app)
    {
        var grantId = app.GetProperty("grantId").GetString();
        var grants = await Ok(await (await s.Host.ApiAsync("lx.health")).GetAsync("/api/sharing/grants?role=consumer"));
        return grants.EnumerateArray().Single(g => g.GetProperty("id").GetString() == grantId);
    }

    private static uint Version(JsonElement e) => e.GetProperty("version").GetUInt32();
}

[Collection("sharing-sqlite")]
public sealed class GrantTermsTests(SqliteSharingFixture fixture) : GrantTermsTestsBase(fixture), IClassFixture<SqliteSharingFixture>;

[Collection("sharing-postgres")]
public sealed class PostgresGrantTermsTests(PostgresSharingFixture fixture) : GrantTermsTestsBase(fixture), IClassFixture<PostgresSharingFixture>;
