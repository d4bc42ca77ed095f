using System.Net;
using System.Net.Http.Json;
using Shouldly;

namespace Qilu.Hotline.Tests.Tickets;

/// <summary>Confidential tickets, the scope matrix and bad input.</summary>
public sealed class TicketAccessTests(HotlineHost host) : IClassFixture<HotlineHost>
{
    [Fact]
    public async Task Confidential_WhenReadByTheHandlingUnit_HidesTheCallerAndRefusesToReveal()
    {
        using var agent = await host.DemoAsync("jn.agent");
        using var dispatcher = await host.DemoAsync("jn.dispatch");
        using var unit = await host.DemoAsync("lx.cg");
        var t = await agent.SubmitAsync(Api.Call(confidential: true)).OkAsync(HttpStatusCode.Created);
        await dispatcher.ActAsync(t.Id(), "dispatch").OkAsync();
        var seen = await unit.GetAsync($"/api/hotline/tickets/{t.Id()}").OkAsync();
        seen.GetProperty("callerHidden").GetBoolean().ShouldBeTrue();
        seen.GetProperty("callerPhone").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
        (await unit.PostAsync($"/api/hotline/tickets/{t.Id()}/caller", null).OkAsync(HttpStatusCode.Forbidden)).Codes().ShouldContain("hotline.confidential");
        var revealed = await dispatcher.PostAsync($"/api/hotline/tickets/{t.Id()}/caller", null).OkAsync();
        revealed.GetProperty("phone").GetString().ShouldBe("13905310001");
        revealed.GetProperty("name").GetString().ShouldBe("刘女士");
    }

    [Fact]
    public async Task Caller_WhenNotConfidential_IsMaskedInViewsAndRevealedToTheUnit()
    {
        using var agent = await host.DemoAsync("jn.agent");
        using var dispatcher = await host.DemoAsync("jn.dispatch");
        using var unit = await host.DemoAsync("lx.cg");
        var t = await agent.SubmitAsync(Api.Call()).OkAsync(HttpStatusCode.Created);
        await dispatcher.ActAsync(t.Id(), "dispatch").OkAsync();
        var seen = await unit.GetAsync($"/api/hotline/tickets/{t.Id()}").OkAsync();
        seen.GetProperty("callerName").GetString().ShouldBe("刘**");
        seen.GetProperty("callerPhone").GetString().ShouldBe("139****0001");
        (await unit.PostAsync($"/api/hotline/tickets/{t.Id()}/caller", null).OkAsync()).GetProperty("phone").GetString().ShouldBe("13905310001");
    }

    [Fact]
    public async Task Scope_WhenOutsideTheDivisionOrUnit_TicketIsNotFoundAndListsStayEmpty()
    {
        using var agent = await host.DemoAsync("jn.agent");
        using var dispatcher = await host.DemoAsync("jn.dispatch");
        var t = await agent.SubmitAsync(Api.Call()).OkAsync(HttpStatusCode.Created);
        await dispatcher.ActAsync(t.Id(), "dispatch").OkAsync();

        using var shinan = await host.DemoAsync("sn.official");        // 市南区 supervisor: another city
        using var otherUnit = await host.OfficialAsync("lx.health2", "health", "370102");   // a 历下 unit it was not dispatched to
        using var lixia = await host.DemoAsync("lx.official");         // 历下区 supervisor: sees it
        using var citizen = await host.CitizenAsync("张三");
        (await shinan.GetAsync($"/api/hotline/tickets/{t.Id()}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await otherUnit.GetAsync($"/api/hotline/tickets/{t.Id()}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await citizen.GetAsync($"/api/hotline/tickets/{t.Id()}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await lixia.GetAsync($"/api/hotline/tickets/{t.Id()}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await shinan.GetAsync("/api/hotline/tickets?view=supervised").OkAsync()).EnumerateArray().ShouldNotContain(i => i.GetProperty("id").GetGuid() == t.Id());
        (await otherUnit.GetAsync("/api/hotline/tickets?view=inbox").OkAsync()).EnumerateArray().ShouldNotContain(i => i.GetProperty("id").GetGuid() == t.Id());
        (await shinan.ActAsync(t.Id(), "supervise", new { instruction = "越权督办" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await citizen.GetAsync("/api/hotline/tickets?view=board")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Submit_WhenTheAgentRecordsATicketOutsideTheirCity_IsRefused()
    {
        using var agent = await host.DemoAsync("jn.agent");
        var problem = await agent.SubmitAsync(Api.Call(division: "370202")).OkAsync(HttpStatusCode.BadRequest);
        problem.Codes().ShouldContain("division.outside_scope");
    }

    [Fact]
    public async Task Submit_ByACitizenOnThePortal_ShowsUnderMyRequestsWithoutInternalNotes()
    {
        using var citizen = await host.CitizenAsync("张三");
        using var dispatcher = await host.DemoAsync("jn.dispatch");
        var t = await citizen.SubmitAsync(new { channel = "complaint", content = "办事大厅排队两个小时，窗口只开了一个。", divisionCode = "370102", address = "历下区政务服务中心", categoryCode = "120201" })
            .OkAsync(HttpStatusCode.Created);
        t.GetProperty("channel").GetString().ShouldBe("complaint");
        (await citizen.SubmitAsync(new { channel = "hotline", content = "x", divisionCode = "370102", address = "x", categoryCode = "120201" })
            .OkAsync(HttpStatusCode.BadRequest)).Codes().ShouldContain("channel.unknown");
        await dispatcher.ActAsync(t.Id(), "dispatch", new { note = "内部意见：重点关注" }).OkAsync();
        var mine = await citizen.GetAsync("/api/hotline/tickets?view=mine").OkAsync();
        mine.EnumerateArray().ShouldContain(i => i.GetProperty("id").GetGuid() == t.Id());
        var detail = await citizen.GetAsync($"/api/hotline/tickets/{t.Id()}").OkAsync();
        detail.Status().ShouldBe("dispatched");
        detail.Allowed().ShouldBeEmpty();
        detail.GetProperty("timeline").EnumerateArray().ShouldAllBe(e => e.GetProperty("actorName").GetString() == "");
    }

    [Theory]
    [InlineData("content", "", "required")]
    [InlineData("content", "LONG", "max_length")]
    [InlineData("divisionCode", "379999", "division.unknown")]
    [InlineData("divisionCode", "12", "division_code.length")]
    [InlineData("callerPhone", "1234", "")]
    [InlineData("latitude", "91", "coordinates.range")]
    [InlineData("categoryCode", "999999", "category.unknown")]
    [InlineData("categoryCode", "010100", "category.unknown")]
    [InlineData("urgency", "whenever", "urgency.unknown")]
    public async Task Submit_WithBadInput_NamesTheFieldAndTheRule(string field, string value, string code)
    {
        using var agent = await host.DemoAsync("jn.agent");
        var body = new Dictionary<string, object?>
        {
            ["channel"] = "hotline", ["callerName"] = "刘女士", ["callerPhone"] = "13905310001", ["content"] = "路灯坏了", ["divisionCode"] = "370102",
            ["address"] = "泉城路", ["latitude"] = 36.66, ["longitude"] = 117.02, ["categoryCode"] = "010302", ["urgency"] = "normal",
        };
        body[field] = field == "latitude" ? double.Parse(value, System.Globalization.CultureInfo.InvariantCulture) : value == "LONG" ? new string('长', 4001) : value;
        var before = (await agent.GetAsync("/api/hotline/tickets?view=recent").OkAsync()).GetArrayLength();
        var problem = await agent.PostAsJsonAsync("/api/hotline/tickets", body).OkAsync(HttpStatusCode.BadRequest);
        problem.Fields().ShouldContain(field);
        if (code.Length > 0) problem.Codes().ShouldContain(code);
        (await agent.GetAsync("/api/hotline/tickets?view=recent").OkAsync()).GetArrayLength().ShouldBe(before);
    }
}
