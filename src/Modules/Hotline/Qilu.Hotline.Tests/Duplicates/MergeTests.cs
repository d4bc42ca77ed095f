using System.Net;
using Shouldly;

namespace Qilu.Hotline.Tests.Duplicates;

/// <summary>并单: duplicates are suggested by category, place and text; merged tickets are answered together and each citizen is called back.</summary>
public sealed class MergeTests(HotlineHost host) : IClassFixture<HotlineHost>
{
    [Fact]
    public async Task Duplicates_WhenSameCategoryNearbyAndSimilarText_AreSuggestedAndOthersAreNot()
    {
        using var agent = await host.DemoAsync("jn.agent");
        var first = await agent.SubmitAsync(Api.Call("泉城路东口晚上有流动摊贩占道经营，油烟很大。")).OkAsync(HttpStatusCode.Created);
        var second = await agent.SubmitAsync(Api.Call("泉城路东口流动摊贩占道经营，晚上油烟太大了。")).OkAsync(HttpStatusCode.Created);
        var otherCategory = await agent.SubmitAsync(Api.Call("泉城路东口晚上有流动摊贩占道经营，油烟很大。", category: "010102")).OkAsync(HttpStatusCode.Created);
        var candidates = await agent.GetAsync($"/api/hotline/tickets/{second.Id()}/duplicates").OkAsync();
        var match = candidates.EnumerateArray().First(c => c.GetProperty("id").GetGuid() == first.Id());
        match.GetProperty("suggested").GetBoolean().ShouldBeTrue();
        match.GetProperty("metres").GetDouble().ShouldBe(0);
        candidates.EnumerateArray().ShouldNotContain(c => c.GetProperty("id").GetGuid() == otherCategory.Id());
    }

    [Fact]
    public async Task Merge_WhenTheTargetIsAnswered_EachCitizenGetsTheReplyAndACallback()
    {
        using var agent = await host.DemoAsync("jn.agent");
        using var dispatcher = await host.DemoAsync("jn.dispatch");
        using var unit = await host.DemoAsync("lx.cg");
        using var citizen = await host.CitizenAsync("张三");
        var main = await agent.SubmitAsync(Api.Call("文化东路路灯全部不亮。", category: "010302")).OkAsync(HttpStatusCode.Created);
        await dispatcher.ActAsync(main.Id(), "dispatch").OkAsync();
        var dup = await citizen.SubmitAsync(new { channel = "portal", content = "文化东路的路灯晚上都不亮。", divisionCode = "370102", address = "泉城路东口", categoryCode = "010302" })
            .OkAsync(HttpStatusCode.Created);

        (await dispatcher.ActAsync(dup.Id(), "merge", new { intoId = dup.Id() }).OkAsync(HttpStatusCode.BadRequest)).Codes().ShouldContain("merge.self");
        var other = await agent.SubmitAsync(Api.Call("别的问题", category: "010101")).OkAsync(HttpStatusCode.Created);
        (await dispatcher.ActAsync(dup.Id(), "merge", new { intoId = other.Id() }).OkAsync(HttpStatusCode.BadRequest)).Codes().ShouldContain("merge.category");
        var merged = await dispatcher.ActAsync(dup.Id(), "merge", new { intoId = main.Id() }).OkAsync();
        merged.Status().ShouldBe("merged");
        merged.Allowed().ShouldBeEmpty();

        await unit.ActAsync(main.Id(), "sign").OkAsync();
        await unit.ActAsync(main.Id(), "reply", new { result = "已更换文化东路全部路灯。" }).OkAsync();
        await dispatcher.ActAsync(main.Id(), "approve-reply").OkAsync();

        var mine = await citizen.GetAsync($"/api/hotline/tickets/{dup.Id()}").OkAsync();
        mine.Status().ShouldBe("awaiting_callback");
        mine.GetProperty("reply").GetString().ShouldBe("已更换文化东路全部路灯。");
        mine.GetProperty("timeline").EnumerateArray().ShouldContain(e => e.GetProperty("action").GetString() == "merged-reply");
        var closed = await agent.ActAsync(dup.Id(), "callback", new { satisfaction = "satisfied" }).OkAsync();
        closed.Status().ShouldBe("closed");
    }
}
