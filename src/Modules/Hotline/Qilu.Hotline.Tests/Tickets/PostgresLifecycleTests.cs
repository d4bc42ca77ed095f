using System.Net;
using System.Net.Http.Json;
using Qilu.Testing;
using Shouldly;

namespace Qilu.Hotline.Tests.Tickets;

/// <summary>The hotline on PostgreSQL (its own migrations, schema <c>hotline</c>); skipped without <c>QILU_TEST_POSTGRES</c>.</summary>
public sealed class PostgresLifecycleTests
{
    [Fact]
    public async Task Lifecycle_OnPostgres_ClosesAndServesOpen311()
    {
        Assert.SkipWhen(!PostgresQiluFixture.Available, "PostgreSQL suite skipped: set QILU_TEST_POSTGRES");
        await using var host = new PostgresHotlineHost();
        using var agent = await host.DemoAsync("jn.agent");
        using var dispatcher = await host.DemoAsync("jn.dispatch");
        using var unit = await host.DemoAsync("lx.cg");
        var t = await agent.SubmitAsync(Api.Call()).OkAsync(HttpStatusCode.Created);
        await dispatcher.ActAsync(t.Id(), "dispatch").OkAsync();
        await unit.ActAsync(t.Id(), "sign").OkAsync();
        await unit.ActAsync(t.Id(), "reply", new { result = "已处理" }).OkAsync();
        await dispatcher.ActAsync(t.Id(), "approve-reply").OkAsync();
        (await agent.ActAsync(t.Id(), "callback", new { satisfaction = "satisfied" }).OkAsync()).Status().ShouldBe("closed");
        var stale = await dispatcher.ActAsync(t.Id(), "dispatch", new { version = 0 }).OkAsync(HttpStatusCode.Conflict);
        stale.Codes().ShouldContain("hotline.version_conflict");
        using var anonymous = host.CreateClient();
        var list = await anonymous.GetStringAsync("/open311/v2/requests.json?status=closed");
        list.ShouldContain(t.GetProperty("number").GetString()!);
        (await host.SweepAsync()).ShouldBeGreaterThanOrEqualTo(0);

        // The knowledge base on PostgreSQL: the seeded articles, the index stamp query, 直办 recording article and version.
        var related = await agent.PostAsJsonAsync("/api/hotline/knowledge/related", new { content = "想问新生儿户口登记要带什么材料" }).OkAsync();
        var article = related.EnumerateArray().First().GetProperty("article");
        var call = await agent.SubmitAsync(Api.Call("想问新生儿户口登记要带什么材料", category: "070201")).OkAsync(HttpStatusCode.Created);
        var closed = await agent.ActAsync(call.Id(), "close-direct", new { articleId = article.GetProperty("id").GetGuid() }).OkAsync();
        closed.GetProperty("knowledgeArticleVersion").GetUInt32().ShouldBe(article.GetProperty("version").GetUInt32());
    }

    private sealed class PostgresHotlineHost() : HotlineHost(Qilu.Platform.Persistence.DatabaseProvider.PostgreSql);
}
