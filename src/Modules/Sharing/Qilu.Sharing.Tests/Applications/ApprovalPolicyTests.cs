using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Qilu.Catalog.Contracts;
using Qilu.Sharing.Applications;
using Qilu.Sharing.Tests.Support;
using Shouldly;
using static Qilu.Sharing.Tests.Support.Scenario;

namespace Qilu.Sharing.Tests.Applications;

/// <summary>
/// 审批级数设置: a provider unit requires more approval levels than the platform's floor for a grade; applications made
/// afterwards go through them (each level a different person), those under way keep theirs; wrong levels are a 400
/// naming each grade, a stale version a 409, and only the unit's grant managers change it.
/// </summary>
public abstract class ApprovalPolicyTestsBase(SharingFixture fixture)
{
    private static readonly string[] Fields = ["公民身份号码", "姓名"];

    [Fact]
    public async Task Policy_WithMoreLevelsForL4_AppliesToLaterApplications_EachLevelADifferentPerson()
    {
        var s = await fixture.ScenarioAsync();
        var manager = await s.ApproverAsync();
        var policy = await Ok(await manager.GetAsync("/api/sharing/approval-policy"));
        policy.GetProperty("canEdit").GetBoolean().ShouldBeTrue();
        policy.GetProperty("providerUnitId").GetGuid().ShouldBe(s.Provider.Id);
        var l4 = Grade(policy, "L4");
        l4.GetProperty("minimum").GetInt32().ShouldBe(2);

        var health = await s.Host.ApiAsync("lx.health");
        var before = await Ok(await health.PostAsJsonAsync("/api/sharing/applications", s.Application(Fields)), HttpStatusCode.Created);
        before.GetProperty("providerLevels").GetInt32().ShouldBe(l4.GetProperty("levels").GetInt32());

        var levels = new Dictionary<string, int> { ["L1"] = 1, ["L2"] = 1, ["L3"] = 2, ["L4"] = 3, ["Important"] = 3, ["Core"] = 3 };
        var changed = await Ok(await manager.PutAsJsonAsync("/api/sharing/approval-policy", new { version = Version(policy), levels }));
        Grade(changed, "L4").GetProperty("levels").GetInt32().ShouldBe(3);
        Grade(changed, "L3").GetProperty("levels").GetInt32().ShouldBe(2);
        Version(changed).ShouldBe(Version(policy) + 1);
        changed.GetProperty("updatedAt").ValueKind.ShouldBe(JsonValueKind.String);
        (await Probe.AuditAsync(s.Host, null, "sharing.approval_policy.changed")).ShouldContain(a =>
            a.Target!.Id == s.Provider.Id.ToString() && a.Details!.Value.GetProperty("after").GetProperty("L4").GetInt32() == 3);

        var after = await Ok(await health.PostAsJsonAsync("/api/sharing/applications", s.Application(Fields)), HttpStatusCode.Created);
        after.GetProperty("providerLevels").GetInt32().ShouldBe(3);
        (await Ok(await health.GetAsync($"/api/sharing/applications/{before.GetProperty("id").GetString()}")))
            .GetProperty("providerLevels").GetInt32().ShouldBe(before.GetProperty("providerLevels").GetInt32());

        // 济南市大数据局, then three people of 历下区民政局; the third level issues the grant.
        var third = await ThirdApproverAsync(s);
        var app = after;
        var id = app.GetProperty("id").GetString();
        foreach (var decider in new[] { await s.Host.ApiAsync("jn.official"), await s.Host.ApiAsync("lx.official"), manager, third })
            app = await Ok(await decider.PostAsJsonAsync($"/api/sharing/applications/{id}/approve", new { version = Version(app), comment = "同意" }));
        app.GetProperty("status").GetString().ShouldBe("Granted");
        app.GetProperty("steps").GetArrayLength().ShouldBe(4);
        app.GetProperty("grantId").ValueKind.ShouldBe(JsonValueKind.String);
    }

    [Fact]
    public async Task Policy_WhenLevelsAreWrong_Returns400NamingEachGrade_StaleIs409_AndOthersCannotChangeIt()
    {
        var s = await fixture.ScenarioAsync();
        var manager = await s.ApproverAsync();
        var version = Version(await Ok(await manager.GetAsync("/api/sharing/approval-policy")));

        var wrong = await manager.PutAsJsonAsync("/api/sharing/approval-policy", new
        {
            version, levels = new Dictionary<string, int> { ["L1"] = 2, ["L2"] = 1, ["L3"] = 5, ["L4"] = 1, ["Important"] = 2, ["L9"] = 1 },
        });
        wrong.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await SharingHost.ReadJsonAsync(wrong)).GetProperty("errors").EnumerateArray()
            .ToDictionary(e => e.GetProperty("field").GetString()!, e => e.GetProperty("code").GetString());
        errors["levels.L9"].ShouldBe("levels.unknown_grade");
        errors["levels.L2"].ShouldBe("levels.not_monotonic");
        errors["levels.L3"].ShouldBe("levels.range");
        errors["levels.L4"].ShouldBe("levels.below_minimum");
        errors["levels.Core"].ShouldBe("levels.missing");
        errors.ShouldNotContainKey("levels.L1");
        errors.ShouldNotContainKey("levels.Important");
        Version(await Ok(await manager.GetAsync("/api/sharing/approval-policy"))).ShouldBe(version);

        var floor = new Dictionary<string, int> { ["L1"] = 1, ["L2"] = 1, ["L3"] = 1, ["L4"] = 2, ["Important"] = 2, ["Core"] = 2 };
        await Ok(await manager.PutAsJsonAsync("/api/sharing/approval-policy", new { version, levels = floor }));
        var stale = await manager.PutAsJsonAsync("/api/sharing/approval-policy", new { version, levels = floor });
        stale.StatusCode.ShouldBe(HttpStatusCode.Conflict);

        // The consumer's applicant neither reads nor changes a provider's policy.
        var health = await s.Host.ApiAsync("lx.health");
        (await health.GetAsync("/api/sharing/approval-policy")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await health.PutAsJsonAsync("/api/sharing/approval-policy", new { version = version + 1, levels = floor })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    private static JsonElement Grade(JsonElement policy, string grade) =>
        policy.GetProperty("grades").EnumerateArray().Single(g => g.GetProperty("grade").GetString() == grade);

    private static uint Version(JsonElement e) => e.GetProperty("version").GetUInt32();

    private static async Task<HttpClient> ThirdApproverAsync(Scenario s)
    {
        var admin = await s.Host.ApiAsync("sys.admin");
        await Ok(await admin.PostAsJsonAsync("/api/identity/users", new
        {
            userName = "lx.approver3", displayName = "孙审批", departmentId = s.Provider.Id, password = "Approver2026abc", roles = new[] { "official", "data_officer" },
        }), HttpStatusCode.Created);
        return await s.Host.SignInAsync("lx.approver3", "Approver2026abc");
    }
}

/// <summary>The policy's rules without a host.</summary>
public sealed class ApprovalPolicyRulesTests
{
    [Fact]
    public void Floor_IsTwoLevelsFromL4Up_AndAStoredValueBelowItNeverWeakensTheApproval()
    {
        ApprovalPolicy.Floor.ShouldBe("111222");
        var edited = new ApprovalPolicy { Levels = "111111" };
        edited.LevelsFor(DataGrade.L4).ShouldBe(2);
        edited.LevelsFor(DataGrade.Core).ShouldBe(2);
        new ApprovalPolicy { Levels = "123333" }.LevelsFor(DataGrade.L3).ShouldBe(3);
        new ApprovalPolicy { Levels = "1x" }.LevelsFor(DataGrade.L2).ShouldBe(1);
    }

    [Fact]
    public void Check_StoresOneDigitPerGrade_InOrderOfSensitivity()
    {
        var (levels, errors) = ChangeApprovalPolicy.Check(new Dictionary<string, int> { ["Core"] = 3, ["Important"] = 3, ["L4"] = 2, ["L3"] = 2, ["L2"] = 1, ["L1"] = 1 });
        errors.ShouldBeEmpty();
        levels.ShouldBe("112233");
        ChangeApprovalPolicy.Check(null).Errors.Single().Field.ShouldBe("levels");
        ChangeApprovalPolicy.Check(new Dictionary<string, int> { ["4"] = 2 }).Errors.ShouldContain(e => e.Code == "levels.unknown_grade" && e.Field == "levels.4");
    }
}

[Collection("sharing-sqlite")]
public sealed class ApprovalPolicyTests(SqliteSharingFixture fixture) : ApprovalPolicyTestsBase(fixture), IClassFixture<SqliteSharingFixture>;

[Collection("sharing-postgres")]
public sealed class PostgresApprovalPolicyTests(PostgresSharingFixture fixture) : ApprovalPolicyTestsBase(fixture), IClassFixture<PostgresSharingFixture>;
