using Microsoft.Playwright;

namespace Qilu.BrowserTests;

/// <summary>The 12345 agent console: a dispatcher records a call with the keyboard and dispatches it by the catalogue.</summary>
[Collection(BrowserSuite.Name)]
public sealed class HotlineConsoleTests(QiluHostFixture host)
{
    [Fact]
    public async Task AgentConsole_WhenACallIsRecordedAndDispatched_ShowsTheTicketAtTheLeadUnit()
    {
        const string path = "/workbench/hotline/console";
        var page = await host.SignedInAsync("jn.dispatch", path);
        await page.Locator("#agent-console[data-interactive=yes]").WaitForAsync(new() { Timeout = 20_000 });

        // Keyboard first: type into the phone field, Tab to the caller; Enter in a field submits.
        await page.Locator("#t-phone").FocusAsync();
        await page.Keyboard.TypeAsync("13905310001");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("刘女士");
        await page.FillAsync("#t-content", "泉城路东口每天晚上有流动摊贩占道经营，油烟很大，行人通行困难。");
        await page.SelectOptionAsync("#t-division", "370102");
        await page.FillAsync("#t-address", "泉城路东口");
        await page.SelectOptionAsync("#t-category", "010101");
        await page.Locator("#t-address").PressAsync("Enter");

        await Assertions.Expect(page.Locator("#created-number")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^[0-9]{20}$"), new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator("#proposal")).ToContainTextAsync("历下区城市管理局");
        await page.ClickAsync("#t-dispatch");
        await Assertions.Expect(page.Locator("#created-unit")).ToHaveTextAsync("历下区城市管理局", new() { Timeout = 15_000 });
        await Assertions.Expect(page.Locator("#created-status")).ToHaveTextAsync("待签收");
        await Screenshots.SaveAsync(page, "hotline-agent-console");
    }

    [Fact]
    public async Task UnitInbox_WhenTheUnitOpensATicket_ShowsDeadlinesAndOnlyTheAllowedActions()
    {
        var page = await SignedInAsync("lx.cg", "/workbench/hotline/inbox");
        await Assertions.Expect(page.Locator("#tickets")).ToContainTextAsync("历下区城市管理局");
        await Screenshots.SaveAsync(page, "hotline-unit-inbox");
        await page.Locator("#tickets a").First.ClickAsync();
        await page.Locator("#ticket[data-interactive=yes]").WaitForAsync(new() { Timeout = 20_000 });
        // Dispatched or in hand: the unit may return it either way, never dispatch it.
        await Assertions.Expect(page.Locator("#actions")).ToContainTextAsync("退单");
        await Assertions.Expect(page.Locator("#actions")).Not.ToContainTextAsync("派单");
        await Screenshots.SaveAsync(page, "hotline-ticket");
    }

    [Fact]
    public async Task Dashboard_WhenASupervisorOpensIt_ShowsRatesChartsAndExports()
    {
        var page = await SignedInAsync("jn.official", "/workbench/hotline/dashboard");
        await Assertions.Expect(page.Locator("#dashboard-stats")).ToContainTextAsync("受理量");
        await Assertions.Expect(page.Locator("#chart-categories svg")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#export-daily")).ToHaveAttributeAsync("href", "/api/hotline/reports/daily.xlsx");
        await Screenshots.SaveAsync(page, "hotline-dashboard");
    }

    private async Task<IPage> SignedInAsync(string user, string path)
    {
        return await host.SignedInAsync(user, path);
    }
}
