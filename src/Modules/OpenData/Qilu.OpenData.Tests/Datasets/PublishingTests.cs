using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Qilu.Catalog.Contracts;
using Qilu.OpenData.Datasets;
using Shouldly;

namespace Qilu.OpenData.Tests.Datasets;

/// <summary>Publishing rules: only open entries of one's own unit; fields above the open threshold refused by name;
/// removed fields never shown; a withdrawn catalog entry unpublishes its dataset.</summary>
public sealed class PublishingTests(OpenDataFixture fixture) : IClassFixture<OpenDataFixture>
{
    private OpenDataHost Host => fixture.Host;

    [Fact]
    public async Task Publish_WhenEntryIsNotOpen_Returns409()
    {
        var unit = await OpenDataFixture.UnitAsync(Host, "civil_affairs", "370102");
        var entry = await OpenDataFixture.EntryAsync(Host, unit, "婚姻登记信息");
        var response = await (await Host.ApiAsync("lx.official")).PostAsJsonAsync("/api/opendata/datasets", new { entryId = entry });
        response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await response.Content.ReadAsStringAsync()).ShouldContain("不予开放");
    }

    [Fact]
    public async Task Publish_WhenNotTheProvidingUnitOrAnonymous_IsRefused()
    {
        (await (await Host.ApiAsync("sn.official")).PostAsJsonAsync("/api/opendata/datasets", new { entryId = fixture.EntryId })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await Host.CreateClient().PostAsJsonAsync("/api/opendata/datasets", new { entryId = fixture.EntryId })).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await (await Host.ApiAsync("lx.official")).PostAsJsonAsync("/api/opendata/datasets", new { entryId = fixture.EntryId })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public void FieldRule_WhenGradedAboveThreshold_NamesTheField()
    {
        var name = new DatasetField("姓名", "DE0002", "string", DataGrade.L3, FieldTreatment.Keep);
        var error = PublishDataset.FieldError(name, OpenType.Conditional).ShouldNotBeNull();
        error.Field.ShouldBe("fields.姓名");
        error.Message.ShouldContain("姓名");
        error.Message.ShouldContain("L3");
        PublishDataset.FieldError(name with { Treatment = FieldTreatment.Remove }, OpenType.Conditional).ShouldBeNull();
        PublishDataset.FieldError(name with { Treatment = FieldTreatment.Aggregate }, OpenType.Conditional)!.Code.ShouldBe("opendata.field.not_aggregatable");
        var birth = new DatasetField("出生日期", "DE0004", "date", DataGrade.L3, FieldTreatment.Aggregate);
        PublishDataset.FieldError(birth, OpenType.Unconditional).ShouldBeNull();
        birth.Publish("1988-03-15").ShouldBe("1988");
        PublishDataset.FieldError(new DatasetField("性别", "DE0003", "code", DataGrade.L2, FieldTreatment.Keep), OpenType.Unconditional)!.Field.ShouldBe("fields.性别");
        PublishDataset.FieldError(new DatasetField("性别", "DE0003", "code", DataGrade.L2, FieldTreatment.Keep), OpenType.Conditional).ShouldBeNull();
        PublishDataset.FieldError(new DatasetField("核心", "DE0099", "date", DataGrade.Core, FieldTreatment.Aggregate), OpenType.Conditional).ShouldNotBeNull();
    }

    [Fact]
    public async Task Publish_WithRemovedField_HidesItAndWithdrawalUnpublishes()
    {
        var unit = await OpenDataFixture.UnitAsync(Host, "civil_affairs", "370202");
        var entry = await OpenDataFixture.EntryAsync(Host, unit, "社会组织登记信息");
        var officer = await Host.ApiAsync("sn.official");
        var table = await OpenDataFixture.MountTableAsync(officer, entry, "社会组织", "统一社会信用代码",
            $"统一社会信用代码,社会组织名称,法定代表人\n{TestCodes.Credit("51370202", 1)},市南区志愿者协会,赵一\n");
        table.ShouldNotBe(Guid.Empty);
        var unknown = await officer.PostAsJsonAsync("/api/opendata/datasets", new { entryId = entry, fields = new[] { new { name = "颜色", treatment = "Remove" } } });
        unknown.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await unknown.Content.ReadAsStringAsync()).ShouldContain("fields.颜色");
        var published = await officer.PostAsJsonAsync("/api/opendata/datasets", new { entryId = entry, fields = new[] { new { name = "法定代表人", treatment = "Remove" } } });
        published.StatusCode.ShouldBe(HttpStatusCode.Created, await published.Content.ReadAsStringAsync());
        var name = (await published.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("name").GetString()!;
        var anonymous = Host.CreateClient();
        var resourceId = (await anonymous.GetFromJsonAsync<JsonElement>("/api/3/action/package_show?id=" + name)).GetProperty("result").GetProperty("resources")[0].GetProperty("id").GetString();
        var rows = (await anonymous.GetFromJsonAsync<JsonElement>($"/api/3/action/datastore_search?resource_id={resourceId}")).GetProperty("result");
        rows.GetProperty("records")[0].TryGetProperty("法定代表人", out _).ShouldBeFalse();
        (await anonymous.GetAsync($"/api/3/action/datastore_search?resource_id={resourceId}&filters={{\"法定代表人\":\"赵一\"}}")).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await anonymous.GetStringAsync($"/opendata/resources/{resourceId}/download.csv")).ShouldNotContain("赵一");

        var detail = await officer.GetFromJsonAsync<JsonElement>($"/api/catalog/entries/{entry}");
        var withdraw = await officer.PostAsJsonAsync($"/api/catalog/entries/{entry}/withdraw", new { version = detail.GetProperty("version").GetUInt32(), reason = "数据源调整" });
        withdraw.StatusCode.ShouldBe(HttpStatusCode.OK, await withdraw.Content.ReadAsStringAsync());
        await OpenDataFixture.DrainAsync(Host);
        (await anonymous.GetAsync("/api/3/action/package_show?id=" + name)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await anonymous.GetFromJsonAsync<JsonElement>("/api/3/action/package_search?q=市南区")).GetProperty("result").GetProperty("results").EnumerateArray()
            .ShouldNotContain(p => p.GetProperty("name").GetString() == name);
        (await anonymous.GetAsync($"/opendata/datasets/{name}.ttl")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
