using System.Net;
using System.Text.Json;
using Shouldly;

namespace Qilu.Hotline.Tests.Tickets;

/// <summary>
/// Full lifecycles through HTTP as the people who do them: the 济南 agent (jn.agent) records the call, the dispatcher
/// (jn.dispatch) dispatches by the catalogue, 历下区城管 (lx.cg) signs and replies, review and callback close it.
/// </summary>
public sealed class TicketLifecycleTests(HotlineHost host) : IClassFixture<HotlineHost>
{
    [Fact]
    public async Task Lifecycle_WhenEveryStepSucceeds_ClosesSatisfiedOnTime()
    {
        using var agent = await host.DemoAsync("jn.agent");
        using var dispatcher = await host.DemoAsync("jn.dispatch");
        using var unit = await host.DemoAsync("lx.cg");
        var t = await agent.SubmitAsync(Api.Call()).OkAsync(HttpStatusCode.Created);
        t.Status().ShouldBe("accepted");
        t.GetProperty("callerPhone").GetString().ShouldBe("139****0001");

        var proposal = await dispatcher.GetAsync($"/api/hotline/tickets/{t.Id()}/dispatch-proposal").OkAsync();
        proposal.GetProperty("lead").GetProperty("name").GetString().ShouldBe("历下区城市管理局");
        proposal.GetProperty("coUnits")[0].GetProperty("kind").GetString().ShouldBe("market");

        t = await dispatcher.ActAsync(t.Id(), "dispatch", new { note = "请尽快处理" }).OkAsync();
        t.Status().ShouldBe("dispatched");
        t.GetProperty("leadUnitName").GetString().ShouldBe("历下区城市管理局");
        t.GetProperty("coUnitNames")[0].GetString().ShouldBe("历下区市场监督管理局");
        // Normal urgency: sign within 2 h, handle within 5 days of dispatch (the fake clock stands still).
        (t.GetProperty("signDueAt").GetDateTimeOffset() - host.Clock.GetUtcNow()).ShouldBe(TimeSpan.FromHours(2));
        (t.GetProperty("dueAt").GetDateTimeOffset() - host.Clock.GetUtcNow()).ShouldBe(TimeSpan.FromHours(120));

        var inbox = await unit.GetAsync("/api/hotline/tickets?view=inbox").OkAsync();
        inbox.EnumerateArray().ShouldContain(i => i.GetProperty("id").GetGuid() == t.Id());
        t = await unit.ActAsync(t.Id(), "sign").OkAsync();
        t.Status().ShouldBe("handling");
        t = await unit.ActAsync(t.Id(), "reply", new { result = "已联合市场监管部门清理摊贩，设置临时疏导点。", evidence = new[] { "现场照片-清理后.jpg" } }).OkAsync();
        t.Status().ShouldBe("replied");
        t = await dispatcher.ActAsync(t.Id(), "approve-reply").OkAsync();
        t.Status().ShouldBe("awaiting_callback");
        t = await agent.ActAsync(t.Id(), "callback", new { satisfaction = "satisfied", note = "市民表示满意" }).OkAsync();
        t.Status().ShouldBe("closed");
        t.GetProperty("satisfaction").GetString().ShouldBe("satisfied");
        t.Allowed().ShouldBeEmpty();
        var titles = t.GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("action").GetString()).ToList();
        titles.ShouldBe(["accept", "dispatch", "sign", "reply", "approve-reply", "callback"]);
    }

    [Fact]
    public async Task Return_ThenRedispatchToAnotherUnit_MovesTheTicketOutOfTheFirstUnitsSight()
    {
        using var agent = await host.DemoAsync("jn.agent");
        using var dispatcher = await host.DemoAsync("jn.dispatch");
        using var unit = await host.DemoAsync("lx.cg");
        var t = await agent.SubmitAsync(Api.Call("小区业主反映物业乱收停车费。", category: "020103")).OkAsync(HttpStatusCode.Created);
        var cg = await host.UnitAsync("urban_management", "370102");
        await dispatcher.ActAsync(t.Id(), "dispatch", new { leadUnitId = cg.Id }).OkAsync();
        var noReason = await unit.ActAsync(t.Id(), "return", new { reason = " " }).OkAsync(HttpStatusCode.BadRequest);
        noReason.Fields().ShouldContain("reason");
        t = await unit.ActAsync(t.Id(), "return", new { reason = "物业收费属住建部门职责" }).OkAsync();
        t.Status().ShouldBe("returned");
        t.GetProperty("returnReason").GetString().ShouldBe("物业收费属住建部门职责");

        var board = await dispatcher.GetAsync("/api/hotline/tickets?view=board").OkAsync();
        board.EnumerateArray().ShouldContain(i => i.GetProperty("id").GetGuid() == t.Id() && i.GetProperty("status").GetString() == "returned");
        // Without a unit the catalogue decides: 停车管理 → 住建.
        t = await dispatcher.ActAsync(t.Id(), "dispatch").OkAsync();
        t.GetProperty("leadUnitName").GetString().ShouldBe("历下区住房和城乡建设局");
        (await unit.GetAsync($"/api/hotline/tickets/{t.Id()}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var market = await host.UnitAsync("market", "370102");
        var same = await dispatcher.ActAsync(t.Id(), "redispatch", new { leadUnitId = t.GetProperty("leadUnitId").GetGuid() }).OkAsync(HttpStatusCode.BadRequest);
        same.Codes().ShouldContain("dispatch.same_unit");
        t = await dispatcher.ActAsync(t.Id(), "redispatch", new { leadUnitId = market.Id }).OkAsync();
        t.GetProperty("leadUnitName").GetString().ShouldBe(market.Name);
        t.Status().ShouldBe("dispatched");
    }

    [Fact]
    public async Task Extension_WhenApproved_MovesTheDeadlineAndWhenRejectedKeepsIt()
    {
        using var agent = await host.DemoAsync("jn.agent");
        using var dispatcher = await host.DemoAsync("jn.dispatch");
        using var unit = await host.DemoAsync("lx.cg");
        var t = await agent.SubmitAsync(Api.Call("道路破损，有大坑。", category: "010301")).OkAsync(HttpStatusCode.Created);
        await dispatcher.ActAsync(t.Id(), "dispatch").OkAsync();
        t = await unit.ActAsync(t.Id(), "sign").OkAsync();
        var due = t.GetProperty("dueAt").GetDateTimeOffset();
        (await unit.ActAsync(t.Id(), "request-extension", new { until = due.AddDays(40), reason = "需要招标" }).OkAsync(HttpStatusCode.BadRequest))
            .Codes().ShouldContain("extension.range");
        t = await unit.ActAsync(t.Id(), "request-extension", new { until = due.AddDays(5), reason = "需要协调施工队" }).OkAsync();
        t.Allowed().ShouldNotContain("request-extension");
        // The unit cannot approve its own request.
        (await unit.ActAsync(t.Id(), "approve-extension").OkAsync(HttpStatusCode.Conflict)).Codes().ShouldContain("hotline.action_not_allowed");
        t = await dispatcher.ActAsync(t.Id(), "approve-extension", new { note = "同意" }).OkAsync();
        t.GetProperty("dueAt").GetDateTimeOffset().ShouldBe(due.AddDays(5));

        t = await unit.ActAsync(t.Id(), "request-extension", new { until = due.AddDays(8), reason = "再延三天" }).OkAsync();
        (await dispatcher.ActAsync(t.Id(), "reject-extension").OkAsync(HttpStatusCode.BadRequest)).Fields().ShouldContain("note");
        t = await dispatcher.ActAsync(t.Id(), "reject-extension", new { note = "理由不充分" }).OkAsync();
        t.GetProperty("dueAt").GetDateTimeOffset().ShouldBe(due.AddDays(5));
        t.GetProperty("extensionRequestedUntil").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public async Task Action_WhenNotAllowedInTheState_Returns409NamingTheAllowedActions()
    {
        using var agent = await host.DemoAsync("jn.agent");
        using var dispatcher = await host.DemoAsync("jn.dispatch");
        var t = await agent.SubmitAsync(Api.Call()).OkAsync(HttpStatusCode.Created);
        var problem = await dispatcher.ActAsync(t.Id(), "approve-reply").OkAsync(HttpStatusCode.Conflict);
        problem.Codes().ShouldContain("hotline.action_not_allowed");
        problem.Fields().ShouldContain("dispatch");
        problem.Fields().ShouldContain("close-direct");
        (await dispatcher.GetAsync($"/api/hotline/tickets/{t.Id()}").OkAsync()).Status().ShouldBe("accepted");
    }

    [Fact]
    public async Task Action_WithStaleVersion_Returns409AndChangesNothing()
    {
        using var agent = await host.DemoAsync("jn.agent");
        using var dispatcher = await host.DemoAsync("jn.dispatch");
        var t = await agent.SubmitAsync(Api.Call()).OkAsync(HttpStatusCode.Created);
        var seen = t.Version();
        await dispatcher.ActAsync(t.Id(), "dispatch", new { version = seen }).OkAsync();
        var late = await dispatcher.ActAsync(t.Id(), "redispatch", new { leadUnitId = (await host.UnitAsync("market", "370102")).Id, version = seen })
            .OkAsync(HttpStatusCode.Conflict);
        late.Codes().ShouldContain("hotline.version_conflict");
    }

    [Fact]
    public async Task Concurrent_DispatchesOfTheSameTicket_OneWinsTheOtherGets409()
    {
        using var agent = await host.DemoAsync("jn.agent");
        using var dispatcher = await host.DemoAsync("jn.dispatch");
        var t = await agent.SubmitAsync(Api.Call()).OkAsync(HttpStatusCode.Created);
        var calls = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => dispatcher.ActAsync(t.Id(), "dispatch")));
        calls.Count(c => c.StatusCode == HttpStatusCode.OK).ShouldBe(1);
        calls.Count(c => c.StatusCode == HttpStatusCode.Conflict).ShouldBe(3);
        var final = await dispatcher.GetAsync($"/api/hotline/tickets/{t.Id()}").OkAsync();
        final.GetProperty("timeline").EnumerateArray().Count(e => e.GetProperty("action").GetString() == "dispatch").ShouldBe(1);
    }

    [Fact]
    public async Task Callback_WhenDissatisfied_ReopensToTheSameUnitWithANewDeadline()
    {
        using var agent = await host.DemoAsync("jn.agent");
        using var dispatcher = await host.DemoAsync("jn.dispatch");
        using var unit = await host.DemoAsync("lx.cg");
        var t = await agent.SubmitAsync(Api.Call("路灯不亮。", category: "010302")).OkAsync(HttpStatusCode.Created);
        await dispatcher.ActAsync(t.Id(), "dispatch").OkAsync();
        await unit.ActAsync(t.Id(), "sign").OkAsync();
        await unit.ActAsync(t.Id(), "reply", new { result = "已维修" }).OkAsync();
        await dispatcher.ActAsync(t.Id(), "approve-reply").OkAsync();
        (await agent.ActAsync(t.Id(), "callback", new { satisfaction = "meh" }).OkAsync(HttpStatusCode.BadRequest)).Codes().ShouldContain("satisfaction.unknown");
        t = await agent.ActAsync(t.Id(), "callback", new { satisfaction = "dissatisfied", note = "灯还是不亮" }).OkAsync();
        t.Status().ShouldBe("handling");
        t.GetProperty("reopenCount").GetInt32().ShouldBe(1);
        t.GetProperty("leadUnitName").GetString().ShouldBe("历下区城市管理局");
        (await unit.GetAsync("/api/hotline/tickets?view=inbox").OkAsync()).EnumerateArray().ShouldContain(i => i.GetProperty("id").GetGuid() == t.Id());
    }

    [Fact]
    public async Task CloseDirectly_AtFirstContact_ClosesWithoutDispatch()
    {
        using var agent = await host.DemoAsync("jn.agent");
        var t = await agent.SubmitAsync(Api.Call("请问居住证在哪里办理？", category: "070201")).OkAsync(HttpStatusCode.Created);
        (await agent.ActAsync(t.Id(), "close-direct", new { answer = "" }).OkAsync(HttpStatusCode.BadRequest)).Fields().ShouldContain("answer");
        t = await agent.ActAsync(t.Id(), "close-direct", new { answer = "可到户籍所在地派出所或通过爱山东App办理。", satisfaction = "satisfied" }).OkAsync();
        t.Status().ShouldBe("closed");
        t.GetProperty("reply").GetString()!.ShouldContain("派出所");
    }
}
