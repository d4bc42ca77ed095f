using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Shouldly;

namespace Qilu.Cases.Tests;

/// <summary>
/// The endpoints the portal and workbench pages stand on: the application form with prefill sources, 签收 (claim) and
/// the allowed actions, a case's rating with its rectification, and the unit's rectification list with case context.
/// </summary>
public sealed class UiSupportTests(CasesHost host) : IClassFixture<CasesHost>
{
    private static JsonElement FieldOf(JsonElement form, string key) => form.GetProperty("fields").EnumerateArray().Single(f => f.GetProperty("key").GetString() == key);

    [Fact]
    public async Task ApplicationForm_ForAMatter_PrefillsFromTheAccountWithSourcesAndMasksIdentifiers()
    {
        using var citizen = await host.CitizenAsync("张三");

        var form = await citizen.GetAsync("/api/cases/application-form?matterCode=370100201000").OkAsync();

        form.GetProperty("name").GetString().ShouldBe("公司设立登记");
        form.GetProperty("divisionCode").GetString().ShouldBe("370102");
        var name = FieldOf(form, "applicant_name");
        name.GetProperty("value").GetString().ShouldBe("张三");
        name.GetProperty("source").GetString().ShouldBe("account");
        name.GetProperty("sourceName").GetString().ShouldBe("账户");
        var id = FieldOf(form, "applicant_id");
        id.GetProperty("source").GetString().ShouldBe("account");
        id.GetProperty("value").ValueKind.ShouldBe(JsonValueKind.Null);
        id.GetProperty("masked").GetString()!.ShouldContain("*");
        var phone = FieldOf(form, "phone");
        phone.GetProperty("value").ValueKind.ShouldBe(JsonValueKind.Null);
        phone.GetProperty("masked").GetString()!.ShouldStartWith("138");
        FieldOf(form, "company_name").GetProperty("source").GetString().ShouldBe("applicant");
        form.GetProperty("fieldsPrefilled").GetInt32().ShouldBe(3);
        var material = form.GetProperty("materials").EnumerateArray().Single();
        material.GetProperty("needsUpload").GetBoolean().ShouldBeTrue();
        material.GetProperty("key").GetString().ShouldBe("name:公司章程");
    }

    [Fact]
    public async Task ApplicationForm_ForABundle_MarksCertificateAndSharedDataMaterialsAsNeedingConsent()
    {
        using var citizen = await host.CitizenAsync("张三");

        var form = await citizen.GetAsync("/api/cases/application-form?bundleCode=" + TestCatalog.Newborn.Code).OkAsync();

        form.GetProperty("kind").GetString().ShouldBe("bundle");
        form.GetProperty("members").GetArrayLength().ShouldBe(4);
        var materials = form.GetProperty("materials").EnumerateArray().ToList();
        materials.ShouldContain(m => m.GetProperty("source").GetString() == "Certificate" && m.GetProperty("needsConsent").GetBoolean());
        materials.ShouldContain(m => m.GetProperty("source").GetString() == "SharedData" && m.GetProperty("needsConsent").GetBoolean());
        form.GetProperty("materialsExempted").GetInt32().ShouldBe(materials.Count(m => !m.GetProperty("needsUpload").GetBoolean()));
    }

    [Fact]
    public async Task ApplicationForm_WithBothOrNeitherTargetOrANotOfferedMatter_NamesTheProblem()
    {
        using var citizen = await host.CitizenAsync("张三");

        (await citizen.GetAsync("/api/cases/application-form").OkAsync(HttpStatusCode.BadRequest)).Codes().ShouldContain("cases.target");
        (await citizen.GetAsync("/api/cases/application-form?matterCode=1&bundleCode=2").OkAsync(HttpStatusCode.BadRequest)).Codes().ShouldContain("cases.target");
        var refused = await citizen.GetAsync("/api/cases/application-form?matterCode=370200999000").OkAsync(HttpStatusCode.BadRequest);
        refused.Codes().ShouldContain("matter.not_offered");
        refused.Fields().ShouldContain("matterCode");
    }

    [Fact]
    public async Task ApplicationForm_ForAnOfficial_IsForbidden()
    {
        using var officer = await host.OfficialAsync("lx.hrss.ui1", "hrss");

        (await officer.GetAsync("/api/cases/application-form?matterCode=370100201000")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Claim_ByACandidate_AssignsTheTaskRecordsItAndIsNotOfferedAgain()
    {
        using var citizen = await host.CitizenAsync("张三");
        using var first = await host.OfficialAsync("lx.hrss.ui2", "hrss");
        using var second = await host.OfficialAsync("lx.hrss.ui3", "hrss");
        var file = await citizen.UploadAsync(Api.Pdf("照片-签收"), "photo.pdf");
        var id = (await citizen.ApplyAsync(new
        {
            matterCode = "371100104000", form = new Dictionary<string, object?> { ["baby_name"] = "张小签" },
            materials = new[] { new { key = "name:近期免冠证件照片", fileId = file } },
        }).OkAsync(HttpStatusCode.Created)).Id();

        var before = await first.GetAsync($"/api/cases/{id}").OkAsync();
        before.GetProperty("allowedActions").EnumerateArray().Select(a => a.GetString()).ShouldContain("claim");
        var claimed = await first.ActAsync(id, "claim").OkAsync();

        claimed.GetProperty("allowedActions").EnumerateArray().Select(a => a.GetString()).ShouldNotContain("claim");
        claimed.GetProperty("allowedActions").EnumerateArray().Select(a => a.GetString()).ShouldContain("accept");
        claimed.GetProperty("timeline").EnumerateArray().ShouldContain(e => e.GetProperty("action").GetString() == "claim");
        var other = await second.ActAsync(id, "claim").OkAsync(HttpStatusCode.Conflict);
        other.Codes().ShouldContain("cases.action_not_allowed");
        (await second.GetAsync($"/api/cases/{id}").OkAsync()).GetProperty("allowedActions").GetArrayLength().ShouldBe(0);
        (await citizen.ActAsync(id, "claim")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task CaseRating_BeforeAndAfterABadRating_ShowsTheRectificationToApplicantAndUnitButNotToOthers()
    {
        using var citizen = await host.CitizenAsync("张三");
        using var stranger = await host.CitizenAsync("李四");
        using var officer = await host.OfficialAsync("lx.market.ui4", "market");
        var file = await citizen.UploadAsync(Api.Pdf("章程-界面"), "章程.pdf");
        var id = (await citizen.ApplyAsync(new
        {
            matterCode = "370100201000", form = new Dictionary<string, object?> { ["company_name"] = "济南界面测试有限公司", ["capital"] = 20 },
            materials = new[] { new { key = "name:公司章程", fileId = file } }, consent = true,
        }).OkAsync(HttpStatusCode.Created)).Id();
        var unrated = await citizen.GetAsync($"/api/cases/{id}/rating").OkAsync();
        unrated.GetProperty("rating").ValueKind.ShouldBe(JsonValueKind.Null);
        foreach (var a in new[] { "accept", "pass", "approve", "deliver" }) await officer.ActAsync(id, a).OkAsync();
        await citizen.PostAsJsonAsync($"/api/cases/{id}/rating", new { level = 1, comment = "材料要求前后不一致" }).OkAsync();

        var mine = await citizen.GetAsync($"/api/cases/{id}/rating").OkAsync();
        mine.GetProperty("rating").GetProperty("levelName").GetString().ShouldBe("非常不满意");
        var rectificationId = mine.GetProperty("rectification").GetProperty("id").GetGuid();
        mine.GetProperty("rectification").GetProperty("status").GetString().ShouldBe("open");
        (await officer.GetAsync($"/api/cases/{id}/rating").OkAsync()).GetProperty("rating").GetProperty("level").GetInt32().ShouldBe(1);
        (await stranger.GetAsync($"/api/cases/{id}/rating")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var list = await officer.GetAsync("/api/cases/rectifications").OkAsync();
        var item = list.EnumerateArray().Single(r => r.GetProperty("id").GetGuid() == rectificationId);
        item.GetProperty("status").GetString().ShouldBe("open");
        item.GetProperty("caseTitle").GetString().ShouldBe("公司设立登记");
        item.GetProperty("levelName").GetString().ShouldBe("非常不满意");
        item.GetProperty("comment").GetString().ShouldBe("材料要求前后不一致");

        (await citizen.PostAsync($"/api/cases/rectifications/{rectificationId}/accept", null).OkAsync(HttpStatusCode.Conflict)).Codes().ShouldContain("cases.action_not_allowed");
        await officer.PostAsJsonAsync($"/api/cases/rectifications/{rectificationId}/reply", new { reply = "已统一材料清单" }).OkAsync();
        (await stranger.PostAsync($"/api/cases/rectifications/{rectificationId}/accept", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await citizen.PostAsync($"/api/cases/rectifications/{rectificationId}/accept", null).OkAsync()).GetProperty("status").GetString().ShouldBe("closed");
        (await citizen.GetAsync($"/api/cases/{id}/rating").OkAsync()).GetProperty("rectification").GetProperty("status").GetString().ShouldBe("closed");
    }
}
