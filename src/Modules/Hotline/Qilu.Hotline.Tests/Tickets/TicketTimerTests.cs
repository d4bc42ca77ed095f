using System.Net;
using Shouldly;

namespace Qilu.Hotline.Tests.Tickets;

/// <summary>
/// Escalation ladder and auto-close with the fake clock (each test has its own host: the clock moves). Access tokens
/// live an hour, so people sign in again after the clock has moved.
/// </summary>
public sealed class TicketTimerTests
{
    [Fact]
    public async Task Escalation_WhenSignForIsLate_ClimbsToCityThenProvince()
    {
        await using var host = new HotlineHost();
        using var agent = await host.DemoAsync("jn.agent");
        using var dispatcher = await host.DemoAsync("jn.dispatch");
        var t = await agent.SubmitAsync(Api.Call()).OkAsync(HttpStatusCode.Created);
        await dispatcher.ActAsync(t.Id(), "dispatch").OkAsync();

        host.Clock.Advance(TimeSpan.FromHours(2.5));   // 30 min past the 2 h sign-for deadline: not yet
        await host.SweepAsync();
        using (var supervisor = await host.DemoAsync("jn.official"))
            (await supervisor.GetAsync($"/api/hotline/tickets/{t.Id()}").OkAsync()).GetProperty("escalationLevel").GetInt32().ShouldBe(0);

        host.Clock.Advance(TimeSpan.FromHours(1));     // 1.5 h late: level 1, to 济南市 (the county unit's supervising level)
        (await host.SweepAsync()).ShouldBeGreaterThanOrEqualTo(1);
        using (var supervisor = await host.DemoAsync("jn.official"))
            t = await supervisor.GetAsync($"/api/hotline/tickets/{t.Id()}").OkAsync();
        t.GetProperty("escalationLevel").GetInt32().ShouldBe(1);
        t.GetProperty("escalatedTo").GetString().ShouldBe("370100");
        t.GetProperty("overdue").GetBoolean().ShouldBeTrue();
        t.Allowed().ShouldContain("supervise");

        host.Clock.Advance(TimeSpan.FromHours(3));     // 4.5 h late: level 2, to the province
        await host.SweepAsync();
        using var boss = await host.DemoAsync("jn.official");
        t = await boss.GetAsync($"/api/hotline/tickets/{t.Id()}").OkAsync();
        t.GetProperty("escalationLevel").GetInt32().ShouldBe(2);
        t.GetProperty("escalatedTo").GetString().ShouldBe("370000");

        t = await boss.ActAsync(t.Id(), "supervise", new { instruction = "请立即签收办理" }).OkAsync();
        t.GetProperty("supervisionCount").GetInt32().ShouldBe(1);
        var supervised = await boss.GetAsync("/api/hotline/tickets?view=supervised").OkAsync();
        var row = supervised.EnumerateArray().First(i => i.GetProperty("id").GetGuid() == t.Id());
        row.GetProperty("overdue").GetBoolean().ShouldBeTrue();
        row.GetProperty("escalationLevel").GetInt32().ShouldBe(2);
    }

    [Fact]
    public async Task AutoClose_WhenCallbackIsNotDoneInTime_ClosesTheTicket()
    {
        await using var host = new HotlineHost();
        using var agent = await host.DemoAsync("jn.agent");
        using var dispatcher = await host.DemoAsync("jn.dispatch");
        using var unit = await host.DemoAsync("lx.cg");
        var t = await agent.SubmitAsync(Api.Call()).OkAsync(HttpStatusCode.Created);
        await dispatcher.ActAsync(t.Id(), "dispatch").OkAsync();
        await unit.ActAsync(t.Id(), "sign").OkAsync();
        await unit.ActAsync(t.Id(), "reply", new { result = "已处理" }).OkAsync();
        await dispatcher.ActAsync(t.Id(), "approve-reply").OkAsync();
        host.Clock.Advance(TimeSpan.FromHours(71));
        await host.SweepAsync();
        using (var later = await host.DemoAsync("jn.agent"))
            (await later.GetAsync($"/api/hotline/tickets/{t.Id()}").OkAsync()).Status().ShouldBe("awaiting_callback");
        host.Clock.Advance(TimeSpan.FromHours(2));
        await host.SweepAsync();
        using var again = await host.DemoAsync("jn.agent");
        t = await again.GetAsync($"/api/hotline/tickets/{t.Id()}").OkAsync();
        t.Status().ShouldBe("closed");
        t.GetProperty("timeline").EnumerateArray().Last().GetProperty("action").GetString().ShouldBe("auto-close");
        (await again.ActAsync(t.Id(), "callback", new { satisfaction = "satisfied" }).OkAsync(HttpStatusCode.Conflict)).Codes().ShouldContain("hotline.action_not_allowed");
    }

    [Fact]
    public async Task Callback_WhenDissatisfiedAfterTheReopenWindow_ClosesInsteadOfReopening()
    {
        await using var host = new HotlineHost();
        using var agent = await host.DemoAsync("jn.agent");
        using var dispatcher = await host.DemoAsync("jn.dispatch");
        using var unit = await host.DemoAsync("lx.cg");
        var t = await agent.SubmitAsync(Api.Call()).OkAsync(HttpStatusCode.Created);
        await dispatcher.ActAsync(t.Id(), "dispatch").OkAsync();
        await unit.ActAsync(t.Id(), "sign").OkAsync();
        await unit.ActAsync(t.Id(), "reply", new { result = "已处理" }).OkAsync();
        host.Clock.Advance(TimeSpan.FromDays(11));
        using var dispatcherLater = await host.DemoAsync("jn.dispatch");
        using var agentLater = await host.DemoAsync("jn.agent");
        await dispatcherLater.ActAsync(t.Id(), "approve-reply").OkAsync();
        t = await agentLater.ActAsync(t.Id(), "callback", new { satisfaction = "dissatisfied" }).OkAsync();
        t.Status().ShouldBe("closed");
        t.GetProperty("reopenCount").GetInt32().ShouldBe(0);
    }
}
