using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Shouldly;
using static Qilu.Catalog.Tests.Entries.CatalogApi;

namespace Qilu.Catalog.Tests.Elements;

/// <summary>The element registry over HTTP: standard elements seeded with source units, validation, maintenance rights.</summary>
public abstract class ElementApiTestsBase(CatalogFixture fixture)
{
    private CatalogHost Host => fixture.Host;

    [Fact]
    public async Task ListElements_HasTheStandardElementsWithSourceUnits()
    {
        var list = await GetAsync(await Host.ApiAsync("lx.official"), "/api/catalog/elements");
        var elements = list.EnumerateArray().Select(i => i.GetProperty("element")).ToList();
        elements.Count.ShouldBeGreaterThanOrEqualTo(24);
        var id = elements.Single(e => e.GetProperty("identifier").GetString() == "DE0001");
        id.GetProperty("nameZh").GetString().ShouldBe("公民身份号码");
        id.GetProperty("defaultGrade").GetString().ShouldBe("L4");
        id.GetProperty("sourceUnitId").ValueKind.ShouldBe(JsonValueKind.String);
        elements.Single(e => e.GetProperty("identifier").GetString() == "DE0003").GetProperty("codeList").GetArrayLength().ShouldBe(4);
    }

    [Fact]
    public async Task Validate_BadIdNumber_Answers400WithTheChecksumRule()
    {
        var api = await Host.ApiAsync("lx.official");
        var problem = await PostAsync(api, "/api/catalog/elements/DE0001/validate", new { value = "370102198803151010" }, HttpStatusCode.BadRequest);
        Errors(problem).First().Code.ShouldStartWith("id_number.");
        var ok = await PostAsync(api, "/api/catalog/elements/DE0009/validate", new { value = "３７０１０２" });
        ok.GetProperty("value").GetString().ShouldBe("370102");
        var unknown = await PostAsync(api, "/api/catalog/elements/XX0000/validate", new { value = "1" }, HttpStatusCode.BadRequest);
        Errors(unknown).First().Code.ShouldBe("element.unknown");
    }

    [Fact]
    public async Task SaveElement_ByBigDataBureau_CreatesAndUpdatesWithConcurrency()
    {
        var jinan = await Host.ApiAsync("jn.official");
        var suffix = Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var body = new
        {
            identifier = "JN" + suffix, nameZh = "车牌号码", nameEn = "Plate number", definition = "机动车号牌号码", dataType = "string",
            format = "pattern", pattern = "^[\\u4e00-\\u9fa5][A-Z][A-Z0-9]{5,6}$", maxLength = 8, defaultGrade = "L2", status = "active",
        };
        var created = await PostAsync(jinan, "/api/catalog/elements", body, HttpStatusCode.Created);
        var rowVersion = created.GetProperty("rowVersion").GetUInt32();
        (await PostAsync(jinan, $"/api/catalog/elements/JN{suffix}/validate", new { value = "鲁A12345" })).GetProperty("value").GetString().ShouldBe("鲁A12345");
        await PostAsync(jinan, $"/api/catalog/elements/JN{suffix}/validate", new { value = "A12345" }, HttpStatusCode.BadRequest);
        await PostAsync(jinan, "/api/catalog/elements", body, HttpStatusCode.Conflict);

        var update = await jinan.PutAsJsonAsync($"/api/catalog/elements/JN{suffix}", new
        {
            body.identifier, nameZh = "机动车号牌号码", body.nameEn, body.definition, body.dataType, body.format, body.pattern, body.maxLength,
            body.defaultGrade, body.status, rowVersion,
        });
        await ShouldBeAsync(update, HttpStatusCode.OK);
        var stale = await jinan.PutAsJsonAsync($"/api/catalog/elements/JN{suffix}", new
        {
            body.identifier, nameZh = "又改", body.nameEn, body.definition, body.dataType, body.format, body.pattern, body.maxLength,
            body.defaultGrade, body.status, rowVersion,
        });
        await ShouldBeAsync(stale, HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task SaveElement_BrokenPatternOrMissingCodes_Answers400()
    {
        var jinan = await Host.ApiAsync("jn.official");
        var problem = await PostAsync(jinan, "/api/catalog/elements", new
        {
            identifier = "JNBAD1", nameZh = "坏", nameEn = "Bad", dataType = "string", format = "pattern", pattern = "([a-z",
        }, HttpStatusCode.BadRequest);
        ShouldHaveError(problem, "pattern", "pattern.invalid");
        var codes = await PostAsync(jinan, "/api/catalog/elements", new { identifier = "JNBAD2", nameZh = "坏", nameEn = "Bad", dataType = "code", format = "code_list" }, HttpStatusCode.BadRequest);
        ShouldHaveError(codes, "codeList", "code_list.required");
    }

    [Fact]
    public async Task SaveElement_ByUnitThatIsNotABigDataBureau_Answers403()
    {
        var problem = await PostAsync(await Host.ApiAsync("lx.official"), "/api/catalog/elements",
            new { identifier = "LX0001", nameZh = "x", nameEn = "x", dataType = "string", format = "text" }, HttpStatusCode.Forbidden);
        Errors(problem).First().Code.ShouldBe("elements.not_bigdata");
        await PostAsync(await Host.ApiAsync("qd.official"), "/api/catalog/elements",
            new { identifier = "QD0001", nameZh = "x", nameEn = "x", dataType = "string", format = "text" }, HttpStatusCode.Forbidden);
    }
}

[Collection("catalog-sqlite")]
public sealed class ElementApiTests(CatalogHostFixture fixture) : ElementApiTestsBase(fixture), IClassFixture<CatalogHostFixture>;

[Collection("catalog-postgres")]
public sealed class PostgresElementApiTests(CatalogPostgresFixture fixture) : ElementApiTestsBase(fixture), IClassFixture<CatalogPostgresFixture>;
