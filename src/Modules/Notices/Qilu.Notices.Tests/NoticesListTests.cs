using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Shouldly;
using static Qilu.Notices.Tests.NoticesCalls;

namespace Qilu.Notices.Tests;

/// <summary>
/// GET /api/notices as the portal's 通知公告 list uses it: anonymous, public notices only, paged, with a keyword and a
/// category filter. Written once, run on SQLite and on PostgreSQL (each test tags its notices with a keyword no other
/// notice carries, so the tests of one host do not see each other's rows).
/// </summary>
public abstract class NoticesListTestsBase(NoticesFixture fixture)
{
    private static string NewTag() => "批次" + Guid.NewGuid().ToString("N")[..8];

    private async Task PublishPublicAsync(HttpClient api, string title, string category = "notice", string body = "正文。")
    {
        await PublishAsync(api, await CreateAsync(api, Draft(title, audience: "public", category: category, body: body)));
        // Distinct publication instants make "newest first" checkable on the fake clock.
        fixture.Host.Clock.Advance(TimeSpan.FromMinutes(1));
    }

    [Fact]
    public async Task List_WhenAnonymous_ShowsPublishedPublicNoticesButNoInternalDraftOrWithdrawnOnes()
    {
        var province = await fixture.Host.As("sd.cdo");
        var jinan = await fixture.Host.As("jn.official");
        using var anon = fixture.Host.CreateClient();
        var tag = NewTag();
        await PublishPublicAsync(province, $"公开公告{tag}");
        await PublishAsync(jinan, await CreateAsync(jinan, Draft($"内部通知{tag}")));
        await CreateAsync(province, Draft($"公开草稿{tag}", audience: "public"));
        var withdrawn = await PublishAsync(province, await CreateAsync(province, Draft($"撤回公告{tag}", audience: "public")));
        var withdraw = await province.PostAsJsonAsync($"/api/notices/{withdrawn.GetProperty("id").GetGuid()}/withdraw",
            new { version = withdrawn.GetProperty("version").GetUInt32(), reason = "内容有误" });
        withdraw.StatusCode.ShouldBe(HttpStatusCode.OK, await withdraw.Content.ReadAsStringAsync());

        (await TitlesAsync(anon, $"q={tag}")).ShouldBe([$"公开公告{tag}"]);
        (await TitlesAsync(jinan, $"q={tag}")).ShouldBe([$"公开公告{tag}", $"内部通知{tag}"], ignoreOrder: true,
            "the same list signed in as 济南 also carries its internal notice: the anonymous view is the public one");
        var item = (await Json(await anon.GetAsync($"/api/notices?q={tag}"))).GetProperty("items")[0];
        item.GetProperty("audience").GetString().ShouldBe("public");
        item.GetProperty("unitName").GetString().ShouldBe("山东省大数据局");
        item.GetProperty("category").GetString().ShouldBe("notice");
        item.GetProperty("publishedAt").ValueKind.ShouldBe(JsonValueKind.String);
    }

    [Fact]
    public async Task List_WhenPaged_SplitsNewestFirstAndCountsEveryMatch()
    {
        var province = await fixture.Host.As("sd.cdo");
        using var anon = fixture.Host.CreateClient();
        var tag = NewTag();
        for (var i = 1; i <= 5; i++) await PublishPublicAsync(province, $"分页公告{i}{tag}");

        var first = await Json(await anon.GetAsync($"/api/notices?q={tag}&pageSize=2"));
        first.GetProperty("total").GetInt64().ShouldBe(5);
        first.GetProperty("page").GetInt32().ShouldBe(1);
        first.GetProperty("size").GetInt32().ShouldBe(2);
        (await TitlesAsync(anon, $"q={tag}&pageSize=2")).ShouldBe([$"分页公告5{tag}", $"分页公告4{tag}"]);
        (await TitlesAsync(anon, $"q={tag}&pageSize=2&page=2")).ShouldBe([$"分页公告3{tag}", $"分页公告2{tag}"]);
        (await TitlesAsync(anon, $"q={tag}&pageSize=2&page=3")).ShouldBe([$"分页公告1{tag}"]);
        (await TitlesAsync(anon, $"q={tag}&pageSize=2&page=4")).ShouldBeEmpty();
        // (page - 1) * pageSize beyond int must stay an empty page, not an overflow into a negative offset.
        var far = await Json(await anon.GetAsync($"/api/notices?q={tag}&pageSize=200&page={int.MaxValue}"));
        far.GetProperty("items").GetArrayLength().ShouldBe(0);
        far.GetProperty("total").GetInt64().ShouldBe(5);
    }

    [Fact]
    public async Task List_WhenKeyword_MatchesTitleOrTextLiterally()
    {
        var province = await fixture.Host.As("sd.cdo");
        using var anon = fixture.Host.CreateClient();
        var tag = NewTag();
        await PublishPublicAsync(province, $"标题含关键词{tag}");
        await PublishPublicAsync(province, "正文含关键词的公告", body: $"第一段。\n本段提到{tag}。");

        (await TitlesAsync(anon, $"q={tag}")).ShouldBe(["正文含关键词的公告", $"标题含关键词{tag}"]);
        (await TitlesAsync(anon, $"q=%20{tag}%20")).Count.ShouldBe(2, "the keyword is trimmed");
        // "%" is no wildcard: only the seeded notice whose text says "60%" matches, not every notice.
        var percent = await TitlesAsync(anon, "q=%25&pageSize=200");
        percent.ShouldContain("全省“一件事”集成服务上线运行");
        percent.ShouldNotContain("关于全面推行“免申即享”政策兑现服务的公告");
        (await TitlesAsync(anon, "q=%20&pageSize=200")).ShouldContain("关于全面推行“免申即享”政策兑现服务的公告", "a blank keyword filters nothing");

        var tooLong = await anon.GetAsync("/api/notices?q=" + new string('字', 101));
        var error = await ErrorAsync(tooLong, HttpStatusCode.BadRequest);
        error.GetProperty("field").GetString().ShouldBe("q");
        error.GetProperty("code").GetString().ShouldBe("max_length");
    }

    [Fact]
    public async Task List_WhenCategoryAndKeyword_KeepsOnlyNoticesMatchingBoth()
    {
        var province = await fixture.Host.As("sd.cdo");
        using var anon = fixture.Host.CreateClient();
        var tag = NewTag();
        foreach (var category in new[] { "notice", "announcement", "work_news" }) await PublishPublicAsync(province, $"{category}{tag}", category);

        (await TitlesAsync(anon, $"q={tag}&category=announcement")).ShouldBe([$"announcement{tag}"]);
        (await TitlesAsync(anon, $"q={tag}&category=work_news")).ShouldBe([$"work_news{tag}"]);
        (await TitlesAsync(anon, $"q={tag}")).Count.ShouldBe(3);
        var bad = await anon.GetAsync($"/api/notices?q={tag}&category=gossip");
        (await ErrorAsync(bad, HttpStatusCode.BadRequest)).GetProperty("field").GetString().ShouldBe("category");
    }

    /// <summary>Query, the field the 400 must name, and the rule.</summary>
    public static TheoryData<string, string, string> BadPaging => new()
    {
        { "page=0", "page", "paging.page" },
        { "page=-3", "page", "paging.page" },
        { "page=abc", "page", "paging.integer" },
        { "pageSize=0", "pageSize", "paging.size" },
        { "pageSize=201", "pageSize", "paging.size" },
        { "pageSize=1e3", "pageSize", "paging.integer" },
    };

    [Theory]
    [MemberData(nameof(BadPaging))]
    public async Task List_WhenPagingIsOutOfRange_Answers400ProblemNamingTheField(string query, string field, string code)
    {
        using var anon = fixture.Host.CreateClient();
        var r = await anon.GetAsync("/api/notices?" + query);
        var error = await ErrorAsync(r, HttpStatusCode.BadRequest);
        r.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        error.GetProperty("field").GetString().ShouldBe(field);
        error.GetProperty("code").GetString().ShouldBe(code);
    }

    [Fact]
    public async Task List_WhenPageAndSizeBothBad_NamesBothFields()
    {
        using var anon = fixture.Host.CreateClient();
        var r = await anon.GetAsync("/api/notices?page=0&pageSize=500");
        r.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var fields = (await Json(r)).GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("field").GetString()).ToList();
        fields.ShouldBe(["page", "pageSize"], ignoreOrder: true);
    }
}

public sealed class NoticesListTests(NoticesSqliteFixture fixture) : NoticesListTestsBase(fixture), IClassFixture<NoticesSqliteFixture>;

public sealed class NoticesListPostgresTests(NoticesPostgresFixture fixture) : NoticesListTestsBase(fixture), IClassFixture<NoticesPostgresFixture>;
