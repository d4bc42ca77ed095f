using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Shouldly;

namespace Qilu.OpenData.Tests.Rows;

/// <summary>
/// A filtered <c>datastore_search</c> total is exact: remembered per table change sequence, so an import that adds a
/// matching row shows in the next call's total (no stale count from the cache).
/// </summary>
public sealed class FilteredTotalTests(OpenDataFixture fixture) : IClassFixture<OpenDataFixture>
{
    [Fact]
    public async Task DatastoreSearch_WhenAnImportAddsAMatchingRow_CountsItInTheNextTotal()
    {
        var client = fixture.Host.CreateClient();
        var url = $"/api/3/action/datastore_search?resource_id={fixture.ResourceId}&filters={{\"法定代表人\":\"李华\"}}";
        async Task<long> TotalAsync() => (await client.GetFromJsonAsync<JsonElement>(url)).GetProperty("result").GetProperty("total").GetInt64();

        (await TotalAsync()).ShouldBe(1);
        (await TotalAsync()).ShouldBe(1); // answered from the remembered count

        var officer = await fixture.Host.ApiAsync("lx.official");
        using var csv = new ByteArrayContent(Encoding.UTF8.GetBytes($"统一社会信用代码,社会组织名称,法定代表人\n{TestCodes.Credit("51370102", 4)},历下区书法家协会,李华\n"));
        (await officer.PostAsync($"/api/catalog/resources/{fixture.TableId}/imports?format=csv", csv)).EnsureSuccessStatusCode();

        (await TotalAsync()).ShouldBe(2);
        var records = (await client.GetFromJsonAsync<JsonElement>(url)).GetProperty("result").GetProperty("records");
        records.GetArrayLength().ShouldBe(2);
    }
}
