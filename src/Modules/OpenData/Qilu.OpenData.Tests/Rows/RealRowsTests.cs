using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Qilu.Catalog.Contracts;
using Shouldly;

namespace Qilu.OpenData.Tests.Rows;

/// <summary>
/// Rows through Catalog's real <see cref="IResourceRows"/> (no test double): the fixture mounted a table on 社会组织登记信息
/// and imported three rows through Catalog's API; the dataset's CSV, JSON and XLSX downloads and datastore_search carry
/// them. Run on SQLite and, with <c>QILU_TEST_POSTGRES</c>, on PostgreSQL.
/// </summary>
public sealed class RealRowsTests(OpenDataFixture fixture) : IClassFixture<OpenDataFixture>
{
    [Fact]
    public Task Downloads_WhenRowsComeFromCatalog_CarryEveryRow() => RealRows.DownloadsCarryRowsAsync(fixture);

    [Fact]
    public Task DatastoreSearch_WhenSortedDescendingOnSqlite_OrdersRows() => RealRows.SortsDescendingAsync(fixture);
}

/// <summary>The same on PostgreSQL.</summary>
public sealed class RealRowsPostgresTests(PostgresOpenDataFixture fixture) : IClassFixture<PostgresOpenDataFixture>
{
    [Fact]
    public Task Downloads_WhenRowsComeFromCatalogOnPostgres_CarryEveryRow()
    {
        Assert.SkipWhen(fixture.SkipReason is not null, fixture.SkipReason ?? "");
        return RealRows.DownloadsCarryRowsAsync(fixture);
    }

    [Fact]
    public Task DatastoreSearch_WhenSortedDescendingOnPostgres_OrdersRows()
    {
        Assert.SkipWhen(fixture.SkipReason is not null, fixture.SkipReason ?? "");
        return RealRows.SortsDescendingAsync(fixture);
    }
}

internal static class RealRows
{
    public static async Task SortsDescendingAsync(OpenDataFixture fixture)
    {
        var r = (await fixture.Host.CreateClient().GetFromJsonAsync<JsonElement>(
            $"/api/3/action/datastore_search?resource_id={fixture.ResourceId}&limit=2&sort=社会组织名称 desc")).GetProperty("result");
        r.GetProperty("records").GetArrayLength().ShouldBe(2);
        r.GetProperty("records")[0].GetProperty("社会组织名称").GetString().ShouldBe("历下区青年志愿者协会");
        r.GetProperty("records")[1].GetProperty("社会组织名称").GetString().ShouldBe("历下区阳光社会工作服务中心");
    }

    public static async Task DownloadsCarryRowsAsync(OpenDataFixture fixture)
    {
        using (var scope = fixture.Host.Services.CreateScope())
        {
            var rows = scope.ServiceProvider.GetRequiredService<IResourceRows>();
            rows.GetType().Assembly.GetName().Name.ShouldBe("Qilu.Catalog");
            (await rows.FindResourceAsync(fixture.TableId))!.RowCount.ShouldBe(3);
        }
        var client = fixture.Host.CreateClient();
        var csv = await client.GetAsync($"/opendata/resources/{fixture.ResourceId}/download.csv");
        csv.StatusCode.ShouldBe(HttpStatusCode.OK);
        csv.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        var lines = (await csv.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();
        lines[0].ShouldBe("统一社会信用代码,社会组织名称,法定代表人,成立登记日期,业务范围,住所所在行政区划");
        lines.Count.ShouldBe(4);
        lines.ShouldContain(l => l.StartsWith($"{TestCodes.Credit("51370102", 1)},历下区青年志愿者协会,张明" + ",", StringComparison.Ordinal));
        lines.ShouldContain(l => l.StartsWith($"{TestCodes.Credit("52370102", 3)},历下区阳光社会工作服务中心,王芳" + ",", StringComparison.Ordinal));

        var json = await client.GetFromJsonAsync<JsonElement>($"/opendata/resources/{fixture.ResourceId}/download.json");
        json.GetArrayLength().ShouldBe(3);
        json.EnumerateArray().Select(r => r.GetProperty("社会组织名称").GetString()).Order(StringComparer.Ordinal)
            .ShouldBe(new[] { "历下区老年人体育协会", "历下区青年志愿者协会", "历下区阳光社会工作服务中心" }.Order(StringComparer.Ordinal));

        var xlsx = await client.GetByteArrayAsync($"/opendata/resources/{fixture.ResourceId}/download.xlsx");
        using (var stream = new MemoryStream(xlsx))
        {
            var sheet = MiniExcelLibs.MiniExcel.Query(stream, useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
            sheet.Count.ShouldBe(3);
            sheet.Select(r => r["法定代表人"]?.ToString()).Order(StringComparer.Ordinal).ShouldBe(new[] { "张明", "李华", "王芳" }.Order(StringComparer.Ordinal));
        }

        var search = (await client.GetFromJsonAsync<JsonElement>($"/api/3/action/datastore_search?resource_id={fixture.ResourceId}&filters={{\"社会组织名称\":\"历下区老年人体育协会\"}}"))
            .GetProperty("result");
        search.GetProperty("total").GetInt64().ShouldBe(1);
        search.GetProperty("records")[0].GetProperty("法定代表人").GetString().ShouldBe("李华");
        var page = await client.GetStringAsync("/opendata/datasets/" + fixture.DatasetName);
        page.ShouldContain("历下区阳光社会工作服务中心");
        page.ShouldContain("共 3 行");
    }
}
