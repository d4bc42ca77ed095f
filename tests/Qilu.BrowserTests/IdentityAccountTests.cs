using Microsoft.Playwright;
using Shouldly;

namespace Qilu.BrowserTests;

/// <summary>The sign-in and registration pages (static server rendering) and the citizen's 我的账号 page.</summary>
[Collection(BrowserSuite.Name)]
public sealed class IdentityAccountTests(QiluHostFixture host)
{
    [Fact]
    public async Task Register_WhenCitizenFillsTheForm_ShowsFieldErrorsThenSucceedsAndCanSignIn()
    {
        var page = await host.NewPageAsync();
        var errors = new List<string>();
        page.PageError += (_, e) => errors.Add(e);
        await page.GotoAsync("/account/login");
        await Assertions.Expect(page.Locator("#signin")).ToBeVisibleAsync();
        await IdentityBrowser.ShotAsync(page, "login");

        await page.GotoAsync("/account/register");
        var id = IdentityBrowser.ValidId("370112", "19920305", IdentityBrowser.Serial());
        await page.FillAsync("#name", "赵六");
        await page.FillAsync("#idNumber", IdentityBrowser.WrongCheck(id));
        await page.FillAsync("#phone", "1380013");
        await page.FillAsync("#password", "short");
        await page.FillAsync("#confirm", "short");
        await page.ClickAsync("#register");
        await Assertions.Expect(page.Locator("#error-idNumber")).ToContainTextAsync("校验码");
        await Assertions.Expect(page.Locator("#error-phone")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#error-password")).ToBeVisibleAsync();
        (await page.InputValueAsync("#name")).ShouldBe("赵六");
        (await page.InputValueAsync("#password")).ShouldBeEmpty();
        await IdentityBrowser.ShotAsync(page, "register");

        await page.FillAsync("#idNumber", id);
        await page.FillAsync("#phone", $"139{Random.Shared.Next(10_000_000, 99_999_999)}");
        await page.FillAsync("#password", "Qilu2026citizen");
        await page.FillAsync("#confirm", "Qilu2026citizen");
        await page.ClickAsync("#register");
        await Assertions.Expect(page.Locator("#register-success")).ToContainTextAsync("注册成功");

        await page.ClickAsync("#goto-login");
        await page.FillAsync("#username", id);
        await page.FillAsync("#password", "Qilu2026citizen");
        await page.ClickAsync("#signin");
        await page.WaitForUrlAsync(u => new Uri(u).AbsolutePath == "/portal/me", 20_000);
        await Assertions.Expect(page.Locator("#card-profile")).ToContainTextAsync("赵六");
        await Assertions.Expect(page.Locator("#card-profile")).ToContainTextAsync(id[..4] + "**********");
        errors.ShouldBeEmpty();
    }

    [Fact]
    public async Task MyAccount_WhenLegalRepresentativeGrantsAndRevokes_UpdatesTheDelegations()
    {
        // 李四 represents the demo enterprise; 张三 is a registered citizen who can be made an agent.
        var zhang = "370102198803151012";
        var page = await IdentityBrowser.OpenAsAsync(host, "370202197911022331", "/portal/me");
        var card = page.Locator("#card-delegations");
        await Assertions.Expect(card).ToContainTextAsync("王五");
        await page.FillAsync("#agent-id", "370102198803151013");
        await card.Locator("button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("#grant-error")).ToBeVisibleAsync();

        await page.FillAsync("#agent-id", zhang);
        await card.Locator("button[type=submit]").ClickAsync();
        await Assertions.Expect(card).ToContainTextAsync("张三");
        await IdentityBrowser.ShotAsync(page, "portal-me");
        var row = card.Locator("tr", new() { HasTextString = "张三" });
        await row.Locator("button.ant-btn-dangerous").ClickAsync();
        await page.Locator(".ant-popover .ant-btn-primary").ClickAsync();
        await Assertions.Expect(card.Locator("tr", new() { HasTextString = "张三" })).ToContainTextAsync("已撤销");
    }

    [Fact]
    public async Task MyAccount_WhenCitizenRegistersTheirEnterprise_CanThenAuthoriseAgents()
    {
        // 张三 represents no enterprise in the demo; he registers one (a bad check character first).
        var page = await IdentityBrowser.OpenAsAsync(host, "370102198803151012", "/portal/me");
        await BrowserAuth.WaitForCircuitAsync(page);
        var body = $"{IdentityBrowser.Serial()}{IdentityBrowser.Serial()}{IdentityBrowser.Serial()}"[..8];
        var org = body + Qilu.SharedKernel.Identifiers.CreditCode.ComputeOrganizationCheckCharacter(body);
        var first17 = "91370102" + org;
        var code = first17 + Qilu.SharedKernel.Identifiers.CreditCode.ComputeCheckCharacter(first17);
        await page.FillAsync("#ent-code", code[..17] + (code[17] == '0' ? '1' : '0'));
        await page.FillAsync("#ent-name", "济南浏览器测试有限公司");
        await page.ClickAsync("#ent-register");
        await Assertions.Expect(page.Locator("#ent-code-error")).ToContainTextAsync("校验码");

        await page.FillAsync("#ent-code", code);
        await page.ClickAsync("#ent-register");
        await Assertions.Expect(page.Locator("#card-delegations")).ToContainTextAsync(code);
    }
}
