using Microsoft.Playwright;

namespace Qilu.BrowserTests;

/// <summary>
/// 通知公告 in Chromium on the demo notices: the workbench home lists what an official may see (the province's public
/// notices everywhere, 济南's internal notice only inside 济南), the detail page shows the text, the notices list finds by
/// keyword (internal notices included), and an official of a unit
/// writes, saves and publishes a notice that then appears on the home card, and corrects it (更正: the note shown with
/// it, the text before kept for the unit); a citizen browses the portal's public list
/// (from the home page's 更多) and opens a notice from it.
/// </summary>
[Collection(BrowserSuite.Name)]
public sealed class NoticesPagesTests(QiluHostFixture host)
{
    private async Task<IPage> SignedInAsync(string user, string path)
    {
        var page = await host.SignedInAsync(user, path);
        await BrowserAuth.WaitForCircuitAsync(page);
        return page;
    }

    [Fact]
    public async Task WorkbenchNotices_ShowWhatTheOfficialMaySee_AndAPublishedNoticeJoinsTheFeed()
    {
        var jinan = await SignedInAsync("jn.official", "/workbench");
        var feed = jinan.Locator("#notice-feed");
        await Assertions.Expect(feed).ToContainTextAsync("免申即享");
        await Assertions.Expect(feed).ToContainTextAsync("数据共享申请审批时限");
        await Screenshots.SaveAsync(jinan, "workbench-notices");

        await feed.GetByText("关于进一步规范数据共享申请审批时限的通知").ClickAsync();
        await Assertions.Expect(jinan.Locator("#notice-body")).ToContainTextAsync("1 个工作日内");
        await Screenshots.SaveAsync(jinan, "notice-detail");

        // The workbench list: a keyword keeps the matching notices, internal ones included.
        await jinan.GotoAsync("/workbench/notices");
        await jinan.Locator("#notice-q").FillAsync("审批时限");
        await jinan.Locator("#notice-search").ClickAsync();
        var list = jinan.Locator("#notice-list");
        await Assertions.Expect(list).Not.ToContainTextAsync("免申即享");
        await Assertions.Expect(list).ToContainTextAsync("关于进一步规范数据共享申请审批时限的通知");
        await Screenshots.SaveAsync(jinan, "workbench-notices-list");

        // Another city's official sees the province's public notices, not 济南's internal one.
        var qingdao = await SignedInAsync("qd.official", "/workbench");
        await Assertions.Expect(qingdao.Locator("#notice-feed")).ToContainTextAsync("免申即享");
        await Assertions.Expect(qingdao.Locator("#notice-feed")).Not.ToContainTextAsync("数据共享申请审批时限");

        var title = $"关于开展数据质量专项检查的通知（{Guid.NewGuid().ToString("N")[..6]}）";
        await jinan.GotoAsync("/workbench/notices/edit");
        await BrowserAuth.WaitForCircuitAsync(jinan);
        await jinan.Locator("#f-title").FillAsync(title);
        await jinan.Locator("#f-title").PressAsync("Tab");
        await jinan.Locator("#f-body").FillAsync("各区县大数据主管部门：\n请于本月底前完成本单位数据资源质量自查。");
        await jinan.Locator("#f-body").PressAsync("Tab");
        await jinan.Locator("#save-notice").ClickAsync();
        await jinan.Locator("#publish-notice").ClickAsync();
        await Assertions.Expect(jinan.Locator("main")).ToContainTextAsync("已发布");
        await Screenshots.SaveAsync(jinan, "notice-editor");

        // A published notice is corrected (更正), not edited: the note is shown with it, the old text kept for the unit.
        await jinan.Locator("#start-correction").ClickAsync();
        await jinan.Locator("#f-body").FillAsync("各区县大数据主管部门：\n请于下月 10 日前完成本单位数据资源质量自查。");
        await jinan.Locator("#f-body").PressAsync("Tab");
        await jinan.Locator("#f-note").FillAsync("自查截止时间调整为下月 10 日");
        await jinan.Locator("#f-note").PressAsync("Tab");
        await jinan.Locator("#correct-notice").ClickAsync();
        await Assertions.Expect(jinan.Locator("main")).ToContainTextAsync("已更正");
        await jinan.GetByRole(AriaRole.Link, new() { Name = "查看" }).ClickAsync();
        await Assertions.Expect(jinan.Locator("#notice-body")).ToContainTextAsync("下月 10 日前");
        var corrections = jinan.Locator("#notice-corrections");
        await Assertions.Expect(corrections).ToContainTextAsync("自查截止时间调整为下月 10 日");
        await corrections.Locator("summary").First.ClickAsync();
        await Assertions.Expect(corrections).ToContainTextAsync("本月底前");
        await Screenshots.SaveAsync(jinan, "notice-correction");

        await jinan.GotoAsync("/workbench");
        await Assertions.Expect(jinan.Locator("#notice-feed")).ToContainTextAsync(title);
    }

    [Fact]
    public async Task PortalNotices_FromTheHomePage_ListsPublicNoticesAndOpensOne()
    {
        var page = await host.NewPageAsync();
        await page.GotoAsync("/");
        await page.Locator("#portal-notices-more").ClickAsync();
        await page.WaitForURLAsync(u => u.EndsWith("/portal/notices", StringComparison.Ordinal));
        var list = page.Locator("#portal-notice-list");
        await Assertions.Expect(list).ToContainTextAsync("关于全面推行“免申即享”政策兑现服务的公告");
        await Assertions.Expect(list).ToContainTextAsync("山东省大数据局");
        await Assertions.Expect(list).Not.ToContainTextAsync("数据共享申请审批时限");
        await Screenshots.SaveAsync(page, "portal-notices");

        await page.Locator("#notice-filters").GetByText("工作动态").ClickAsync();
        await Assertions.Expect(list).ToContainTextAsync("全省“一件事”集成服务上线运行");
        await Assertions.Expect(list).Not.ToContainTextAsync("免申即享");

        await page.Locator("#notice-q").FillAsync("免申即享");
        await page.Locator("#notice-search").ClickAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("没有找到与“免申即享”相关的通知公告");
        await page.Locator("#notice-filters").GetByText("全部").ClickAsync();
        await list.GetByText("关于全面推行“免申即享”政策兑现服务的公告").ClickAsync();
        await Assertions.Expect(page.Locator("#notice-body")).ToContainTextAsync("免申即享");
        await page.Locator("#notice-back").ClickAsync();
        await Assertions.Expect(page.Locator("#portal-notice-list")).ToBeVisibleAsync();
    }
}
