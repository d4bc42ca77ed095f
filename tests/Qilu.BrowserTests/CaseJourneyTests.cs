using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Qilu.BrowserTests;

/// <summary>
/// A whole case through the UI: a citizen applies online for 社会保障卡申领 (prefilled fields with their sources, a
/// field error, a photo uploaded into the materials library, a double-clicked submit), an official of 历下区人社局
/// claims and accepts it in the workbench (a second tab's stale accept gets the 409 message), the citizen sees the
/// progress, the case is decided and delivered, the citizen rates it and the public ratings page counts it.
/// </summary>
[Collection(BrowserSuite.Name)]
public sealed partial class CaseJourneyTests(QiluHostFixture host)
{
    // A 1×1 PNG: signature, IHDR, IDAT, IEND (the library checks the signature and the closing IEND chunk).
    private static readonly byte[] Photo = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    private static readonly string ZhangSan = IdentityBrowser.ValidId("370102", "19880315", 101);

    private const string OfficialPassword = "CaseJourney2026";

    [GeneratedRegex(@"/portal/cases/([0-9a-f-]{36})")]
    private static partial Regex CaseUrl();

    /// <summary>An official of 历下区人力资源和社会保障局 (the demo seeds none), created through the Identity API as sys.admin.</summary>
    private async Task<string> CreateHrssOfficialAsync()
    {
        var admin = await IdentityBrowser.OpenAsAsync(host, "sys.admin", "/admin");
        var departments = await admin.APIRequest.GetAsync("/api/identity/departments?division=370102&kind=hrss");
        Assert.True(departments.Ok, await departments.TextAsync());
        var unit = (await departments.JsonAsync())!.Value.GetProperty("items")[0].GetProperty("id").GetGuid();
        var userName = $"lx.hrss.b{IdentityBrowser.Serial()}";
        var created = await admin.APIRequest.PostAsync("/api/identity/users", new()
        {
            DataObject = new { userName, displayName = "王人社", departmentId = unit, password = OfficialPassword, roles = new[] { "official" } },
        });
        Assert.True(created.Status == 201, await created.TextAsync());
        await admin.Context.CloseAsync();
        return userName;
    }

    private async Task<IPage> OfficialPageAsync(IBrowserContext? context, string userName, string path)
    {
        IPage page;
        if (context is null)
        {
            page = await host.SignedInAsync(userName, path, OfficialPassword);
        }
        else
        {
            page = await context.NewPageAsync();
            await page.GotoAsync(path);
        }
        await BrowserAuth.WaitForCircuitAsync(page);
        await page.Locator("#case-page[data-ready=yes]").WaitForAsync();
        return page;
    }

    private static async Task ActAsync(IPage page, string action, string expectedStatus)
    {
        await page.ClickAsync($"#act-{action}");
        await Assertions.Expect(page.Locator("#case-facts")).ToContainTextAsync(expectedStatus);
    }

    [Fact]
    public async Task Apply_ThenAcceptInWorkbench_CitizenSeesProgressAndRatesTheConcludedCase()
    {
        var officialName = await CreateHrssOfficialAsync();

        // The citizen opens the guide and follows 在线办理 to the application page.
        var citizen = await IdentityBrowser.OpenAsAsync(host, ZhangSan, "/portal/apply/matter/371100104000");
        await citizen.Locator("#apply-form[data-ready=yes]").WaitForAsync();
        await Assertions.Expect(citizen.Locator("#field-phone")).ToHaveAttributeAsync("data-source", "account");
        await Assertions.Expect(citizen.Locator("#field-phone .cs-source")).ToContainTextAsync("来源：账户");
        await Assertions.Expect(citizen.Locator("#field-baby_name .cs-source")).ToContainTextAsync("本人填写");
        await Assertions.Expect(citizen.Locator("#apply-materials")).ToContainTextAsync("电子证照");

        // Nothing typed and no photo: the errors appear at the field and at the material.
        await citizen.ClickAsync("#apply-submit");
        await Assertions.Expect(citizen.Locator("#err-baby_name")).ToContainTextAsync("必填");
        await Assertions.Expect(citizen.Locator("#err-material-1")).ToContainTextAsync("缺少材料");
        await Assertions.Expect(citizen.Locator("#err-consent")).ToContainTextAsync("同意");
        await Screenshots.SaveAsync(citizen, "portal-apply-errors");

        await citizen.FillAsync("#f-baby_name", "张小明");
        await citizen.FillAsync("#f-baby_id", IdentityBrowser.ValidId("370102", "20260901", 215));
        await citizen.CheckAsync("#consent");
        await citizen.SetInputFilesAsync("#upload-1", new FilePayload { Name = "免冠照片.png", MimeType = "image/png", Buffer = Photo });
        await Assertions.Expect(citizen.Locator("#library-1 option:checked")).ToContainTextAsync("免冠照片.png");
        await Assertions.Expect(citizen.Locator("#err-baby_name")).ToHaveCountAsync(0);
        await Screenshots.SaveAsync(citizen, "portal-apply");

        // A double click still makes one case (one Idempotency-Key per visit).
        await citizen.DblClickAsync("#apply-submit");
        await citizen.WaitForUrlAsync(CaseUrl(), 20_000);
        var caseId = CaseUrl().Match(citizen.Url).Groups[1].Value;
        await Assertions.Expect(citizen.Locator("#case-facts")).ToContainTextAsync("待受理");
        await Assertions.Expect(citizen.Locator("#submitted-notice")).ToBeVisibleAsync();
        await citizen.GotoAsync("/portal/cases");
        await Assertions.Expect(citizen.Locator("#my-cases tbody tr", new() { HasText = "社会保障卡申领" })).ToHaveCountAsync(1);

        // The official claims and accepts; a second tab opened before the accept gets the 409 message and reloads.
        var official = await OfficialPageAsync(null, officialName, $"/workbench/cases/{caseId}");
        var stale = await OfficialPageAsync(official.Context, officialName, $"/workbench/cases/{caseId}");
        await Assertions.Expect(official.Locator("#action-buttons")).ToContainTextAsync("受理");
        await Assertions.Expect(official.Locator("#action-buttons")).Not.ToContainTextAsync("准予");
        await official.ClickAsync("#act-claim");
        await Assertions.Expect(official.Locator("#case-timeline")).ToContainTextAsync("签收");
        await Assertions.Expect(official.Locator("#act-claim")).ToHaveCountAsync(0);
        await Screenshots.SaveAsync(official, "workbench-case-actions");
        await ActAsync(official, "accept", "审查中");
        await stale.ClickAsync("#act-accept");
        await Assertions.Expect(stale.Locator("#action-notice")).ToContainTextAsync("办件状态已变化");
        await Assertions.Expect(stale.Locator("#case-facts")).ToContainTextAsync("审查中");

        // The citizen sees the progress.
        await citizen.GotoAsync($"/portal/cases/{caseId}");
        await citizen.Locator("#case-page[data-ready=yes]").WaitForAsync();
        await Assertions.Expect(citizen.Locator("#case-facts")).ToContainTextAsync("审查中");
        await Assertions.Expect(citizen.Locator("#case-stages .cs-stage-now")).ToHaveTextAsync("审查");
        await Assertions.Expect(citizen.Locator("#case-timeline")).ToContainTextAsync("受理");
        await Screenshots.SaveAsync(citizen, "portal-case-progress");

        await ActAsync(official, "pass", "待决定");
        await official.FillAsync("#act-opinion", "材料齐全，符合申领条件");
        await ActAsync(official, "approve", "已办结");
        await ActAsync(official, "deliver", "已送达");

        // The citizen rates the concluded case; the public page (no sign-in) counts it.
        await citizen.ReloadAsync();
        await citizen.Locator("#case-page[data-ready=yes]").WaitForAsync();
        await citizen.CheckAsync("#level-4");
        await citizen.FillAsync("#rating-comment", "全程网办，没有跑腿");
        await citizen.ClickAsync("#rating-submit");
        await Assertions.Expect(citizen.Locator("#rating-given")).ToContainTextAsync("满意");

        var anonymous = await host.NewPageAsync();
        await anonymous.GotoAsync("/portal/ratings");
        await Assertions.Expect(anonymous.Locator("#ratings-table")).ToContainTextAsync("社会保障卡申领");
        await Assertions.Expect(anonymous.Locator("#chart-levels svg")).ToBeVisibleAsync();
        await Screenshots.SaveAsync(anonymous, "portal-ratings");
        await anonymous.GotoAsync("/portal/ratings?by=division");
        await Assertions.Expect(anonymous.Locator("#ratings-table")).ToContainTextAsync("历下区");
    }

    [Fact]
    public async Task OverdueBoard_ForASupervisor_ShowsTheDueSoonCaseOfItsSubtreeByUnit()
    {
        // 户口登记（出生登记） is 即办 (one working day): due soon as soon as it is filed. Applied through the API with the
        // citizen's browser session (the same cookie the pages use).
        var citizen = await IdentityBrowser.OpenAsAsync(host, ZhangSan, "/portal/me");
        var applied = await citizen.APIRequest.PostAsync("/api/cases", new()
        {
            Headers = new Dictionary<string, string> { ["Idempotency-Key"] = "board-" + Guid.NewGuid().ToString("N") },
            DataObject = new
            {
                matterCode = "370700102000", consent = true,
                form = new Dictionary<string, object>
                {
                    ["baby_name"] = "张小满", ["baby_gender"] = "女", ["baby_birth"] = "2026-11-20", ["mother_name"] = "李芳",
                    ["mother_id"] = IdentityBrowser.ValidId("370102", "19920508", 122), ["settle_with"] = "随父", ["household_address"] = "济南市历下区泉城路1号",
                },
            },
        });
        Assert.True(applied.Status == 201, await applied.TextAsync());
        await citizen.Context.CloseAsync();

        var page = await IdentityBrowser.OpenAsAsync(host, "jn.official", "/workbench/cases/overdue");

        await Assertions.Expect(page.Locator("#board-stats")).ToContainTextAsync("已超期");
        await Assertions.Expect(page.Locator("#board-cases")).ToContainTextAsync("户口登记（出生登记）");
        await Assertions.Expect(page.Locator("#chart-due-soon svg")).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "workbench-overdue");
    }

    [Fact]
    public async Task MatterGuide_OffersApplyOnline_LinkingToTheApplicationPage()
    {
        var page = await host.NewPageAsync();
        await page.GotoAsync("/portal/matters/371100104000");

        await Assertions.Expect(page.Locator("#apply-online")).ToHaveAttributeAsync("href", "/portal/apply/matter/371100104000");
    }
}
