using Microsoft.Playwright;
using Shouldly;

namespace Qilu.BrowserTests;

/// <summary>
/// The Identity module's admin console in a real browser, signed in through the platform's OpenID Connect provider as
/// the three separated administrators (三员).
/// </summary>
[Collection(BrowserSuite.Name)]
public sealed class IdentityAdminTests(QiluHostFixture host)
{
    [Fact]
    public async Task Users_WhenSysAdminCreatesOfficial_ShowsCheckDigitErrorThenListsTheAccount()
    {
        var page = await IdentityBrowser.OpenAsAsync(host, "sys.admin", "/admin/users");
        await Assertions.Expect(page.Locator("#users-table")).ToContainTextAsync("jn.official");

        await page.FillAsync("#user-q", "lx.official");
        await page.ClickAsync("#btn-user-search");
        await Assertions.Expect(page.Locator("#users-table tbody")).ToContainTextAsync("lx.official");
        await Assertions.Expect(page.Locator("#users-table tbody")).Not.ToContainTextAsync("jn.official");

        var userName = $"jn.t{IdentityBrowser.Serial()}{Random.Shared.Next(10, 99)}";
        var id = IdentityBrowser.ValidId("370102", "19900101", IdentityBrowser.Serial());
        await page.ClickAsync("#btn-create-official");
        var modal = page.Locator(".ant-modal-content");
        await Assertions.Expect(modal.Locator("#create-official-form")).ToBeVisibleAsync();
        await page.FillAsync("#new-username", userName);
        await page.FillAsync("#new-displayname", "测试员");
        await page.ClickAsync("#new-department");
        await page.Locator(".ant-select-dropdown .ant-select-item-option:visible").First.ClickAsync();
        await page.FillAsync("#new-password", "Qilu2026test");
        await page.FillAsync("#new-idnumber", IdentityBrowser.WrongCheck(id));
        await modal.Locator(".ant-modal-footer .ant-btn-primary").ClickAsync();

        var error = page.Locator("#error-idNumber");
        await Assertions.Expect(error).ToContainTextAsync("校验码");
        await IdentityBrowser.ShotAsync(page, "admin-users-create-error");

        await page.FillAsync("#new-idnumber", id);
        await modal.Locator(".ant-modal-footer .ant-btn-primary").ClickAsync();
        await Assertions.Expect(page.Locator("#create-official-form")).Not.ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#users-table tbody")).ToContainTextAsync(userName);
        await Assertions.Expect(page.Locator("#users-table tbody")).ToContainTextAsync("3701**********");

        await page.FillAsync("#user-q", "");
        await page.ClickAsync("#btn-user-search");
        await Assertions.Expect(page.Locator("#users-table tbody")).ToContainTextAsync("jn.official");
        await Assertions.Expect(page.Locator("#card-users-chart svg")).ToBeVisibleAsync();
        await IdentityBrowser.ShotAsync(page, "admin-users");
    }

    [Fact]
    public async Task Audit_WhenAuditAdminOpensAnEntry_VerifiesItsInclusionProofInThePage()
    {
        var page = await IdentityBrowser.OpenAsAsync(host, "audit.admin", "/admin/audit");
        await Assertions.Expect(page.Locator("#audit-table tbody")).ToContainTextAsync("identity.signin.succeeded");

        await page.FillAsync("#audit-action", "identity.signin");
        await page.ClickAsync("#btn-audit-search");
        await Assertions.Expect(page.Locator("#audit-table tbody")).Not.ToContainTextAsync("audit.log.read");
        await page.Locator(".btn-audit-proof").First.ClickAsync();

        await Assertions.Expect(page.Locator("#proof-ok")).ToContainTextAsync("包含证明验证通过");
        await Assertions.Expect(page.Locator("#checkpoint-ok")).ToBeVisibleAsync();
        (await page.Locator("#proof-leaf").InnerTextAsync()).Trim().Length.ShouldBe(64);
        await Assertions.Expect(page.Locator("#checkpoint-note")).ToContainTextAsync("qilu.shandong.gov.cn/audit");
        await IdentityBrowser.ShotAsync(page, "admin-audit");

        // Reading the log left its own trace.
        await page.Locator(".ant-drawer-close").ClickAsync();
        await page.FillAsync("#audit-action", "audit.log.read");
        await page.ClickAsync("#btn-audit-search");
        await Assertions.Expect(page.Locator("#audit-table tbody")).ToContainTextAsync("audit.log.read");
    }

    [Fact]
    public async Task Keys_WhenSecurityAdministratorVisits_ListsKeysAndOffersRotation()
    {
        var page = await IdentityBrowser.OpenAsAsync(host, "sec.admin", "/admin/keys");
        var table = page.Locator("#keys-table tbody");
        await Assertions.Expect(table).ToContainTextAsync("audit.checkpoint");
        await Assertions.Expect(table).ToContainTextAsync("SM2");
        (await page.Locator(".btn-rotate").CountAsync()).ShouldBeGreaterThan(0);
        await IdentityBrowser.ShotAsync(page, "admin-keys");
    }

    [Fact]
    public async Task Keys_WhenSystemAdministratorVisits_ShowsAccessDenied()
    {
        var page = await IdentityBrowser.OpenAsAsync(host, "sys.admin", "/admin/keys");
        await Assertions.Expect(page.Locator(".ant-result")).ToContainTextAsync("403");
        (await page.Locator("#keys-table").CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task Divisions_WhenSysAdminOpens_ShowsTreeAndChildren()
    {
        var page = await IdentityBrowser.OpenAsAsync(host, "sys.admin", "/admin/divisions");
        await Assertions.Expect(page.Locator("#card-division-tree")).ToContainTextAsync("济南市");
        await Assertions.Expect(page.Locator("#division-children")).ToContainTextAsync("370100");
        await page.FillAsync("#division-q", "历下");
        await page.Locator("#card-division-tree button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("#division-matches")).ToContainTextAsync("370102");
        await page.FillAsync("#division-q", "");
        await page.Locator("#card-division-tree button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("#card-division-tree")).ToContainTextAsync("青岛市");
        await IdentityBrowser.ShotAsync(page, "admin-divisions");
    }

    [Fact]
    public async Task Clients_WhenRegisteringADepartmentSystem_OffersEveryModulesScope()
    {
        var page = await IdentityBrowser.OpenAsAsync(host, "sys.admin", "/admin/clients");
        // The demo's gateway consumer, with the sharing gateway's scope among its scopes.
        var his = page.Locator("#clients-table tbody tr", new() { HasText = "lx-health-his" });
        await Assertions.Expect(his).ToContainTextAsync("sharing.gateway");

        await page.ClickAsync("#btn-register-client");
        await page.Locator("#register-client-form label.ant-radio-button-wrapper", new() { HasText = "部门业务系统" }).ClickAsync();
        var scopes = page.Locator("#client-scopes");
        await Assertions.Expect(scopes.Locator("[data-scope]")).ToHaveCountAsync(3);
        await Assertions.Expect(scopes).ToContainTextAsync("sharing.gateway");
        await Assertions.Expect(scopes).ToContainTextAsync("trust.federation");
        // The platform API is offered checked; the modules' scopes are the administrator's choice.
        await Assertions.Expect(scopes.Locator("[data-scope=api] input[type=checkbox]")).ToBeCheckedAsync();
        await Assertions.Expect(scopes.Locator("[data-scope='sharing.gateway'] input[type=checkbox]")).Not.ToBeCheckedAsync();
        await scopes.Locator("[data-scope='sharing.gateway'] label").ClickAsync();
        await Assertions.Expect(scopes.Locator("[data-scope='sharing.gateway'] input[type=checkbox]")).ToBeCheckedAsync();
        await IdentityBrowser.ShotAsync(page, "admin-client-register");
    }

    [Theory]
    [InlineData("/admin/departments", "sys.admin", "#departments-table", "山东省大数据局", "admin-departments")]
    [InlineData("/admin/roles", "sec.admin", "#roles-table", "三员", "admin-roles")]
    [InlineData("/admin/clients", "sys.admin", "#clients-table", "demo-rp", "admin-clients")]
    public async Task AdminPage_WhenPermitted_RendersItsTable(string path, string user, string table, string text, string screenshot)
    {
        var page = await IdentityBrowser.OpenAsAsync(host, user, path);
        await Assertions.Expect(page.Locator(table)).ToContainTextAsync(text);
        await IdentityBrowser.ShotAsync(page, screenshot);
    }
}
