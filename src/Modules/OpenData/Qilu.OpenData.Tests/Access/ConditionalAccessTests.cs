using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Shouldly;

namespace Qilu.OpenData.Tests.Access;

/// <summary>
/// 有条件开放 end to end: a data officer of 济南市市场监管局 (created by the system administrator) opens 市场主体行政处罚信息;
/// rows are refused to the public; 张三 applies for two of its three fields; the officer refuses without a reason (400),
/// then approves with terms; 张三 takes the key (the officer never sees it); it opens datastore_search and downloads for
/// the fields applied for only; 张三 reports use. Data requests and corrections are answered.
/// </summary>
public sealed class ConditionalAccessTests(OpenDataFixture fixture) : IClassFixture<OpenDataFixture>
{
    private OpenDataHost Host => fixture.Host;

    private async Task<HttpClient> MarketOfficerAsync()
    {
        var unit = await OpenDataFixture.UnitAsync(Host, "market", "370100");
        var sys = await Host.ApiAsync("sys.admin");
        var created = await sys.PostAsJsonAsync("/api/identity/users", new
        {
            userName = "jn.market.data", displayName = "孔市场", departmentId = unit, password = "Open-data-2026x", roles = new[] { "official", "data_officer" },
        });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        return await TestSession.ApiAsAsync(Host, "jn.market.data", "Open-data-2026x", capacity: null);
    }

    [Fact]
    public async Task ConditionalDataset_FromApplicationToKeyAndReport_Works()
    {
        var officer = await MarketOfficerAsync();
        var unit = await OpenDataFixture.UnitAsync(Host, "market", "370100");
        var entry = await OpenDataFixture.EntryAsync(Host, unit, "市场主体行政处罚信息");
        var company = TestCodes.Credit("91370100", 1);
        await OpenDataFixture.MountTableAsync(officer, entry, "行政处罚决定", "统一社会信用代码",
            $"统一社会信用代码,当事人名称,处罚决定书文号\n{company},济南某食品有限公司,济市监罚〔2026〕1号\n");

        var wrongLicence = await officer.PostAsJsonAsync("/api/opendata/datasets", new { entryId = entry, licenseId = "cc-by-4.0" });
        wrongLicence.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await wrongLicence.Content.ReadAsStringAsync()).ShouldContain("licenseId");
        var published = await officer.PostAsJsonAsync("/api/opendata/datasets", new { entryId = entry, tags = new[] { "信用" } });
        published.StatusCode.ShouldBe(HttpStatusCode.Created, await published.Content.ReadAsStringAsync());
        var name = (await published.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("name").GetString()!;

        var anonymous = Host.CreateClient();
        var package = (await anonymous.GetFromJsonAsync<JsonElement>("/api/3/action/package_show?id=" + name)).GetProperty("result");
        package.GetProperty("isopen").GetBoolean().ShouldBeFalse();
        var resourceId = package.GetProperty("resources")[0].GetProperty("id").GetString();
        var denied = await anonymous.GetAsync($"/api/3/action/datastore_search?resource_id={resourceId}");
        denied.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await denied.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetProperty("__type").GetString().ShouldBe("Authorization Error");
        (await anonymous.GetAsync($"/opendata/resources/{resourceId}/download.csv")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var citizen = await Host.ApiAsync(Host.CitizenLogin("张三"));
        var tooShort = await citizen.PostAsJsonAsync($"/api/opendata/datasets/{name}/applications", new { purpose = "用", scenario = "用" });
        tooShort.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var unknownField = await citizen.PostAsJsonAsync($"/api/opendata/datasets/{name}/applications",
            new { purpose = "为本企业供应商做信用核查，避免与受处罚企业合作", scenario = "采购系统在签约前按统一社会信用代码查询处罚记录", fields = new[] { "颜色" } });
        unknownField.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await unknownField.Content.ReadAsStringAsync()).ShouldContain("颜色");
        // Only two of the three published fields are asked for: the key will open those two only.
        var applied = await citizen.PostAsJsonAsync($"/api/opendata/datasets/{name}/applications",
            new { purpose = "为本企业供应商做信用核查，避免与受处罚企业合作", scenario = "采购系统在签约前按统一社会信用代码查询处罚记录", fields = new[] { "统一社会信用代码", "当事人名称" } });
        applied.StatusCode.ShouldBe(HttpStatusCode.Created, await applied.Content.ReadAsStringAsync());
        var application = await applied.Content.ReadFromJsonAsync<JsonElement>();
        var appId = application.GetProperty("id").GetString();
        (await citizen.PostAsJsonAsync($"/api/opendata/datasets/{name}/applications", new { purpose = "再次申请同一个数据集的用途", scenario = "再次申请同一个数据集的场景" }))
            .StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await citizen.PostAsJsonAsync($"/api/opendata/applications/{appId}/key", new { version = 0 })).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        var inbox = await officer.GetFromJsonAsync<JsonElement>("/api/opendata/applications?inbox=true");
        var item = inbox.EnumerateArray().Single(a => a.GetProperty("id").GetString() == appId);
        item.GetProperty("overdue").GetBoolean().ShouldBeFalse();
        item.GetProperty("fields").EnumerateArray().Select(f => f.GetString()).ShouldBe(["统一社会信用代码", "当事人名称"]);
        var version = item.GetProperty("version").GetUInt32();
        (await officer.PostAsJsonAsync($"/api/opendata/applications/{appId}/decision", new { version, approve = false })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await citizen.PostAsJsonAsync($"/api/opendata/applications/{appId}/decision", new { version, approve = true, terms = "x" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var decided = await officer.PostAsJsonAsync($"/api/opendata/applications/{appId}/decision",
            new { version, approve = true, terms = "仅用于供应商信用核查；不得转让、公开；每季度报告使用成果", validDays = 180 });
        decided.StatusCode.ShouldBe(HttpStatusCode.OK, await decided.Content.ReadAsStringAsync());
        // The provider never sees the applicant's key: the decision carries none.
        (await decided.Content.ReadFromJsonAsync<JsonElement>()).TryGetProperty("apiKey", out _).ShouldBeFalse();

        var approved = (await citizen.GetFromJsonAsync<JsonElement>("/api/opendata/applications")).EnumerateArray().Single(a => a.GetProperty("id").GetString() == appId);
        var approvedVersion = approved.GetProperty("version").GetUInt32();
        (await officer.PostAsJsonAsync($"/api/opendata/applications/{appId}/key", new { version = approvedVersion })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var taken = await citizen.PostAsJsonAsync($"/api/opendata/applications/{appId}/key", new { version = approvedVersion });
        taken.StatusCode.ShouldBe(HttpStatusCode.OK, await taken.Content.ReadAsStringAsync());
        var takenBody = await taken.Content.ReadFromJsonAsync<JsonElement>();
        var firstKey = takenBody.GetProperty("apiKey").GetString()!;
        firstKey.ShouldStartWith("qod_");
        // Taking a key again replaces it: the first stops working.
        var retaken = await citizen.PostAsJsonAsync($"/api/opendata/applications/{appId}/key", new { version = takenBody.GetProperty("version").GetUInt32() });
        retaken.StatusCode.ShouldBe(HttpStatusCode.OK, await retaken.Content.ReadAsStringAsync());
        var retakenBody = await retaken.Content.ReadFromJsonAsync<JsonElement>();
        retakenBody.GetProperty("replaced").GetBoolean().ShouldBeTrue();
        var key = retakenBody.GetProperty("apiKey").GetString()!;
        key.ShouldNotBe(firstKey);
        var oldKey = Host.CreateClient();
        oldKey.DefaultRequestHeaders.Add("X-CKAN-API-Key", firstKey);
        (await oldKey.GetAsync($"/api/3/action/datastore_search?resource_id={resourceId}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var withKey = Host.CreateClient();
        withKey.DefaultRequestHeaders.Add("X-CKAN-API-Key", key);
        var rows = await withKey.GetFromJsonAsync<JsonElement>($"/api/3/action/datastore_search?resource_id={resourceId}");
        var record = rows.GetProperty("result").GetProperty("records")[0];
        record.GetProperty("当事人名称").GetString().ShouldBe("济南某食品有限公司");
        record.GetProperty("统一社会信用代码").GetString().ShouldBe(company);
        record.TryGetProperty("处罚决定书文号", out _).ShouldBeFalse();
        (await withKey.GetAsync($"/api/3/action/datastore_search?resource_id={resourceId}&fields=处罚决定书文号")).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var ckanStyle = Host.CreateClient();
        ckanStyle.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", key);
        var json = await ckanStyle.GetAsync($"/opendata/resources/{resourceId}/download.json");
        json.StatusCode.ShouldBe(HttpStatusCode.OK);
        var downloaded = await json.Content.ReadAsStringAsync();
        downloaded.ShouldContain("济南某食品有限公司");
        downloaded.ShouldNotContain("济市监罚");
        var forged = Host.CreateClient();
        forged.DefaultRequestHeaders.Add("X-CKAN-API-Key", key + "x");
        (await forged.GetAsync($"/api/3/action/datastore_search?resource_id={resourceId}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var report = await citizen.PostAsJsonAsync($"/api/opendata/applications/{appId}/reports",
            new { title = "供应商准入信用核查上线", description = "已在采购系统中接入，首月核查供应商 120 家", link = "https://example.com/report" });
        report.StatusCode.ShouldBe(HttpStatusCode.Created, await report.Content.ReadAsStringAsync());
        var mine = await citizen.GetFromJsonAsync<JsonElement>("/api/opendata/applications");
        var own = mine.EnumerateArray().Single(a => a.GetProperty("id").GetString() == appId);
        own.GetProperty("status").GetString().ShouldBe("Approved");
        own.GetProperty("reports").GetInt32().ShouldBe(1);
        own.GetProperty("calls").GetInt64().ShouldBe(2);

        // 纠错 and 需求征集, answered by the publisher.
        var correction = await citizen.PostAsJsonAsync($"/api/opendata/datasets/{name}/corrections", new { description = "文号中的年份有误，应为2025年" });
        correction.StatusCode.ShouldBe(HttpStatusCode.Created);
        var correctionBody = await correction.Content.ReadFromJsonAsync<JsonElement>();
        var correctionId = correctionBody.GetProperty("id").GetString();
        var cv = correctionBody.GetProperty("version").GetUInt32();
        var answered = await officer.PostAsJsonAsync($"/api/opendata/corrections/{correctionId}/answer", new { version = cv, accept = true, answer = "已核实并更正" });
        answered.StatusCode.ShouldBe(HttpStatusCode.OK, await answered.Content.ReadAsStringAsync());
        (await officer.PostAsJsonAsync($"/api/opendata/corrections/{correctionId}/answer", new { version = cv + 1, accept = true, answer = "再答复" }))
            .StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var request = await citizen.PostAsJsonAsync("/api/opendata/requests", new { providerUnitId = unit, title = "食品经营许可证信息", description = "希望开放食品经营许可证的核发信息，便于消费者查询" });
        request.StatusCode.ShouldBe(HttpStatusCode.Created);
        var requestBody = await request.Content.ReadFromJsonAsync<JsonElement>();
        var requestId = requestBody.GetProperty("id").GetString();
        var rv = requestBody.GetProperty("version").GetUInt32();
        var lx = await Host.ApiAsync("lx.official");
        (await lx.PostAsJsonAsync($"/api/opendata/requests/{requestId}/answer", new { version = rv, accept = true, answer = "不是本单位" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await officer.PostAsJsonAsync($"/api/opendata/requests/{requestId}/answer", new { version = rv, accept = true, answer = "已列入下季度开放计划" })).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
