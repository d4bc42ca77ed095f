using Microsoft.Playwright;

namespace Qilu.BrowserTests;

/// <summary>
/// The five Sharing pages in Chromium on the demo data the Sharing seeder creates (历下区民政局's 低保 table, applications
/// at every stage, a granted application with metered gateway calls, two needs), each as the demo user who works there;
/// each page is screenshotted.
/// </summary>
[Collection(BrowserSuite.Name)]
public sealed class SharingPagesTests(QiluHostFixture host)
{
    private async Task<IPage> SignedInAsync(string user, string path)
    {
        var page = await host.SignedInAsync(user, path);
        await BrowserAuth.WaitForCircuitAsync(page);
        return page;
    }

    [Fact]
    public async Task SharingPages_OnDemoData_ShowTheSeededWork()
    {
        var lixia = await SignedInAsync("lx.official", "/workbench/sharing/inbox");
        await Assertions.Expect(lixia.Locator("main")).ToContainTextAsync("历下区人力资源和社会保障局");
        await Screenshots.SaveAsync(lixia, "sharing-inbox-provider");

        await lixia.GotoAsync("/workbench/sharing/grants");
        await Assertions.Expect(lixia.Locator("main")).ToContainTextAsync("历下区卫生健康局");
        await Screenshots.SaveAsync(lixia, "sharing-grants");

        await lixia.GotoAsync("/workbench/sharing/usage");
        await Assertions.Expect(lixia.Locator("main")).ToContainTextAsync("最低生活保障对象信息");
        await Screenshots.SaveAsync(lixia, "sharing-usage");

        await lixia.GotoAsync("/workbench/sharing/needs");
        await Assertions.Expect(lixia.Locator("main")).ToContainTextAsync("残疾人两项补贴发放信息");
        await Screenshots.SaveAsync(lixia, "sharing-needs");

        var jinan = await SignedInAsync("jn.official", "/workbench/sharing/inbox");
        await Assertions.Expect(jinan.Locator("main")).ToContainTextAsync("历下区医疗保障局");
        await Screenshots.SaveAsync(jinan, "sharing-inbox-conformity");

        // The workbench home counts the same waiting application under 我的待办, with a link to the inbox.
        await jinan.GotoAsync("/workbench");
        var sharingTodo = jinan.Locator("#todo-list a[href='/workbench/sharing/inbox']");
        await Assertions.Expect(sharingTodo).ToContainTextAsync("待审批的共享申请");
        await Assertions.Expect(sharingTodo.Locator(".qilu-todo-count")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^[1-9][0-9]*$"));
        await Screenshots.SaveAsync(jinan, "workbench-todo");

        var health = await SignedInAsync("lx.health", "/workbench/sharing/apply");
        await Screenshots.SaveAsync(health, "sharing-apply");
    }

    [Fact]
    public async Task CatalogEntry_WhenAnotherUnitOpensIt_LeadsToTheApplicationFormForThatEntry()
    {
        var health = await SignedInAsync("lx.health", "/workbench/catalog");
        await OpenLixiaMinimumLivingEntryAsync(health);

        await health.Locator("#entry-apply").ClickAsync();
        await health.WaitForUrlAsync(u => u.Contains("/workbench/sharing/apply?code=", StringComparison.Ordinal));
        await Assertions.Expect(health.Locator("#entry-found")).ToContainTextAsync("最低生活保障对象信息");
        await Assertions.Expect(health.Locator("#entry-found")).ToContainTextAsync("有条件共享");
    }

    [Fact]
    public async Task CatalogEntry_WhenItsProviderOpensIt_OffersNoApplication()
    {
        var lixia = await SignedInAsync("lx.official", "/workbench/catalog");
        await OpenLixiaMinimumLivingEntryAsync(lixia);
        await Assertions.Expect(lixia.Locator("main")).ToContainTextAsync("已发布版本");
        await Assertions.Expect(lixia.Locator("#entry-apply")).ToHaveCountAsync(0);
    }

    // Several units publish an entry of that name (the provincial base list is claimed per county): search for 历下区民政局's.
    private static async Task OpenLixiaMinimumLivingEntryAsync(IPage page)
    {
        await page.FillAsync("#catalog-q", "最低生活保障 历下区民政局");
        await page.PressAsync("#catalog-q", "Enter");
        await page.Locator(".catalog-hit", new() { HasTextString = "历下区民政局" })
            .Locator("h3 a", new() { HasTextString = "最低生活保障对象信息" }).First.ClickAsync();
        await page.WaitForUrlAsync(u => u.Contains("/workbench/catalog/entries/", StringComparison.Ordinal));
    }
}
