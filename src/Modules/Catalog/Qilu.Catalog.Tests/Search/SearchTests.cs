using System.Net;
using System.Text.Json;
using Shouldly;
using static Qilu.Catalog.Tests.Entries.CatalogApi;

namespace Qilu.Catalog.Tests.Search;

/// <summary>Chinese search with facets over the demo catalog (济南 and 青岛 departments' published entries).</summary>
public abstract class SearchTestsBase(CatalogFixture fixture)
{
    private CatalogHost Host => fixture.Host;

    private static long FacetSum(JsonElement result, string facet) =>
        result.GetProperty("facets").GetProperty(facet).EnumerateArray().Sum(f => f.GetProperty("count").GetInt64());

    [Fact]
    public async Task Search_ChineseWord_FindsMatchingEntriesOfBothCities()
    {
        var api = await Host.ApiAsync("qd.official");
        var result = await GetAsync(api, "/api/catalog/entries?q=" + Uri.EscapeDataString("户籍") + "&size=50");
        var hits = result.GetProperty("hits").GetProperty("items").EnumerateArray().ToList();
        hits.ShouldNotBeEmpty();
        hits.ShouldAllBe(h => h.GetProperty("name").GetString()!.Contains("户籍") || h.GetProperty("abstract").GetString()!.Contains("户籍"));
        hits.Select(h => h.GetProperty("providerDivisionCode").GetString()).ShouldContain("370100");
        hits.Select(h => h.GetProperty("providerDivisionCode").GetString()).ShouldContain("370200");
    }

    [Fact]
    public async Task Search_ByItemName_FindsEntriesWithThatField()
    {
        var result = await GetAsync(await Host.ApiAsync("qd.official"), "/api/catalog/entries?q=" + Uri.EscapeDataString("社会保障卡号"));
        result.GetProperty("hits").GetProperty("total").GetInt64().ShouldBeGreaterThanOrEqualTo(2);
    }

    [Fact]
    public async Task Search_TwoWords_RequiresBoth()
    {
        var api = await Host.ApiAsync("qd.official");
        var both = await GetAsync(api, "/api/catalog/entries?q=" + Uri.EscapeDataString("青岛 户籍"));
        both.GetProperty("hits").GetProperty("items").EnumerateArray()
            .ShouldAllBe(h => h.GetProperty("providerName").GetString()!.Contains("青岛"));
        var none = await GetAsync(api, "/api/catalog/entries?q=" + Uri.EscapeDataString("户籍 不存在的词"));
        none.GetProperty("hits").GetProperty("total").GetInt64().ShouldBe(0);
    }

    [Fact]
    public async Task Facets_CountTheWholeMatchingSet()
    {
        var result = await GetAsync(await Host.ApiAsync("qd.official"), "/api/catalog/entries?size=5");
        var total = result.GetProperty("hits").GetProperty("total").GetInt64();
        total.ShouldBeGreaterThanOrEqualTo(60);
        result.GetProperty("hits").GetProperty("items").GetArrayLength().ShouldBe(5);
        foreach (var facet in new[] { "unit", "grade", "shareType", "format" }) FacetSum(result, facet).ShouldBe(total, facet);
        FacetSum(result, "theme").ShouldBeLessThanOrEqualTo(total);
    }

    [Fact]
    public async Task Filter_ByFacetValue_NarrowsAndAgreesWithTheFacetCount()
    {
        var api = await Host.ApiAsync("qd.official");
        var all = await GetAsync(api, "/api/catalog/entries");
        var conditional = all.GetProperty("facets").GetProperty("shareType").EnumerateArray().Single(f => f.GetProperty("value").GetString() == "Conditional");
        var filtered = await GetAsync(api, "/api/catalog/entries?shareType=Conditional&size=200");
        filtered.GetProperty("hits").GetProperty("total").GetInt64().ShouldBe(conditional.GetProperty("count").GetInt64());
        filtered.GetProperty("hits").GetProperty("items").EnumerateArray().ShouldAllBe(h => h.GetProperty("shareType").GetString() == "Conditional");

        var theme = await GetAsync(api, "/api/catalog/entries?theme=" + Uri.EscapeDataString("社会保障") + "&grade=L4&size=200");
        theme.GetProperty("hits").GetProperty("items").EnumerateArray()
            .ShouldAllBe(h => h.GetProperty("theme").GetString() == "社会保障" && h.GetProperty("grade").GetString() == "L4");
        var unitValue = all.GetProperty("facets").GetProperty("unit")[0];
        var byUnit = await GetAsync(api, $"/api/catalog/entries?unit={unitValue.GetProperty("value").GetString()}&format=Database&size=200");
        byUnit.GetProperty("hits").GetProperty("items").EnumerateArray().ShouldAllBe(h =>
            h.GetProperty("providerUnitId").GetString() == unitValue.GetProperty("value").GetString() && h.GetProperty("format").GetString() == "Database");
    }

    [Fact]
    public async Task Search_NeverShowsDrafts()
    {
        var lixia = await Host.ApiAsync("lx.official");
        await CreateAsync(lixia, Entry("历下区检索草稿隐形测试"));
        var result = await GetAsync(await Host.ApiAsync("qd.official"), "/api/catalog/entries?q=" + Uri.EscapeDataString("检索草稿隐形测试"));
        result.GetProperty("hits").GetProperty("total").GetInt64().ShouldBe(0);
    }

    [Fact]
    public async Task Search_OverlongQuery_Answers400() =>
        await GetAsync(await Host.ApiAsync("qd.official"), "/api/catalog/entries?q=" + new string('数', 101), HttpStatusCode.BadRequest);
}

[Collection("catalog-sqlite")]
public sealed class SearchTests(CatalogHostFixture fixture) : SearchTestsBase(fixture), IClassFixture<CatalogHostFixture>;

[Collection("catalog-postgres")]
public sealed class PostgresSearchTests(CatalogPostgresFixture fixture) : SearchTestsBase(fixture), IClassFixture<CatalogPostgresFixture>;
