using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Qilu.Cases.Contracts;
using Qilu.Platform.Events;
using Shouldly;

namespace Qilu.Hotline.Tests.Integration;

/// <summary>
/// 好差评 差评 → ticket: the Cases module's <see cref="CaseRatedBadly"/> delivered to the handlers the host registered
/// (as the Cases outbox dispatcher does, possibly more than once) opens one ticket on the 好差评差评 channel that the
/// dispatcher sees on the board and can dispatch.
/// </summary>
public sealed class BadReviewTests(HotlineHost host) : IClassFixture<HotlineHost>
{
    [Fact]
    public async Task CaseRatedBadly_WhenDeliveredTwice_OpensOneTicketOnTheBadReviewChannel()
    {
        var unit = await host.UnitAsync("market", "370102");
        var caseNumber = "BR" + Guid.NewGuid().ToString("N")[..10];
        var e = new CaseRatedBadly(Guid.NewGuid(), Guid.NewGuid(), caseNumber, "370100201000", "公司设立登记", unit.Id, unit.Name, "370102", 1,
            "窗口让我来回跑了三次，材料清单前后说法不一致", host.Clock.GetUtcNow().AddDays(21))
        {
            OccurredAt = host.Clock.GetUtcNow(),
        };
        await DeliverAsync(e);
        await DeliverAsync(e);

        using var dispatcher = await host.DemoAsync("jn.dispatch");
        var board = await dispatcher.GetAsync("/api/hotline/tickets?view=board").OkAsync();
        var mine = board.EnumerateArray().Where(t => t.GetProperty("excerpt").GetString()!.Contains(caseNumber, StringComparison.Ordinal)).ToList();
        mine.Count.ShouldBe(1);
        var t = await dispatcher.GetAsync($"/api/hotline/tickets/{mine[0].Id()}").OkAsync();
        t.GetProperty("channel").GetString().ShouldBe("bad_review");
        t.GetProperty("channelName").GetString().ShouldBe("好差评差评");
        t.GetProperty("categoryCode").GetString().ShouldBe("120201");
        t.GetProperty("urgency").GetString().ShouldBe("urgent");
        t.GetProperty("divisionCode").GetString().ShouldBe("370102");
        t.GetProperty("content").GetString()!.ShouldContain("非常不满意");
        t.GetProperty("content").GetString()!.ShouldContain("材料清单前后说法不一致");
        t.Status().ShouldBe("accepted");
        t = await dispatcher.ActAsync(t.Id(), "dispatch").OkAsync();
        t.Status().ShouldBe("dispatched");
    }

    [Fact]
    public async Task CaseRatedBadly_WhenTheDivisionIsUnknown_IsAcknowledgedWithoutATicket()
    {
        var e = new CaseRatedBadly(Guid.NewGuid(), Guid.NewGuid(), "BRX" + Guid.NewGuid().ToString("N")[..8], "370100201000", "公司设立登记", Guid.NewGuid(),
            "不存在的单位", "379999", 2, "不满意", null)
        {
            OccurredAt = host.Clock.GetUtcNow(),
        };
        await DeliverAsync(e);
        await DeliverAsync(e);
        using var dispatcher = await host.DemoAsync("jn.dispatch");
        var board = await dispatcher.GetAsync("/api/hotline/tickets?view=board").OkAsync();
        board.EnumerateArray().ShouldNotContain(t => t.GetProperty("excerpt").GetString()!.Contains(e.CaseNumber, StringComparison.Ordinal));
        (await dispatcher.GetAsync("/api/hotline/tickets?view=board")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private async Task DeliverAsync(CaseRatedBadly e)
    {
        _ = host.Server;
        await using var scope = host.Services.CreateAsyncScope();
        var handlers = scope.ServiceProvider.GetServices<IIntegrationEventHandler<CaseRatedBadly>>().ToList();
        handlers.ShouldNotBeEmpty();
        foreach (var h in handlers) await h.HandleAsync(e, CancellationToken.None);
    }
}
