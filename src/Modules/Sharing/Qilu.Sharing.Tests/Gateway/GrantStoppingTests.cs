using System.Net;
using System.Net.Http.Json;
using Qilu.Sharing.Tests.Support;
using Shouldly;
using static Qilu.Sharing.Tests.Support.Scenario;

namespace Qilu.Sharing.Tests.Gateway;

/// <summary>
/// Grants that stop on their own or with the catalog: withdrawing the entry (CatalogEntryWithdrawn through the
/// catalog's outbox) ends its grants; 数据直达基层 gives an official of a district the rows of that district only under a
/// city-level grant; a proxied API answer is projected and masked.
/// </summary>
public abstract class GrantStoppingTestsBase(SharingFixture fixture)
{
    [Fact]
    public async Task WithdrawEntry_StopsItsGrantsThroughTheOutbox()
    {
        var s = await fixture.ScenarioAsync();
        var lixia = await s.Host.ApiAsync("lx.official");
        var jinan = await s.Host.ApiAsync("jn.official");
        var entry = await PublishAsync(lixia, jinan, "历下区低保对象名册", "Conditional", ["Api"], [("公民身份号码", "DE0001"), ("姓名", "DE0002")]);
        var resource = await s.Host.Resources.MountTableAsync(entry, "低保对象", "公民身份号码", null);
        await s.Host.Resources.UpsertAsync(resource, new Dictionary<string, string?> { ["公民身份号码"] = s.People[0].Id, ["姓名"] = s.People[0].Name });
        var grant = await s.GrantAsync(fields: ["姓名"], entryId: entry);
        var system = await s.Host.ConsumerSystemAsync(s.Consumer, "lx-health-withdrawn");
        (await KeyAsync(system, grant, resource, s.People[0].Id)).ShouldBe(HttpStatusCode.OK);

        var detail = await Ok(await lixia.GetAsync($"/api/catalog/entries/{entry}"));
        await Ok(await lixia.PostAsJsonAsync($"/api/catalog/entries/{entry}/withdraw", new { version = detail.GetProperty("version").GetUInt32(), reason = "数据源停止更新" }));
        await Probe.DispatchOutboxesAsync(s.Host);
        using var stopped = await KeyAsync(system, grant, resource, s.People[0].Id);
        stopped.ShouldBe(HttpStatusCode.Forbidden);
        var error = (await SharingHost.ReadJsonAsync(stopped)).GetProperty("errors")[0];
        error.GetProperty("code").GetString().ShouldBe("grant.entry_withdrawn");
        error.GetProperty("message").GetString()!.ShouldContain("数据源停止更新");
    }

    [Fact]
    public async Task Grassroots_WhenCityGrantIsForGrassroots_DistrictOfficialReadsOnlyOwnArea()
    {
        var s = await fixture.ScenarioAsync();
        // 济南市大数据局 applies (city level), approved for grassroots use.
        var jinan = await s.Host.ApiAsync("jn.official");
        var app = await Ok(await jinan.PostAsJsonAsync("/api/sharing/applications", s.Application(["姓名", "行政区划代码"])), HttpStatusCode.Created);
        var id = app.GetProperty("id").GetString();
        var sd = await s.Host.ApiAsync("sd.cdo");
        app = await Ok(await sd.PostAsJsonAsync($"/api/sharing/applications/{id}/approve", new { version = app.GetProperty("version").GetUInt32() }));
        app = await Ok(await (await s.Host.ApiAsync("lx.official")).PostAsJsonAsync($"/api/sharing/applications/{id}/approve", new { version = app.GetProperty("version").GetUInt32() }));
        app = await Ok(await (await s.ApproverAsync()).PostAsJsonAsync($"/api/sharing/applications/{id}/approve",
            new { version = app.GetProperty("version").GetUInt32(), terms = new { grassroots = true } }));
        var grant = app.GetProperty("grantId").GetString();

        var official = await s.Host.ApiAsync("lx.police");
        var listed = await Ok(await official.GetAsync("/api/sharing/grassroots/grants"));
        listed.EnumerateArray().ShouldContain(g => g.GetProperty("id").GetString() == grant);
        using var rows = await official.GetAsync($"/api/sharing/grassroots/{grant}/resources/{s.ResourceId}/rows?limit=100");
        rows.ShouldBe(HttpStatusCode.OK);
        var list = (await SharingHost.ReadJsonAsync(rows)).GetProperty("rows").EnumerateArray().ToList();
        list.Count.ShouldBeGreaterThanOrEqualTo(2);
        list.ShouldAllBe(r => r.GetProperty("divisionCode").GetString()!.StartsWith("370102", StringComparison.Ordinal));
        // The grant's use shows in the list: the read above is charged to the grant's quota.
        listed = await Ok(await official.GetAsync("/api/sharing/grassroots/grants"));
        listed.EnumerateArray().Single(g => g.GetProperty("id").GetString() == grant).GetProperty("usedToday").GetInt64().ShouldBe(1);
        // 市南区 lies outside the consumer's division: the grant is not theirs to use.
        var shinan = await s.Host.ApiAsync("sn.official");
        (await shinan.GetAsync($"/api/sharing/grassroots/{grant}/resources/{s.ResourceId}/rows")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task CallApi_ProjectsAndMasksTheUpstreamAnswer_AndRefusesNonJson()
    {
        var s = await fixture.ScenarioAsync();
        var lixia = await s.Host.ApiAsync("lx.official");
        var jinan = await s.Host.ApiAsync("jn.official");
        var entry = await PublishAsync(lixia, jinan, "历下区食品经营主体信息接口", "Conditional", ["Api"],
            [("统一社会信用代码", "DE0006"), ("企业名称", "DE0007"), ("法定代表人", "DE0008"), ("联系电话", "DE0011")]);
        var api = await s.Host.Resources.MountApiAsync(entry, new Uri("http://upstream.example/market/"),
        [
            ("getEnterprise", "GET", "/enterprises/{creditCode}", ["统一社会信用代码", "企业名称", "法定代表人", "联系电话", "内部备注"]),
            ("getText", "GET", "/text", ["企业名称"]),
        ]);
        // 法定代表人 is graded L1 (no default masking); the approver masks it harder, which the policy allows.
        var grant = await s.GrantAsync(fields: ["企业名称", "法定代表人"], entryId: entry,
            terms: new { masking = new Dictionary<string, string> { ["法定代表人"] = "Partial" } });
        var system = await s.Host.ConsumerSystemAsync(s.Consumer, "lx-health-api");
        using var r = await system.GetAsync($"/api/sharing/gateway/{grant}/resources/{api}/api/getEnterprise?creditCode=91370102MA3C4XYZ0A");
        r.ShouldBe(HttpStatusCode.OK);
        var data = (await SharingHost.ReadJsonAsync(r)).GetProperty("data");
        data.GetProperty("企业名称").GetString().ShouldBe("济南测试食品有限公司");
        data.GetProperty("法定代表人").GetString().ShouldBe("王**");
        data.TryGetProperty("联系电话", out _).ShouldBeFalse();
        data.TryGetProperty("内部备注", out _).ShouldBeFalse();
        s.Host.Upstream.Received.ShouldContain(x => x.Uri.AbsolutePath == "/market/enterprises/91370102MA3C4XYZ0A");
        await Probe.ShouldCarryValidBindingAsync(r, "lx-health-api");
        using var text = await system.GetAsync($"/api/sharing/gateway/{grant}/resources/{api}/api/getText");
        text.ShouldBe(HttpStatusCode.BadGateway);
        (await Probe.CodeOfAsync(text)).ShouldBe("upstream.not_json");
        using var missing = await system.GetAsync($"/api/sharing/gateway/{grant}/resources/{api}/api/getEnterprise");
        missing.ShouldBe(HttpStatusCode.BadRequest);
        (await Probe.CodeOfAsync(missing)).ShouldBe("api.parameter_missing");

        // ?fields= narrows the answer to the fields asked for, and names what it cannot give.
        using var one = await system.GetAsync($"/api/sharing/gateway/{grant}/resources/{api}/api/getEnterprise?creditCode=91370102MA3C4XYZ0A&fields=" + Uri.EscapeDataString("企业名称"));
        one.ShouldBe(HttpStatusCode.OK);
        var narrowed = (await SharingHost.ReadJsonAsync(one)).GetProperty("data");
        narrowed.GetProperty("企业名称").GetString().ShouldBe("济南测试食品有限公司");
        narrowed.TryGetProperty("法定代表人", out _).ShouldBeFalse();
        using var ungranted = await system.GetAsync($"/api/sharing/gateway/{grant}/resources/{api}/api/getEnterprise?creditCode=91370102MA3C4XYZ0A&fields=" + Uri.EscapeDataString("联系电话"));
        ungranted.ShouldBe(HttpStatusCode.Forbidden);
        (await Probe.CodeOfAsync(ungranted)).ShouldBe("fields.not_granted");
        using var unknown = await system.GetAsync($"/api/sharing/gateway/{grant}/resources/{api}/api/getEnterprise?creditCode=91370102MA3C4XYZ0A&fields=" + Uri.EscapeDataString("血型"));
        unknown.ShouldBe(HttpStatusCode.BadRequest);
        (await Probe.CodeOfAsync(unknown)).ShouldBe("fields.unknown");
    }
}

[Collection("sharing-sqlite")]
public sealed class GrantStoppingTests(SqliteSharingFixture fixture) : GrantStoppingTestsBase(fixture), IClassFixture<SqliteSharingFixture>;

[Collection("sharing-postgres")]
public sealed class PostgresGrantStoppingTests(PostgresSharingFixture fixture) : GrantStoppingTestsBase(fixture), IClassFixture<PostgresSharingFixture>;
