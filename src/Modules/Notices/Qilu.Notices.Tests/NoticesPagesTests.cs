using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Shouldly;

namespace Qilu.Notices.Tests;

/// <summary>The portal pages as a browser gets them: the home page's 通知公告, the public list and the public detail.</summary>
public sealed class NoticesPagesTests(NoticesSqliteFixture fixture) : IClassFixture<NoticesSqliteFixture>
{
    private const string PublicTitle = "关于全面推行“免申即享”政策兑现服务的公告";
    private const string InternalTitle = "关于进一步规范数据共享申请审批时限的通知";

    private static string Html(string text) => WebUtility.HtmlEncode(text);

    private static async Task<Guid> IdOfAsync(HttpClient api, string title)
    {
        var page = await (await api.GetAsync("/api/notices?pageSize=200")).Content.ReadFromJsonAsync<JsonElement>();
        return page.GetProperty("items").EnumerateArray().First(i => i.GetProperty("title").GetString() == title).GetProperty("id").GetGuid();
    }

    /// <summary>A portal page that lists notices links the public one and never names the internal one.</summary>
    private static void ShouldLinkPublicOnly(string html, Guid publicId)
    {
        html.ShouldContain($"href=\"/portal/notices/{publicId}\"");
        html.ShouldNotContain(Html(InternalTitle));
    }

    [Fact]
    public async Task PortalHomeListAndDetail_WhenPublicNoticesExist_LinkThemToEachOtherAndNameNoInternalOnes()
    {
        using var anon = fixture.Host.CreateClient();
        var id = await IdOfAsync(anon, PublicTitle);
        var home = await anon.GetStringAsync("/");
        home.ShouldContain("portal-notice-feed");
        home.ShouldContain("id=\"portal-notices-more\" href=\"/portal/notices\"");
        ShouldLinkPublicOnly(home, id);

        var list = await anon.GetStringAsync("/portal/notices");
        list.ShouldContain("portal-notice-list");
        list.ShouldContain(Html(PublicTitle));
        list.ShouldContain("山东省大数据局");
        ShouldLinkPublicOnly(list, id);

        var detail = await anon.GetStringAsync($"/portal/notices/{id}");
        detail.ShouldContain("山东省大数据局");
        detail.ShouldContain(Html("三、政策兑现结果通过“爱山东”APP 和短信告知本人；对结果有异议的，可拨打 12345 热线或向主管部门反映。"));
        detail.ShouldContain("id=\"notice-back\" href=\"/portal/notices\"");
    }

    [Fact]
    public async Task PortalDetail_WhenNoticeIsInternal_ShowsNotFoundEvenToSignedInOfficials()
    {
        var lixia = await fixture.Host.As("lx.official");
        var id = await IdOfAsync(lixia, InternalTitle);
        using var anon = fixture.Host.CreateClient();
        var page = await anon.GetStringAsync($"/portal/notices/{id}");
        page.ShouldNotContain("数据共享申请");
        page.ShouldContain("不存在或不在您的权限范围内");
    }

    [Fact]
    public async Task PortalList_WhenKeywordOrKindChosen_KeepsTheMatchesAndSaysWhenNothingMatches()
    {
        using var anon = fixture.Host.CreateClient();
        var news = await anon.GetStringAsync("/portal/notices?category=work_news");
        news.ShouldContain(Html("全省“一件事”集成服务上线运行"));
        news.ShouldNotContain(Html(PublicTitle));

        var found = await anon.GetStringAsync("/portal/notices?q=" + Uri.EscapeDataString("免申即享"));
        found.ShouldContain(Html(PublicTitle));
        found.ShouldNotContain(Html("全省“一件事”集成服务上线运行"));

        var none = await anon.GetStringAsync("/portal/notices?q=" + Uri.EscapeDataString("并不存在的关键词"));
        none.ShouldNotContain("portal-notice-list");
        none.ShouldContain(Html("没有找到与“并不存在的关键词”相关的通知公告"));

        // A hand-edited page number falls back to the first page instead of failing.
        (await anon.GetStringAsync("/portal/notices?page=abc")).ShouldContain(Html(PublicTitle));
        (await anon.GetStringAsync("/portal/notices?category=gossip")).ShouldContain(Html("类别须为通知、公告或工作动态"));
    }

    [Fact]
    public async Task WorkbenchList_WhenKeywordGiven_KeepsMatchesInternalOnesIncluded_AndTheFiltersKeepTheKeyword()
    {
        var lixia = await fixture.Host.As("lx.official");
        var keyword = Uri.EscapeDataString("审批时限");

        var found = await lixia.GetStringAsync("/workbench/notices?q=" + keyword);
        found.ShouldContain("id=\"notice-q\"");
        found.ShouldContain(Html(InternalTitle));
        found.ShouldNotContain(Html(PublicTitle));
        found.ShouldContain($"href=\"/workbench/notices?q={keyword}&amp;category=notice\"");

        var none = await lixia.GetStringAsync("/workbench/notices?q=" + Uri.EscapeDataString("并不存在的关键词"));
        none.ShouldNotContain("id=\"notice-list\"");
        none.ShouldContain(Html("没有找到与“并不存在的关键词”相关的通知"));
        (await lixia.GetStringAsync("/workbench/notices?page=abc")).ShouldContain(Html(InternalTitle));
    }

    [Fact]
    public async Task Detail_WhenCorrected_ShowsTheNoteToEveryoneAndTheOldTextOnlyToTheUnit()
    {
        var province = await fixture.Host.As("sd.cdo");
        using var anon = fixture.Host.CreateClient();
        var notice = await NoticesCalls.PublishAsync(province, await NoticesCalls.CreateAsync(province,
            NoticesCalls.Draft("更正展示的原标题", audience: "public", body: "原文第一段。")));
        var id = notice.GetProperty("id").GetGuid();
        var corrected = await province.PostAsJsonAsync($"/api/notices/{id}/correct", new
        {
            version = notice.GetProperty("version").GetUInt32(), title = "更正展示的新标题", body = "新文第一段。", category = "notice", importance = "normal",
            note = "标题中的单位名称有误",
        });
        corrected.StatusCode.ShouldBe(HttpStatusCode.OK, await corrected.Content.ReadAsStringAsync());

        var portal = await anon.GetStringAsync($"/portal/notices/{id}");
        portal.ShouldContain("id=\"notice-corrections\"");
        portal.ShouldContain("id=\"notice-corrected\"");
        portal.ShouldContain(Html("标题中的单位名称有误"));
        portal.ShouldContain(Html("新文第一段。"));
        portal.ShouldNotContain(Html("原文第一段。"));
        portal.ShouldNotContain(Html("更正展示的原标题"));
        var list = await anon.GetStringAsync("/portal/notices?q=" + Uri.EscapeDataString("更正展示的新标题"));
        list.ShouldContain($"href=\"/portal/notices/{id}\"");
        list.ShouldContain("class=\"nt-tag nt-tag-corrected\"");
        (await anon.GetStringAsync("/portal/notices?q=" + Uri.EscapeDataString("免申即享"))).ShouldNotContain("class=\"nt-tag nt-tag-corrected\"");

        var workbench = await province.GetStringAsync($"/workbench/notices/{id}");
        workbench.ShouldContain(Html("标题中的单位名称有误"));
        workbench.ShouldContain(Html("原文第一段。"), customMessage: "the publishing unit keeps the text before the correction");
        workbench.ShouldContain(Html("更正展示的原标题"));
    }
}
