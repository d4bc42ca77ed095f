using System.Net;
using System.Net.Http.Json;
using Qilu.Sharing.Tests.Support;
using Shouldly;
using static Qilu.Sharing.Tests.Support.Scenario;

namespace Qilu.Sharing.Tests.Needs;

/// <summary>数据需求: a unit posts a need, providers answer (plan, then link to a published entry), statistics by unit.</summary>
public abstract class NeedsBoardTestsBase(SharingFixture fixture)
{
    [Fact]
    public async Task Need_WhenAnsweredWithPlanThenLink_BecomesLinked_AndCountsByUnit()
    {
        var s = await fixture.ScenarioAsync();
        var health = await s.Host.ApiAsync("lx.health");
        var bad = await health.PostAsJsonAsync("/api/sharing/needs", new { title = "", reason = "x", fields = Array.Empty<string>() });
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var need = await Ok(await health.PostAsJsonAsync("/api/sharing/needs", new
        {
            title = "新生儿父母婚姻登记信息", reason = "出生医学证明签发时核对父母婚姻状况", fields = new[] { "公民身份号码", "婚姻状况" }, providerKind = "civil_affairs",
        }), HttpStatusCode.Created);
        need.GetProperty("status").GetString().ShouldBe("Open");
        var id = need.GetProperty("id").GetString();

        var lixia = await s.Host.ApiAsync("lx.official");
        var past = await lixia.PostAsJsonAsync($"/api/sharing/needs/{id}/answers", new { version = need.GetProperty("version").GetUInt32(), kind = "plan", text = "计划编目", plannedBy = new DateOnly(2020, 1, 1) });
        past.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        need = await Ok(await lixia.PostAsJsonAsync($"/api/sharing/needs/{id}/answers",
            new { version = need.GetProperty("version").GetUInt32(), kind = "plan", text = "已列入本季度编目计划", plannedBy = new DateOnly(2030, 3, 31) }));
        need.GetProperty("status").GetString().ShouldBe("Planned");
        // Linking someone else's entry is refused; linking own published entry marks the need linked.
        var foreign = await health.PostAsJsonAsync($"/api/sharing/needs/{id}/answers",
            new { version = need.GetProperty("version").GetUInt32(), kind = "link", text = "x", entryId = s.EntryId });
        foreign.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        need = await Ok(await lixia.PostAsJsonAsync($"/api/sharing/needs/{id}/answers",
            new { version = need.GetProperty("version").GetUInt32(), kind = "link", text = "人口基础信息已发布，请申请", entryId = s.EntryId }));
        need.GetProperty("status").GetString().ShouldBe("Linked");
        need.GetProperty("answers").GetArrayLength().ShouldBe(2);

        var stats = await Ok(await health.GetAsync("/api/sharing/needs/statistics"));
        var mine = stats.EnumerateArray().Single(r => r.GetProperty("unitId").GetString() == s.Consumer.Id.ToString());
        mine.GetProperty("posted").GetInt32().ShouldBeGreaterThanOrEqualTo(1);
        mine.GetProperty("linked").GetInt32().ShouldBeGreaterThanOrEqualTo(1);
        stats.EnumerateArray().Single(r => r.GetProperty("unitId").GetString() == s.Provider.Id.ToString()).GetProperty("answersGiven").GetInt32().ShouldBeGreaterThanOrEqualTo(2);
        var board = await Ok(await lixia.GetAsync("/api/sharing/needs?status=Linked"));
        board.EnumerateArray().ShouldContain(n => n.GetProperty("id").GetString() == id);

        // The need's own address (the Location of its creation), then closed by its poster, once.
        need = await Ok(await lixia.GetAsync($"/api/sharing/needs/{id}"));
        need.GetProperty("answers").GetArrayLength().ShouldBe(2);
        (await lixia.GetAsync($"/api/sharing/needs/{Guid.NewGuid()}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var version = need.GetProperty("version").GetUInt32();
        need = await Ok(await health.PostAsJsonAsync($"/api/sharing/needs/{id}/close", new { version }));
        need.GetProperty("status").GetString().ShouldBe("Closed");
        using var again = await health.PostAsJsonAsync($"/api/sharing/needs/{id}/close", new { version = need.GetProperty("version").GetUInt32() });
        again.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await Probe.CodeOfAsync(again)).ShouldBe("need.closed");
    }

    [Fact]
    public async Task Usage_AfterCalls_CountsByConsumerProviderAndResource()
    {
        var s = await fixture.ScenarioAsync();
        var grant = await s.GrantAsync(fields: ["姓名"]);
        var system = await s.Host.ConsumerSystemAsync(s.Consumer, "lx-health-usage");
        for (var i = 0; i < 3; i++) (await KeyAsync(system, grant, s.ResourceId, s.People[0].Id)).ShouldBe(HttpStatusCode.OK);
        var jinan = await s.Host.ApiAsync("jn.official");
        var usage = await Ok(await jinan.GetAsync("/api/sharing/usage?days=7"));
        usage.GetProperty("calls").GetInt64().ShouldBeGreaterThanOrEqualTo(3);
        usage.GetProperty("byConsumer").EnumerateArray().ShouldContain(p => p.GetProperty("label").GetString() == s.Consumer.Name);
        usage.GetProperty("byProvider").EnumerateArray().ShouldContain(p => p.GetProperty("label").GetString() == s.Provider.Name);
        // By resource: the entry's name and the mounted table's.
        usage.GetProperty("byResource").EnumerateArray().ShouldContain(p => p.GetProperty("label").GetString() == "历下区人口基础信息／人口基础信息表");
        usage.GetProperty("byDay").GetArrayLength().ShouldBe(7);
        // Counted in the database, the parts add up to the whole.
        usage.GetProperty("byDay").EnumerateArray().Sum(p => p.GetProperty("calls").GetInt64()).ShouldBe(usage.GetProperty("calls").GetInt64());
        (usage.GetProperty("served").GetInt64() + usage.GetProperty("refused").GetInt64()).ShouldBe(usage.GetProperty("calls").GetInt64());
        // Over time: the busiest consumers, providers and resources per day, aligned with byDay; a consumer's days add up
        // to its total, and today's point holds this test's calls.
        foreach (var trend in new[] { "consumersOverTime", "providersOverTime", "resourcesOverTime" })
        {
            var lines = usage.GetProperty(trend).EnumerateArray().ToList();
            lines.Count.ShouldBeInRange(1, 5);
            lines.ShouldAllBe(l => l.GetProperty("calls").GetArrayLength() == 7);
        }
        var mine = usage.GetProperty("consumersOverTime").EnumerateArray().SingleOrDefault(l => l.GetProperty("label").GetString() == s.Consumer.Name);
        if (mine.ValueKind != System.Text.Json.JsonValueKind.Undefined)
        {
            var total = usage.GetProperty("byConsumer").EnumerateArray().Single(p => p.GetProperty("label").GetString() == s.Consumer.Name).GetProperty("calls").GetInt64();
            mine.GetProperty("calls").EnumerateArray().Sum(c => c.GetInt64()).ShouldBe(total);
            mine.GetProperty("calls")[6].GetInt64().ShouldBeGreaterThanOrEqualTo(3);
        }
        usage.GetProperty("served").GetInt64().ShouldBeGreaterThanOrEqualTo(3);
        // 青岛's bureau sees nothing of 济南's traffic.
        var qingdao = await s.Host.ApiAsync("qd.official");
        (await Ok(await qingdao.GetAsync("/api/sharing/usage?days=7"))).GetProperty("byConsumer").EnumerateArray()
            .ShouldNotContain(p => p.GetProperty("label").GetString() == s.Consumer.Name);
    }
}

[Collection("sharing-sqlite")]
public sealed class NeedsBoardTests(SqliteSharingFixture fixture) : NeedsBoardTestsBase(fixture), IClassFixture<SqliteSharingFixture>;

[Collection("sharing-postgres")]
public sealed class PostgresNeedsBoardTests(PostgresSharingFixture fixture) : NeedsBoardTestsBase(fixture), IClassFixture<PostgresSharingFixture>;
