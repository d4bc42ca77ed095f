using System.Net;
using Shouldly;

namespace Qilu.OpenData.Tests.UI;

/// <summary>The portal pages render for anonymous visitors with the dataset, its facets, preview and download links.</summary>
public sealed class PortalPagesTests(OpenDataFixture fixture) : IClassFixture<OpenDataFixture>
{
    [Fact]
    public async Task PortalPages_WhenAnonymous_ShowHomeSearchAndDataset()
    {
        var client = fixture.Host.CreateClient();
        var home = await client.GetStringAsync("/opendata");
        home.ShouldContain("法人单位");
        home.ShouldContain("社会组织登记信息");
        var search = await client.GetStringAsync("/opendata/search?q=社会组织");
        search.ShouldContain("共 1 个数据集");
        search.ShouldContain("/opendata/datasets/" + fixture.DatasetName);
        search.ShouldContain("每周");
        var page = await client.GetAsync("/opendata/datasets/" + fixture.DatasetName);
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await page.Content.ReadAsStringAsync();
        html.ShouldContain("历下区青年志愿者协会");
        html.ShouldContain($"/opendata/resources/{fixture.ResourceId}/download.xlsx");
        html.ShouldContain("datastore_search?resource_id=" + fixture.ResourceId);
        var xlsx = await client.GetAsync($"/opendata/resources/{fixture.ResourceId}/download.xlsx");
        xlsx.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await xlsx.Content.ReadAsByteArrayAsync()).Take(2).ShouldBe("PK"u8.ToArray());
        var csv = await client.GetStringAsync($"/opendata/resources/{fixture.ResourceId}/download.csv");
        csv.ShouldContain("统一社会信用代码,社会组织名称,法定代表人");
        csv.ShouldContain($"{TestCodes.Credit("51370102", 2)},历下区老年人体育协会,李华");
    }
}
