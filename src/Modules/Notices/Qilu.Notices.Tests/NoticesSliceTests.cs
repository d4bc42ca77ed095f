using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Qilu.Platform.Hosting;
using Qilu.Platform.Modules;
using Qilu.SharedKernel.Actors;
using Shouldly;
using static Qilu.Notices.Tests.NoticesCalls;

namespace Qilu.Notices.Tests;

/// <summary>Notices through HTTP on the seeded demo province: written once, run on SQLite and on PostgreSQL.</summary>
public abstract class NoticesSliceTestsBase(NoticesFixture fixture)
{
    private NoticesHost Host => fixture.Host;

    private async Task<IReadOnlyList<NoticeSummary>> FeedAsync(Actor actor, bool publicOnly)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<INoticeFeed>().LatestAsync(actor, publicOnly, 50, CancellationToken.None);
    }

    private static Actor Official(string division) => new(ActorKind.Official, "test", "测试", division, Guid.NewGuid(),
        new HashSet<string>(), new HashSet<string>(), RealNameLevel.None);

    [Fact]
    public async Task Publish_WhenInternalCityNotice_ReachesLowerDivisionButNotSiblingCity()
    {
        var jinan = await Host.As("jn.official");
        var lixia = await Host.As("lx.official");
        var shinan = await Host.As("sn.official");
        using var anon = Host.CreateClient();
        var draft = await CreateAsync(jinan, Draft("济南内部通知·可见性"));
        draft.GetProperty("status").GetString().ShouldBe("draft");
        draft.GetProperty("unitName").GetString().ShouldBe("济南市大数据局");
        draft.GetProperty("divisionCode").GetString().ShouldBe("370100");
        var id = draft.GetProperty("id").GetGuid();
        (await lixia.GetAsync($"/api/notices/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound, "a draft stays inside its unit");

        var published = await PublishAsync(jinan, draft);
        published.GetProperty("status").GetString().ShouldBe("published");

        var read = await lixia.GetAsync($"/api/notices/{id}");
        read.StatusCode.ShouldBe(HttpStatusCode.OK);
        var detail = await Json(read);
        detail.GetProperty("paragraphs").EnumerateArray().Select(p => p.GetString()).ShouldBe(["第一段。", "第二段。"]);
        detail.GetProperty("canEdit").GetBoolean().ShouldBeFalse("历下区民政局 is not the publishing unit");
        (await TitlesAsync(lixia)).ShouldContain("济南内部通知·可见性");

        (await shinan.GetAsync($"/api/notices/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await TitlesAsync(shinan)).ShouldNotContain("济南内部通知·可见性");
        (await anon.GetAsync($"/api/notices/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await TitlesAsync(anon)).ShouldNotContain("济南内部通知·可见性");

        (await FeedAsync(Official("370102"), publicOnly: false)).Select(n => n.Title).ShouldContain("济南内部通知·可见性");
        (await FeedAsync(Official("370102"), publicOnly: true)).Select(n => n.Title).ShouldNotContain("济南内部通知·可见性");
        (await FeedAsync(Official("370202"), publicOnly: false)).Select(n => n.Title).ShouldNotContain("济南内部通知·可见性");
        (await FeedAsync(Official("370000"), publicOnly: false)).Select(n => n.Title).ShouldNotContain("济南内部通知·可见性", "an internal notice reaches lower levels, not higher ones");
    }

    [Fact]
    public async Task Publish_WhenPublicNotice_IsReadAnonymouslyAndImportantInTheFeed()
    {
        var province = await Host.As("sd.cdo");
        using var anon = Host.CreateClient();
        var draft = await CreateAsync(province, Draft("全省公开公告·匿名可见", audience: "public", importance: "important"));
        var id = draft.GetProperty("id").GetGuid();
        (await anon.GetAsync($"/api/notices/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound, "not yet published");
        await PublishAsync(province, draft);

        var read = await anon.GetAsync($"/api/notices/{id}");
        read.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Json(read)).GetProperty("audience").GetString().ShouldBe("public");
        (await TitlesAsync(anon)).ShouldContain("全省公开公告·匿名可见");
        var summary = (await FeedAsync(Actor.Anonymous, publicOnly: true)).Single(n => n.Id == id);
        summary.Important.ShouldBeTrue();
        summary.UnitName.ShouldBe("山东省大数据局");
        summary.IsPublic.ShouldBeTrue();
    }

    [Fact]
    public async Task List_WhenCategoryFilter_KeepsThatCategoryNewestFirst()
    {
        using var anon = Host.CreateClient();
        var page = await Json(await anon.GetAsync("/api/notices?category=announcement"));
        var items = page.GetProperty("items").EnumerateArray().ToList();
        items.ShouldNotBeEmpty();
        items.ShouldAllBe(i => i.GetProperty("category").GetString() == "announcement");
        var all = (await Json(await anon.GetAsync("/api/notices?pageSize=200"))).GetProperty("items").EnumerateArray()
            .Select(i => i.GetProperty("publishedAt").GetDateTimeOffset()).ToList();
        all.ShouldBe(all.OrderByDescending(d => d).ToList());
        var bad = await anon.GetAsync("/api/notices?category=gossip");
        (await ErrorAsync(bad, HttpStatusCode.BadRequest)).GetProperty("field").GetString().ShouldBe("category");
    }

    [Fact]
    public async Task Create_WhenTitleEmptyAndBodyTooLong_Answers400NamingEachField()
    {
        var jinan = await Host.As("jn.official");
        var r = await jinan.PostAsJsonAsync("/api/notices", new { title = " ", body = new string('字', 20_001), category = "notice", audience = "internal" });
        r.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await Json(r)).GetProperty("errors").EnumerateArray()
            .Select(e => (e.GetProperty("field").GetString(), e.GetProperty("code").GetString())).ToList();
        errors.ShouldContain(("title", "required"));
        errors.ShouldContain(("body", "max_length"));
        var badAudience = await jinan.PostAsJsonAsync("/api/notices", new { title = "标题", body = "正文", category = "notice", audience = "everyone" });
        (await ErrorAsync(badAudience, HttpStatusCode.BadRequest)).GetProperty("field").GetString().ShouldBe("audience");
    }

    [Fact]
    public async Task Withdraw_WhenReasonMissing_Answers400NamingReasonAndWithReasonDropsFromFeeds()
    {
        var province = await Host.As("sd.cdo");
        using var anon = Host.CreateClient();
        var notice = await PublishAsync(province, await CreateAsync(province, Draft("将被撤回的公告", audience: "public")));
        var id = notice.GetProperty("id").GetGuid();
        (await FeedAsync(Actor.Anonymous, publicOnly: true)).Select(n => n.Id).ShouldContain(id);

        var noReason = await province.PostAsJsonAsync($"/api/notices/{id}/withdraw", new { version = notice.GetProperty("version").GetUInt32(), reason = "" });
        var error = await ErrorAsync(noReason, HttpStatusCode.BadRequest);
        error.GetProperty("field").GetString().ShouldBe("reason");
        error.GetProperty("code").GetString().ShouldBe("required");

        var withdrawn = await province.PostAsJsonAsync($"/api/notices/{id}/withdraw", new { version = notice.GetProperty("version").GetUInt32(), reason = "内容有误，更正后重新发布" });
        withdrawn.StatusCode.ShouldBe(HttpStatusCode.OK, await withdrawn.Content.ReadAsStringAsync());
        (await Json(withdrawn)).GetProperty("withdrawReason").GetString().ShouldBe("内容有误，更正后重新发布");
        (await FeedAsync(Actor.Anonymous, publicOnly: true)).Select(n => n.Id).ShouldNotContain(id);
        (await anon.GetAsync($"/api/notices/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var mine = await Json(await province.GetAsync("/api/notices?mine=true&pageSize=200"));
        mine.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetGuid() == id).GetProperty("status").GetString().ShouldBe("withdrawn");
    }

    [Fact]
    public async Task Correct_WhenPublished_KeepsTheLinkShowsTheNoteAndKeepsTheOldTextForTheUnit()
    {
        var province = await Host.As("sd.cdo");
        using var anon = Host.CreateClient();
        var notice = await PublishAsync(province, await CreateAsync(province, Draft("更正前的公告标题", audience: "public")));
        var id = notice.GetProperty("id").GetGuid();
        var version = notice.GetProperty("version").GetUInt32();
        notice.GetProperty("corrections").GetArrayLength().ShouldBe(0);

        var corrected = await province.PostAsJsonAsync($"/api/notices/{id}/correct", new
        {
            version, title = "更正后的公告标题", body = "第一段已更正。\n第二段。", category = "announcement", importance = "important", note = "第一段日期有误，已更正",
        });
        corrected.StatusCode.ShouldBe(HttpStatusCode.OK, await corrected.Content.ReadAsStringAsync());
        var after = await Json(corrected);
        after.GetProperty("status").GetString().ShouldBe("published");
        after.GetProperty("audience").GetString().ShouldBe("public");
        after.GetProperty("version").GetUInt32().ShouldBeGreaterThan(version);
        var mine = after.GetProperty("corrections").EnumerateArray().Single();
        mine.GetProperty("number").GetInt32().ShouldBe(1);
        mine.GetProperty("previousTitle").GetString().ShouldBe("更正前的公告标题");
        mine.GetProperty("previousBody").GetString().ShouldBe("第一段。\n\n第二段。");
        mine.GetProperty("correctedBy").GetString().ShouldNotBeNullOrEmpty();

        // The public reads the corrected text, the note and the date — not the old text or who corrected it.
        var read = await Json(await anon.GetAsync($"/api/notices/{id}"));
        read.GetProperty("title").GetString().ShouldBe("更正后的公告标题");
        read.GetProperty("importance").GetString().ShouldBe("important");
        read.GetProperty("correctedAt").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.String);
        var shown = read.GetProperty("corrections").EnumerateArray().Single();
        shown.GetProperty("note").GetString().ShouldBe("第一段日期有误，已更正");
        shown.GetProperty("previousTitle").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
        shown.GetProperty("previousBody").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
        shown.GetProperty("correctedBy").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
        (await TitlesAsync(anon)).ShouldContain("更正后的公告标题");

        // A second correction is number 2; the first one's old text stays.
        var second = await Json(await province.PostAsJsonAsync($"/api/notices/{id}/correct", new
        {
            version = after.GetProperty("version").GetUInt32(), title = "更正后的公告标题", body = "第一段已更正。\n第二段也已更正。", category = "announcement",
            importance = "important", note = "第二段补充说明",
        }));
        second.GetProperty("corrections").EnumerateArray().Select(c => (c.GetProperty("number").GetInt32(), c.GetProperty("previousTitle").GetString()))
            .ShouldBe([(1, "更正前的公告标题"), (2, "更正后的公告标题")]);
    }

    [Fact]
    public async Task Correct_WhenBadInput_AnswersTheRuleAndChangesNothing()
    {
        var jinan = await Host.As("jn.official");
        var lixia = await Host.As("lx.official");
        var draft = await CreateAsync(jinan, Draft("济南通知·更正规则"));
        var id = draft.GetProperty("id").GetGuid();
        object Correction(uint version, string? note, string title = "济南通知·更正规则（更正）") =>
            new { version, title, body = "第一段。\n\n第二段。", category = "notice", importance = "normal", note };

        var ofDraft = await jinan.PostAsJsonAsync($"/api/notices/{id}/correct", Correction(draft.GetProperty("version").GetUInt32(), "草稿不能更正"));
        ofDraft.StatusCode.ShouldBe(HttpStatusCode.Conflict, "a draft is edited, not corrected");

        var published = await PublishAsync(jinan, draft);
        var v = published.GetProperty("version").GetUInt32();
        var noNote = await ErrorAsync(await jinan.PostAsJsonAsync($"/api/notices/{id}/correct", Correction(v, " ")), HttpStatusCode.BadRequest);
        (noNote.GetProperty("field").GetString(), noNote.GetProperty("code").GetString()).ShouldBe(("note", "required"));
        var unchanged = await ErrorAsync(await jinan.PostAsJsonAsync($"/api/notices/{id}/correct", Correction(v, "没有改动", "济南通知·更正规则")), HttpStatusCode.BadRequest);
        unchanged.GetProperty("code").GetString().ShouldBe("notice.correction_unchanged");
        var noTitle = await ErrorAsync(await jinan.PostAsJsonAsync($"/api/notices/{id}/correct", Correction(v, "删除标题", "")), HttpStatusCode.BadRequest);
        noTitle.GetProperty("field").GetString().ShouldBe("title");
        var stale = await ErrorAsync(await jinan.PostAsJsonAsync($"/api/notices/{id}/correct", Correction(v - 1, "旧版本")), HttpStatusCode.Conflict);
        stale.GetProperty("field").GetString().ShouldBe("version");
        var otherUnit = await lixia.PostAsJsonAsync($"/api/notices/{id}/correct", Correction(v, "越权更正"));
        otherUnit.StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var now = await Json(await jinan.GetAsync($"/api/notices/{id}"));
        now.GetProperty("title").GetString().ShouldBe("济南通知·更正规则");
        now.GetProperty("version").GetUInt32().ShouldBe(v);
        now.GetProperty("corrections").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task Correct_WhenTwoCorrectionsRaceOnOneVersion_OneWinsAndTheOtherGets409()
    {
        var jinan = await Host.As("jn.official");
        var published = await PublishAsync(jinan, await CreateAsync(jinan, Draft("并发更正")));
        var id = published.GetProperty("id").GetGuid();
        var v = published.GetProperty("version").GetUInt32();
        var attempts = await Task.WhenAll(Enumerable.Range(1, 4).Select(i => jinan.PostAsJsonAsync($"/api/notices/{id}/correct",
            new { version = v, title = $"并发更正（{i}）", body = "第一段。\n第二段。", category = "notice", importance = "normal", note = $"第 {i} 份更正" })));
        attempts.Count(r => r.StatusCode == HttpStatusCode.OK).ShouldBe(1);
        attempts.Count(r => r.StatusCode == HttpStatusCode.Conflict).ShouldBe(3);
        var now = await Json(await jinan.GetAsync($"/api/notices/{id}"));
        now.GetProperty("corrections").GetArrayLength().ShouldBe(1);
    }

    [Fact]
    public async Task Feeds_WhenValidityEnds_DropTheNotice()
    {
        var province = await Host.As("sd.cdo");
        using var anon = Host.CreateClient();
        var until = Host.Clock.GetUtcNow().AddMinutes(1);
        var notice = await PublishAsync(province, await CreateAsync(province, Draft("限时公告", audience: "public", validUntil: until)));
        var id = notice.GetProperty("id").GetGuid();
        (await FeedAsync(Actor.Anonymous, publicOnly: true)).Select(n => n.Id).ShouldContain(id);
        (await TitlesAsync(anon)).ShouldContain("限时公告");

        Host.Clock.Advance(TimeSpan.FromMinutes(2));
        (await FeedAsync(Actor.Anonymous, publicOnly: true)).Select(n => n.Id).ShouldNotContain(id);
        (await TitlesAsync(anon)).ShouldNotContain("限时公告");
        var byLink = await Json(await anon.GetAsync($"/api/notices/{id}"));
        byLink.GetProperty("expired").GetBoolean().ShouldBeTrue("an expired notice stays readable by its link and says so");

        var past = await province.PostAsJsonAsync("/api/notices", Draft("过期草稿", validUntil: Host.Clock.GetUtcNow().AddMinutes(-1)));
        (await ErrorAsync(past, HttpStatusCode.BadRequest)).GetProperty("field").GetString().ShouldBe("validUntil");
    }

    [Fact]
    public async Task Update_WhenVersionIsStale_Answers409NamingVersion()
    {
        var jinan = await Host.As("jn.official");
        var draft = await CreateAsync(jinan, Draft("并发编辑"));
        var id = draft.GetProperty("id").GetGuid();
        var v1 = draft.GetProperty("version").GetUInt32();
        var first = await jinan.PutAsJsonAsync($"/api/notices/{id}", new { version = v1, title = "并发编辑（一）", body = "正文", category = "work_news", audience = "internal" });
        first.StatusCode.ShouldBe(HttpStatusCode.OK, await first.Content.ReadAsStringAsync());
        (await Json(first)).GetProperty("category").GetString().ShouldBe("work_news");
        var stale = await jinan.PutAsJsonAsync($"/api/notices/{id}", new { version = v1, title = "并发编辑（二）", body = "正文", category = "notice", audience = "internal" });
        (await ErrorAsync(stale, HttpStatusCode.Conflict)).GetProperty("field").GetString().ShouldBe("version");
        var stalePublish = await jinan.PostAsJsonAsync($"/api/notices/{id}/publish", new { version = v1 });
        stalePublish.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await Json(await jinan.GetAsync($"/api/notices/{id}"))).GetProperty("title").GetString().ShouldBe("并发编辑（一）");
    }

    [Fact]
    public async Task Manage_WhenNotOwnUnitOrWithoutPermission_IsRefused()
    {
        var jinan = await Host.As("jn.official");
        var lixia = await Host.As("lx.official");
        var draft = await CreateAsync(jinan, Draft("济南单位通知·权限"));
        var id = draft.GetProperty("id").GetGuid();
        var lxPublishDraft = await lixia.PostAsJsonAsync($"/api/notices/{id}/publish", new { version = draft.GetProperty("version").GetUInt32() });
        lxPublishDraft.StatusCode.ShouldBe(HttpStatusCode.NotFound, "another unit's draft is not even visible");

        var published = await PublishAsync(jinan, draft);
        var lxWithdraw = await lixia.PostAsJsonAsync($"/api/notices/{id}/withdraw", new { version = published.GetProperty("version").GetUInt32(), reason = "越权撤回" });
        lxWithdraw.StatusCode.ShouldBe(HttpStatusCode.Forbidden, await lxWithdraw.Content.ReadAsStringAsync());
        (await Json(lxWithdraw)).GetProperty("errors")[0].GetProperty("code").GetString().ShouldBe("scope.unit");

        var agent = await Host.As("jn.agent");
        (await agent.PostAsJsonAsync("/api/notices", Draft("无权限发布"))).StatusCode.ShouldBe(HttpStatusCode.Forbidden, "12345话务员 lacks notices.publish");
        using var anon = Host.CreateClient();
        (await anon.PostAsJsonAsync("/api/notices", Draft("匿名发布"))).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task DemoSeed_WhenRunAgain_AddsNothingAndShowsTheSeededNotices()
    {
        using var anon = Host.CreateClient();
        var titles = await TitlesAsync(anon);
        titles.ShouldContain("关于全面推行“免申即享”政策兑现服务的公告");
        titles.ShouldNotContain("关于进一步规范数据共享申请审批时限的通知", "an internal notice of 济南");
        (await TitlesAsync(await Host.As("lx.official"))).ShouldContain("关于进一步规范数据共享申请审批时限的通知");
        (await TitlesAsync(await Host.As("sn.official"))).ShouldNotContain("关于进一步规范数据共享申请审批时限的通知");

        var before = (await FeedAsync(Official("370102"), false)).Count;
        var seeder = Host.Services.GetServices<IDemoSeeder>().Single(s => s.Name == "notices");
        await seeder.SeedAsync(Host.Services, CancellationToken.None);
        (await FeedAsync(Official("370102"), false)).Count.ShouldBe(before);
    }
}

public sealed class NoticesSliceTests(NoticesSqliteFixture fixture) : NoticesSliceTestsBase(fixture), IClassFixture<NoticesSqliteFixture>;

public sealed class NoticesSlicePostgresTests(NoticesPostgresFixture fixture) : NoticesSliceTestsBase(fixture), IClassFixture<NoticesPostgresFixture>;
