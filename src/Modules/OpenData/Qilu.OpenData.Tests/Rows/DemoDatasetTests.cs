using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Qilu.SharedKernel.Identifiers;
using Shouldly;

namespace Qilu.OpenData.Tests.Rows;

/// <summary>The full demo (Catalog's demo resources and OpenData's demo datasets on), as <c>dotnet run</c> starts it.</summary>
public sealed class FullDemoHost() : QiluFactory(new QiluFactoryOptions
{
    DemoData = true,
    Settings = new Dictionary<string, string?> { ["Qilu:Sharing:DemoData"] = "false" },
});

/// <summary>
/// In demo mode the open dataset 社会组织登记信息 of 济南市民政局 has rows: Catalog's demo seeder mounted a table on the entry
/// and imported 300 organisations through the import use case, and OpenData's demo seeder published the entry after it.
/// </summary>
public sealed class DemoDatasetTests(FullDemoHost host) : IClassFixture<FullDemoHost>
{
    [Fact]
    public async Task DatastoreSearch_WhenDemoSeeded_AnswersRowsOfTheSocialOrganisationDataset()
    {
        var client = host.CreateClient();
        var search = await client.GetFromJsonAsync<JsonElement>("/api/3/action/package_search?q=社会组织登记信息&rows=50");
        var package = search.GetProperty("result").GetProperty("results").EnumerateArray()
            .Single(p => p.GetProperty("title").GetString() == "社会组织登记信息" && p.GetProperty("organization").GetProperty("title").GetString() == "济南市民政局");
        package.GetProperty("num_resources").GetInt32().ShouldBe(1);
        var resourceId = package.GetProperty("resources")[0].GetProperty("id").GetString();

        var page = (await client.GetFromJsonAsync<JsonElement>($"/api/3/action/datastore_search?resource_id={resourceId}&limit=5")).GetProperty("result");
        page.GetProperty("total").GetInt64().ShouldBe(300);
        page.GetProperty("fields").EnumerateArray().Select(f => f.GetProperty("id").GetString())
            .ShouldBe(["_id", "统一社会信用代码", "社会组织名称", "法定代表人", "成立登记日期", "业务范围", "住所所在行政区划"]);
        var records = page.GetProperty("records").EnumerateArray().ToList();
        records.Count.ShouldBe(5);
        foreach (var r in records)
        {
            var code = r.GetProperty("统一社会信用代码").GetString()!;
            CreditCode.TryParse(code, out _).ShouldBeTrue(code);
            code[0].ShouldBe('5'); // registered by 民政 (GB 32100 authority code 5)
            r.GetProperty("社会组织名称").GetString().ShouldNotBeNullOrWhiteSpace();
            r.GetProperty("业务范围").GetString().ShouldNotBeNullOrWhiteSpace();
        }

        var filtered = (await client.GetFromJsonAsync<JsonElement>(
            $"/api/3/action/datastore_search?resource_id={resourceId}&filters={{\"住所所在行政区划\":\"370102\"}}&limit=100")).GetProperty("result");
        filtered.GetProperty("total").GetInt64().ShouldBeInRange(10, 40); // about a twelfth: rows spread over 济南's 12 counties
        filtered.GetProperty("records").GetArrayLength().ShouldBe((int)filtered.GetProperty("total").GetInt64());
        filtered.GetProperty("records").EnumerateArray().ShouldAllBe(r => r.GetProperty("住所所在行政区划").GetString() == "370102");

        var csv = await client.GetAsync($"/opendata/resources/{resourceId}/download.csv");
        csv.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await csv.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Length.ShouldBe(301);
    }
}
