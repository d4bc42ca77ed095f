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

    [Fact]
    public async Task Inbox_WhenTheLastApproverSetsTerms_TheGrantCarriesThem()
    {
        // 历下区卫生健康局 applies again for the demo 低保 table (L4: two provider levels); the bureau and the first level
        // approve through the API with their browser sessions, so the inbox test starts at the level that issues the grant.
        var health = await SignedInAsync("lx.health", "/workbench/sharing/apply");
        var seeded = (await JsonAsync(await health.APIRequest.GetAsync("/api/sharing/applications"))).EnumerateArray()
            .First(a => a.GetProperty("entryName").GetString() == "最低生活保障对象信息");
        var applied = await health.APIRequest.PostAsync("/api/sharing/applications", new()
        {
            DataObject = new
            {
                entryId = seeded.GetProperty("entryId").GetGuid(), purpose = "家庭医生签约费用减免核对", legalBasis = "《社会救助暂行办法》第六十条",
                scenario = "家庭医生签约服务", fields = seeded.GetProperty("fields").EnumerateArray().Take(2).Select(f => f.GetString()).ToArray(),
                callsPerDay = 300, periodFrom = seeded.GetProperty("periodFrom").GetString(), periodTo = seeded.GetProperty("periodTo").GetString(),
            },
        });
        Assert.True(applied.Status == 201, await applied.TextAsync());
        var app = await JsonAsync(applied);
        var id = app.GetProperty("id").GetString()!;
        foreach (var decider in new[] { "jn.official", "lx.official" })
        {
            var page = await SignedInAsync(decider, "/workbench/sharing/inbox");
            var approved = await page.APIRequest.PostAsync($"/api/sharing/applications/{id}/approve",
                new() { DataObject = new { version = app.GetProperty("version").GetUInt32(), comment = "同意" } });
            Assert.True(approved.Ok, await approved.TextAsync());
            app = await JsonAsync(approved);
            await page.Context.CloseAsync();
        }

        var leader = await SignedInAsync("lx.leader", "/workbench/sharing/inbox");
        await leader.Locator("#inbox[data-interactive=yes]").WaitForAsync();
        var row = leader.Locator($"tr[data-id='{id}']");
        await Assertions.Expect(row.Locator(".sharing-requested")).ToContainTextAsync("300 次/日");
        await Assertions.Expect(row.Locator(".sharing-requested")).ToContainTextAsync("行范围 全部");
        await row.Locator(".sharing-terms-toggle").ClickAsync();
        var form = leader.Locator($"#terms-{id}");
        // AntDesign's InputNumber puts its Id on the wrapper: the fields are found by the form's data-field instead.
        var daily = form.Locator("[data-field=dailyQuota] input");
        var scope = form.Locator("[data-field=rowScope] input");
        // Pre-filled with what was applied for, so approving untouched grants what approving without the form did.
        await Assertions.Expect(daily).ToHaveValueAsync("300");
        await daily.FillAsync("120");
        await daily.PressAsync("Tab");
        await form.Locator("[data-field=rowScope] button").ClickAsync();
        await Assertions.Expect(scope).ToHaveValueAsync("370102");
        await Screenshots.SaveAsync(leader, "sharing-inbox-terms");

        // The issuer's refusal appears beside the field it names, and the form keeps what was typed.
        await scope.FillAsync("3");
        await scope.PressAsync("Tab");
        await form.Locator(".sharing-terms-approve").ClickAsync();
        await Assertions.Expect(form.Locator("[data-field=rowScope] .sharing-field-error")).ToContainTextAsync("行范围须为2–12位行政区划代码前缀");
        await Assertions.Expect(daily).ToHaveValueAsync("120");

        await scope.FillAsync("370102");
        await scope.PressAsync("Tab");
        await form.Locator(".sharing-terms-approve").ClickAsync();
        await Assertions.Expect(row).ToHaveCountAsync(0);

        var granted = await JsonAsync(await health.APIRequest.GetAsync($"/api/sharing/applications/{id}"));
        Assert.Equal("Granted", granted.GetProperty("status").GetString());
        var grantId = granted.GetProperty("grantId").GetString();
        await leader.GotoAsync("/workbench/sharing/grants");
        var grantRow = leader.Locator($"#grants tr[data-id='{grantId}']");
        await Assertions.Expect(grantRow).ToContainTextAsync("370102");
        await Assertions.Expect(grantRow).ToContainTextAsync("/ 120");
    }

    [Fact]
    public async Task GrantsPage_ConsumerBindsItsCallingSystem_AndUnbindsIt()
    {
        var health = await SignedInAsync("lx.health", "/workbench/sharing/grants");
        await health.Locator("#grants[data-interactive=yes]").WaitForAsync();
        var row = health.Locator("#grants tr:has(.bind-clients)").First;
        await Assertions.Expect(row.Locator(".grant-clients")).ToContainTextAsync("本单位全部系统");
        var id = await row.GetAttributeAsync("data-id");

        await row.Locator(".bind-clients").ClickAsync();
        var form = health.Locator("#clients-form");
        // The demo unit's own system, registered by the Identity seeder for the demo grant.
        var his = form.Locator("label", new() { HasTextString = "lx-health-his" });
        await his.ClickAsync();
        await Assertions.Expect(his).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("ant-checkbox-wrapper-checked"));
        await Screenshots.SaveAsync(health, "sharing-grant-clients");
        await health.Locator(".ant-modal-footer button.ant-btn-primary").ClickAsync();
        var bound = health.Locator($"#grants tr[data-id='{id}'] .grant-clients");
        await Assertions.Expect(bound).ToContainTextAsync("lx-health-his");
        await Assertions.Expect(bound).Not.ToContainTextAsync("本单位全部系统");

        // Unbound again, so that the demo grant serves every system of the unit for the other tests.
        await health.Locator($"#grants tr[data-id='{id}'] .bind-clients").ClickAsync();
        await form.Locator("label", new() { HasTextString = "lx-health-his" }).ClickAsync();
        await health.Locator(".ant-modal-footer button.ant-btn-primary").ClickAsync();
        await Assertions.Expect(bound).ToContainTextAsync("本单位全部系统");
    }

    [Fact]
    public async Task Inbox_ProviderRequiresASecondLevelForL3_AndSetsItBack()
    {
        var lixia = await SignedInAsync("lx.leader", "/workbench/sharing/inbox");
        var policy = lixia.Locator("#approval-policy");
        await Assertions.Expect(policy.Locator("tr[data-grade='L4']")).ToContainTextAsync("一般数据 L4");
        var l3 = lixia.Locator("#levels-L3");
        await l3.SelectOptionAsync("2");
        await lixia.Locator("#save-approval-policy").ClickAsync();
        await Assertions.Expect(lixia.Locator("#approval-policy-updated")).ToContainTextAsync("修改");
        await Assertions.Expect(l3).ToHaveValueAsync("2");
        // A more sensitive grade may not have fewer levels: the error stands beside the grade it names.
        await lixia.Locator("#levels-L4").SelectOptionAsync("3");
        await lixia.Locator("#levels-Important").SelectOptionAsync("2");
        await lixia.Locator("#save-approval-policy").ClickAsync();
        await Assertions.Expect(policy.Locator("tr[data-grade='Important'] [role=alert]")).ToContainTextAsync("不能少于较低级别");
        await policy.ScrollIntoViewIfNeededAsync();
        await Screenshots.SaveAsync(lixia, "sharing-approval-policy");

        // Back to the platform's floor, so that the demo data's applications keep their levels for the other tests.
        await lixia.Locator("#levels-L3").SelectOptionAsync("1");
        await lixia.Locator("#levels-L4").SelectOptionAsync("2");
        await lixia.Locator("#save-approval-policy").ClickAsync();
        await Assertions.Expect(policy.Locator("[role=alert]")).ToHaveCountAsync(0);
        await Assertions.Expect(lixia.Locator("#levels-L3")).ToHaveValueAsync("1");
    }

    private static async Task<System.Text.Json.JsonElement> JsonAsync(IAPIResponse response) =>
        (await response.JsonAsync()) ?? throw new InvalidOperationException($"{response.Status} without a JSON body from {response.Url}");

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
