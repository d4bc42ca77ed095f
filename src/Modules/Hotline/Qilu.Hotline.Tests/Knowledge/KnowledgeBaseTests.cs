using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Shouldly;

namespace Qilu.Hotline.Tests.Knowledge;

/// <summary>
/// 知识库 through HTTP: Chinese search of the seeded articles, editing by the dispatcher (drafts hidden from agents,
/// versions, 409 on a stale edit, precise 400s), suggestions while the agent types, and 直办 from an article that the
/// ticket and the statistics record.
/// </summary>
public sealed class KnowledgeBaseTests(HotlineHost host) : IClassFixture<HotlineHost>
{
    [Fact]
    public async Task Search_WhenAnAgentTypesChineseWords_FindsThePublishedArticleButNoDraft()
    {
        using var agent = await host.DemoAsync("jn.agent");
        var page = await agent.GetAsync("/api/hotline/knowledge?q=" + Uri.EscapeDataString("新生儿 户口")).OkAsync();
        var titles = Titles(page);
        titles.ShouldContain("新生儿户口登记（出生登记）办理时限和材料");
        titles[0].ShouldStartWith("新生儿");
        // Filter by a level-1 branch: 民政 articles are under 110000; the 低保 article is a draft, so agents do not see it.
        Titles(await agent.GetAsync("/api/hotline/knowledge?q=" + Uri.EscapeDataString("低保")).OkAsync()).ShouldNotContain("低保申请条件和流程");
        var employment = await agent.GetAsync("/api/hotline/knowledge?category=040000").OkAsync();
        Titles(employment).ShouldContain("拖欠工资如何投诉");
        Titles(employment).ShouldNotContain("路灯不亮报修");
        (await agent.GetAsync("/api/hotline/knowledge?status=draft")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await agent.GetAsync("/api/hotline/knowledge?category=999999").OkAsync(HttpStatusCode.BadRequest)).Fields().ShouldContain("category");
        using var citizen = await host.CitizenAsync("张三");
        (await citizen.GetAsync("/api/hotline/knowledge?q=" + Uri.EscapeDataString("户口"))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Edit_WhenTheDispatcherWritesPublishesAndRevises_AgentsSeeOnlyPublishedVersions()
    {
        using var dispatcher = await host.DemoAsync("jn.dispatch");
        using var agent = await host.DemoAsync("jn.agent");
        var bad = await dispatcher.PostAsJsonAsync("/api/hotline/knowledge", new { title = " ", body = "正文", categoryCodes = new[] { "010000", "999999" }, matterCodes = new[] { "含 空格" } })
            .OkAsync(HttpStatusCode.BadRequest);
        bad.Fields().ShouldBe(["title", "categoryCodes", "categoryCodes", "matterCodes"], ignoreOrder: true);
        bad.Codes().ShouldContain("category.unknown");
        bad.Codes().ShouldContain("matter.code_format");
        (await agent.PostAsJsonAsync("/api/hotline/knowledge", new { title = "话务员不能写", body = "x", categoryCodes = new[] { "010101" } }))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var a = await dispatcher.PostAsJsonAsync("/api/hotline/knowledge", new
        {
            title = "共享单车乱停放怎么处理", body = "共享单车乱停放影响通行的，由属地城市管理部门督促运营企业30分钟内清理。", categoryCodes = new[] { "010101" }, matterCodes = Array.Empty<string>(),
        }).OkAsync(HttpStatusCode.Created);
        var id = a.GetProperty("id").GetGuid();
        a.GetProperty("status").GetString().ShouldBe("draft");
        a.GetProperty("canEdit").GetBoolean().ShouldBeTrue();
        (await agent.GetAsync($"/api/hotline/knowledge/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        Titles(await dispatcher.GetAsync("/api/hotline/knowledge?status=draft&q=" + Uri.EscapeDataString("共享单车")).OkAsync()).ShouldContain("共享单车乱停放怎么处理");

        a = await dispatcher.PostAsJsonAsync($"/api/hotline/knowledge/{id}/publish", new { version = a.GetProperty("version").GetUInt32() }).OkAsync();
        a.GetProperty("status").GetString().ShouldBe("published");
        (await dispatcher.PostAsJsonAsync($"/api/hotline/knowledge/{id}/publish", new { }).OkAsync(HttpStatusCode.Conflict)).Codes().ShouldContain("knowledge.status_unchanged");
        Titles(await agent.GetAsync("/api/hotline/knowledge?q=" + Uri.EscapeDataString("共享单车")).OkAsync()).ShouldContain("共享单车乱停放怎么处理");

        var seen = a.GetProperty("version").GetUInt32();
        var revised = await dispatcher.PutAsJsonAsync($"/api/hotline/knowledge/{id}", new
        {
            title = "共享单车乱停放怎么处理", body = "共享单车乱停放的，运营企业应在30分钟内清理；逾期由城市管理部门依法处置。", categoryCodes = new[] { "010101", "030202" }, version = seen,
        }).OkAsync();
        revised.GetProperty("version").GetUInt32().ShouldBe(seen + 1);
        revised.GetProperty("status").GetString().ShouldBe("published");
        var stale = await dispatcher.PutAsJsonAsync($"/api/hotline/knowledge/{id}", new { title = "旧版本", body = "x", categoryCodes = new[] { "010101" }, version = seen })
            .OkAsync(HttpStatusCode.Conflict);
        stale.Codes().ShouldContain("hotline.version_conflict");

        await dispatcher.PostAsJsonAsync($"/api/hotline/knowledge/{id}/withdraw", new { }).OkAsync();
        Titles(await agent.GetAsync("/api/hotline/knowledge?q=" + Uri.EscapeDataString("共享单车")).OkAsync()).ShouldNotContain("共享单车乱停放怎么处理");
        // Another city's supervisor does not manage 济南's articles.
        using var other = await host.OfficialAsync("qd.cdo1", "bigdata", "370200", ["official", "chief_data_officer"]);
        (await other.PostAsJsonAsync($"/api/hotline/knowledge/{id}/publish", new { })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task CloseDirect_WhenTheAgentAnswersFromASuggestedArticle_RecordsArticleAndVersionAndCountsAsDirect()
    {
        using var agent = await host.DemoAsync("jn.agent");
        using var dispatcher = await host.DemoAsync("jn.dispatch");
        const string content = "我家孩子上周刚出生，想问一下新生儿户口登记要带什么材料，多长时间内要办？";
        var related = await agent.PostAsJsonAsync("/api/hotline/knowledge/related", new { content }).OkAsync();
        var first = related.EnumerateArray().Select(h => h.GetProperty("article"))
            .First(x => x.GetProperty("title").GetString() == "新生儿户口登记（出生登记）办理时限和材料");
        var articleId = first.GetProperty("id").GetGuid();
        var version = first.GetProperty("version").GetUInt32();

        var t = await agent.SubmitAsync(Api.Call(content, category: "070201")).OkAsync(HttpStatusCode.Created);
        var draft = (await dispatcher.GetAsync("/api/hotline/knowledge?status=draft&q=" + Uri.EscapeDataString("低保")).OkAsync())
            .GetProperty("items")[0].GetProperty("article").GetProperty("id").GetGuid();
        var refused = await agent.ActAsync(t.Id(), "close-direct", new { articleId = draft }).OkAsync(HttpStatusCode.BadRequest);
        refused.Codes().ShouldContain("knowledge.not_published");

        t = await agent.ActAsync(t.Id(), "close-direct", new { articleId }).OkAsync();
        t.Status().ShouldBe("closed");
        t.GetProperty("closedDirectly").GetBoolean().ShouldBeTrue();
        t.GetProperty("knowledgeArticleId").GetGuid().ShouldBe(articleId);
        t.GetProperty("knowledgeArticleVersion").GetUInt32().ShouldBe(version);
        t.GetProperty("reply").GetString().ShouldBe(first.GetProperty("body").GetString());
        t.GetProperty("timeline").EnumerateArray().Last().GetProperty("note").GetString().ShouldStartWith("依据知识库《");

        var stats = await dispatcher.GetAsync("/api/hotline/statistics?by=channel").OkAsync();
        stats.GetProperty("total").GetProperty("closedDirectly").GetInt32().ShouldBeGreaterThanOrEqualTo(1);
        stats.GetProperty("total").GetProperty("fromKnowledge").GetInt32().ShouldBeGreaterThanOrEqualTo(1);
    }

    [Fact]
    public async Task Related_WhenTheContentIsAboutSomethingElse_SuggestsNothingUnrelated()
    {
        using var agent = await host.DemoAsync("jn.agent");
        var related = await agent.PostAsJsonAsync("/api/hotline/knowledge/related", new { content = "晚上十一点多工地还在施工，噪音太大了，孩子没法睡觉。" }).OkAsync();
        var titles = related.EnumerateArray().Select(h => h.GetProperty("article").GetProperty("title").GetString()).ToList();
        titles.ShouldNotBeEmpty();
        titles[0].ShouldBe("施工噪音扰民的夜间施工规定");
        titles.ShouldNotContain("新生儿户口登记（出生登记）办理时限和材料");
    }

    private static List<string> Titles(JsonElement page) =>
        [.. page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("article").GetProperty("title").GetString()!)];
}
