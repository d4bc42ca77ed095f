using Microsoft.Playwright;

namespace Qilu.BrowserTests;

/// <summary>The Cases module's pages behind sign-in: the citizen's 我的办件 and the official's 办件待办 (static rendering).</summary>
[Collection(BrowserSuite.Name)]
public sealed class CasesPagesTests(QiluHostFixture host)
{
    [Fact]
    public async Task MyCases_WhenACitizenWithoutApplicationsSignsIn_SaysSoAndPointsToServices()
    {
        var page = await host.SignedInAsync(IdentityBrowser.ValidId("370102", "19950630", 342), "/portal/cases");

        await Assertions.Expect(page.Locator("h1, .qilu-page-title").First).ToContainTextAsync("我的办件");
        await Assertions.Expect(page.Locator(".qilu-empty-title")).ToContainTextAsync("还没有办件");
    }

    [Fact]
    public async Task Inbox_WhenAnOfficialOpensIt_ShowsTheViewsOfTheUnitsWork()
    {
        var page = await host.SignedInAsync("jn.official", "/workbench/cases");

        await Assertions.Expect(page.Locator("#inbox-views")).ToContainTextAsync("本单位");
        await Assertions.Expect(page.Locator("#inbox-views")).ToContainTextAsync("逾期");
        await page.ClickAsync("#inbox-views >> text=逾期");
        await page.WaitForUrlAsync(u => u.Contains("view=overdue", StringComparison.Ordinal));
        await Assertions.Expect(page.Locator("#inbox-views a.qilu-tag-primary")).ToHaveTextAsync("逾期");
        await Screenshots.SaveAsync(page, "workbench-cases");
    }

    [Fact]
    public async Task Apply_WhenTheWalletHoldsTheCertificate_FillsItsItemsAndSaysTheMaterialIsFetched()
    {
        // 张三's demo wallet holds a 不动产权证书 (Trust's demo certificates): the transfer form needs neither typing nor upload for it.
        var page = await host.SignedInAsync(IdentityBrowser.ValidId("370102", "19880315", 101), "/portal/apply/matter/370700401000");
        await page.Locator("#apply-form[data-ready=yes]").WaitForAsync(new() { Timeout = 20_000 });

        await Assertions.Expect(page.Locator("#field-property_cert")).ToHaveAttributeAsync("data-source", "certificate");
        await Assertions.Expect(page.Locator("#field-property_cert .cs-source")).ToContainTextAsync("电子证照");
        await Assertions.Expect(page.Locator("#field-location")).ToHaveAttributeAsync("data-source", "certificate");
        await Assertions.Expect(page.Locator("#apply-materials [data-wallet=held]", new() { HasText = "已在您的证照夹找到《不动产权证书》" })).ToHaveCountAsync(1);
        await Screenshots.SaveAsync(page, "portal-apply-wallet");
    }
}
