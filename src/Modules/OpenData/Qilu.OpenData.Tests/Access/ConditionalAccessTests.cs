using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Qilu.Catalog.Contracts;
using Shouldly;

namespace Qilu.OpenData.Tests.Access;

/// <summary>
/// 有条件开放 end to end: a data officer of 济南市市场监管局 (created by the system administrator) opens 市场主体行政处罚信息;
/// rows are refused to the public; 张三 applies; the officer refuses without a reason (400), then approves with terms;
/// the key opens datastore_search and downloads; 张三 reports use. Data requests and corrections are answered.
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
        Host.Rows.AddTable(entry, "行政处罚决定",
            [new("统一社会信用代码", "DE0006", DataGrade.L1, false), new("当事人名称", "DE0007", DataGrade.L1, false), new("处罚决定书文号", "DE0019", DataGrade.L2, false)],
            "统一社会信用代码",
            [OpenDataFixture.Row(("统一社会信用代码", "91370100MA3C000001"), ("当事人名称", "济南某食品有限公司"), ("处罚决定书文号", "济市监罚〔2026〕1号"))]);

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
        var applied = await citizen.PostAsJsonAsync($"/api/opendata/datasets/{name}/applications",
            new { purpose = "为本企业供应商做信用核查，避免与受处罚企业合作", scenario = "采购系统在签约前按统一社会信用代码查询处罚记录" });
        applied.StatusCode.ShouldBe(HttpStatusCode.Created, await applied.Content.ReadAsStringAsync());
        var application = await applied.Content.ReadFromJsonAsync<JsonElement>();
        var appId = application.GetProperty("id").GetString();
        (await citizen.PostAsJsonAsync($"/api/opendata/datasets/{name}/applications", new { purpose = "再次申请同一个数据集的用途", scenario = "再次申请同一个数据集的场景" }))
            .StatusCode.ShouldBe(HttpStatusCode.Conflict);

        var inbox = await officer.GetFromJsonAsync<JsonElement>("/api/opendata/applications?inbox=true");
        var item = inbox.EnumerateArray().Single(a => a.GetProperty("id").GetString() == appId);
        item.GetProperty("overdue").GetBoolean().ShouldBeFalse();
        var version = item.GetProperty("version").GetUInt32();
        (await officer.PostAsJsonAsync($"/api/opendata/applications/{appId}/decision", new { version, approve = false })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await citizen.PostAsJsonAsync($"/api/opendata/applications/{appId}/decision", new { version, approve = true, terms = "x" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var decided = await officer.PostAsJsonAsync($"/api/opendata/applications/{appId}/decision",
            new { version, approve = true, terms = "仅用于供应商信用核查；不得转让、公开；每季度报告使用成果", validDays = 180 });
        decided.StatusCode.ShouldBe(HttpStatusCode.OK, await decided.Content.ReadAsStringAsync());
        var key = (await decided.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("apiKey").GetString()!;
        key.ShouldStartWith("qod_");

        var withKey = Host.CreateClient();
        withKey.DefaultRequestHeaders.Add("X-CKAN-API-Key", key);
        var rows = await withKey.GetFromJsonAsync<JsonElement>($"/api/3/action/datastore_search?resource_id={resourceId}");
        rows.GetProperty("result").GetProperty("records")[0].GetProperty("当事人名称").GetString().ShouldBe("济南某食品有限公司");
        var ckanStyle = Host.CreateClient();
        ckanStyle.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", key);
        (await ckanStyle.GetAsync($"/opendata/resources/{resourceId}/download.json")).StatusCode.ShouldBe(HttpStatusCode.OK);
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
