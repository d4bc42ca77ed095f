using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Qilu.Sharing.Tests.Support;
using Shouldly;
using static Qilu.Sharing.Tests.Support.Scenario;

namespace Qilu.Sharing.Tests.Applications;

/// <summary>
/// 供需对接 through HTTP: validation naming unknown fields, conformity review by 济南市大数据局, two provider levels
/// (L4 entry) by two different people with deadlines in the inbox, mandatory refusal reasons, 无条件共享 granted at once,
/// 不予共享 refused, grant terms checked against the grading policy.
/// </summary>
public abstract class ApplicationLifecycleTestsBase(SharingFixture fixture)
{
    [Fact]
    public async Task Apply_WhenFieldsUnknown_Returns400NamingThem()
    {
        var s = await fixture.ScenarioAsync();
        var health = await s.Host.ApiAsync("lx.health");
        var response = await health.PostAsJsonAsync("/api/sharing/applications", s.Application(["姓名", "血型", "存款余额"]));
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var error = (await SharingHost.ReadJsonAsync(response)).GetProperty("errors")[0];
        error.GetProperty("code").GetString().ShouldBe("fields.unknown");
        error.GetProperty("field").GetString().ShouldBe("fields");
        error.GetProperty("message").GetString()!.ShouldContain("血型");
        error.GetProperty("message").GetString()!.ShouldContain("存款余额");
    }

    [Fact]
    public async Task Approve_WhenAllStagesPass_IssuesGrantWithDefaultMaskingAndDeadlinesOnTheWay()
    {
        var s = await fixture.ScenarioAsync();
        var health = await s.Host.ApiAsync("lx.health");
        var app = await Ok(await health.PostAsJsonAsync("/api/sharing/applications", s.Application(["公民身份号码", "姓名", "行政区划代码"])), HttpStatusCode.Created);
        app.GetProperty("status").GetString().ShouldBe("Conformity");
        app.GetProperty("providerLevels").GetInt32().ShouldBe(2);
        var id = app.GetProperty("id").GetString();

        // The provider cannot act before the bureau; the bureau's inbox shows the deadline.
        var lixia = await s.Host.ApiAsync("lx.official");
        (await lixia.PostAsJsonAsync($"/api/sharing/applications/{id}/approve", new { version = Version(app) })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var jinan = await s.Host.ApiAsync("jn.official");
        var inbox = await Ok(await jinan.GetAsync("/api/sharing/applications/inbox"));
        var item = inbox.EnumerateArray().Single(a => a.GetProperty("id").GetString() == id);
        item.GetProperty("dueAt").ValueKind.ShouldBe(JsonValueKind.String);
        item.GetProperty("workingDaysLeft").GetInt32().ShouldBeInRange(4, 5);
        item.GetProperty("stageName").GetString().ShouldBe("大数据局合规性审核");

        app = await Ok(await jinan.PostAsJsonAsync($"/api/sharing/applications/{id}/approve", new { version = Version(app), comment = "用途合规" }));
        app.GetProperty("status").GetString().ShouldBe("ProviderApproval");
        app.GetProperty("stage").GetInt32().ShouldBe(1);
        (await Ok(await lixia.GetAsync("/api/sharing/applications/inbox"))).EnumerateArray().ShouldContain(a => a.GetProperty("id").GetString() == id);

        app = await Ok(await lixia.PostAsJsonAsync($"/api/sharing/applications/{id}/approve", new { version = Version(app), comment = "初审同意" }));
        app.GetProperty("stage").GetInt32().ShouldBe(2);
        // The same person may not decide the second level too.
        var again = await lixia.PostAsJsonAsync($"/api/sharing/applications/{id}/approve", new { version = Version(app) });
        again.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await SharingHost.ReadJsonAsync(again)).GetProperty("errors")[0].GetProperty("code").GetString().ShouldBe("application.same_decider");

        var second = await s.ApproverAsync();
        // Weaker masking than the grade allows is refused, naming the field.
        var weak = await second.PostAsJsonAsync($"/api/sharing/applications/{id}/approve",
            new { version = Version(app), terms = new { masking = new Dictionary<string, string> { ["公民身份号码"] = "None" } } });
        weak.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var weakError = (await SharingHost.ReadJsonAsync(weak)).GetProperty("errors")[0];
        weakError.GetProperty("code").GetString().ShouldBe("masking.weaker_than_grade");
        weakError.GetProperty("field").GetString().ShouldBe("masking.公民身份号码");

        app = await Ok(await second.PostAsJsonAsync($"/api/sharing/applications/{id}/approve", new
        {
            version = Version(app), comment = "同意", terms = new { dailyQuota = 500, masking = new Dictionary<string, string> { ["行政区划代码"] = "Partial" } },
        }));
        app.GetProperty("status").GetString().ShouldBe("Granted");
        app.GetProperty("steps").GetArrayLength().ShouldBe(3);
        var grantId = app.GetProperty("grantId").GetString();

        var grants = await Ok(await health.GetAsync("/api/sharing/grants?role=consumer"));
        var grant = grants.EnumerateArray().Single(g => g.GetProperty("id").GetString() == grantId);
        grant.GetProperty("dailyQuota").GetInt64().ShouldBe(500);
        grant.GetProperty("status").GetString().ShouldBe("Active");
        var masking = grant.GetProperty("masking");
        masking.GetProperty("公民身份号码").GetString().ShouldBe("Partial");
        masking.GetProperty("姓名").GetString().ShouldBe("Partial");
        masking.GetProperty("行政区划代码").GetString().ShouldBe("Partial");
    }

    [Fact]
    public async Task Refuse_WithoutReason_Returns400_AndWithReasonEndsTheApplication()
    {
        var s = await fixture.ScenarioAsync();
        var health = await s.Host.ApiAsync("lx.health");
        var app = await Ok(await health.PostAsJsonAsync("/api/sharing/applications", s.Application(["姓名"])), HttpStatusCode.Created);
        var jinan = await s.Host.ApiAsync("jn.official");
        var id = app.GetProperty("id").GetString();
        var bare = await jinan.PostAsJsonAsync($"/api/sharing/applications/{id}/refuse", new { version = Version(app), reason = "  " });
        bare.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await SharingHost.ReadJsonAsync(bare)).GetProperty("errors")[0].GetProperty("field").GetString().ShouldBe("reason");
        var refused = await Ok(await jinan.PostAsJsonAsync($"/api/sharing/applications/{id}/refuse", new { version = Version(app), reason = "用途与所申请字段不相符" }));
        refused.GetProperty("status").GetString().ShouldBe("Refused");
        refused.GetProperty("steps")[0].GetProperty("comment").GetString().ShouldBe("用途与所申请字段不相符");
        var mine = await Ok(await health.GetAsync($"/api/sharing/applications/{id}"));
        mine.GetProperty("status").GetString().ShouldBe("Refused");
    }

    [Fact]
    public async Task Apply_WhenEntryUnconditional_GrantsAtOnce_AndWhenNotShared_Refuses()
    {
        var s = await fixture.ScenarioAsync();
        var lixia = await s.Host.ApiAsync("lx.official");
        var jinan = await s.Host.ApiAsync("jn.official");
        var open = await PublishAsync(lixia, jinan, "历下区养老机构名录", "Unconditional", ["Api"], [("行政区划代码", "DE0009"), ("邮政编码", "DE0014")]);
        var health = await s.Host.ApiAsync("lx.health");
        var app = await Ok(await health.PostAsJsonAsync("/api/sharing/applications", new
        {
            entryId = open, purpose = "就近推荐", legalBasis = "无条件共享", scenario = "出生登记", fields = new[] { "行政区划代码" }, callsPerDay = 10,
            periodFrom = new DateOnly(2026, 1, 1), periodTo = new DateOnly(2027, 1, 1),
        }), HttpStatusCode.Created);
        app.GetProperty("status").GetString().ShouldBe("Granted");
        app.GetProperty("grantId").ValueKind.ShouldBe(JsonValueKind.String);

        var closed = await PublishAsync(lixia, jinan, "历下区涉密人员名册", "NotShared", ["Api"], [("姓名", "DE0002")]);
        var refused = await health.PostAsJsonAsync("/api/sharing/applications", new
        {
            entryId = closed, purpose = "x", legalBasis = "x", scenario = "x", fields = new[] { "姓名" }, callsPerDay = 10,
            periodFrom = new DateOnly(2026, 1, 1), periodTo = new DateOnly(2027, 1, 1),
        });
        refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await SharingHost.ReadJsonAsync(refused)).GetProperty("errors")[0].GetProperty("code").GetString().ShouldBe("entry.not_shared");
    }

    private static uint Version(JsonElement e) => e.GetProperty("version").GetUInt32();
}

[Collection("sharing-sqlite")]
public sealed class ApplicationLifecycleTests(SqliteSharingFixture fixture) : ApplicationLifecycleTestsBase(fixture), IClassFixture<SqliteSharingFixture>;

[Collection("sharing-postgres")]
public sealed class PostgresApplicationLifecycleTests(PostgresSharingFixture fixture) : ApplicationLifecycleTestsBase(fixture), IClassFixture<PostgresSharingFixture>;
