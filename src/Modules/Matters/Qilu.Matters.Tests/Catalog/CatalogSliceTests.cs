using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Qilu.Matters.Contracts;
using Shouldly;

namespace Qilu.Matters.Tests.Catalog;

/// <summary>The catalog through HTTP on the seeded demo province: written once, run on SQLite and on PostgreSQL.</summary>
public abstract class CatalogSliceTestsBase(MattersFixture fixture)
{
    private const string Card = "371100104000";
    private const string Birth = "370700102000";

    private static async Task<JsonElement> Json(HttpResponseMessage r) => await r.Content.ReadFromJsonAsync<JsonElement>();

    private static async Task<JsonElement> FindAsync(HttpClient api, string q, string kind, string? division = null)
    {
        var page = await Json(await api.GetAsync($"/api/matters?q={Uri.EscapeDataString(q)}&kind={kind}" + (division is null ? "" : $"&division={division}")));
        return page.GetProperty("items")[0];
    }

    [Fact]
    public async Task Guide_WhenDivisionInheritsProvincialImplementation_ShowsEveryElement()
    {
        using var anon = fixture.Host.CreateClient();
        var guide = await Json(await anon.GetAsync($"/api/matters/public/guide/{Birth}?division=370202"));
        guide.GetProperty("offered").GetBoolean().ShouldBeTrue();
        var m = guide.GetProperty("matter");
        m.GetProperty("name").GetString().ShouldBe("户口登记（出生登记）");
        m.GetProperty("type").GetString().ShouldBe("AdministrativeConfirmation");
        m.GetProperty("implementingUnit").GetProperty("name").GetString().ShouldBe("山东省公安厅");
        m.GetProperty("implementationCode").GetString()!.ShouldStartWith($"{Birth}-370000000000-11");
        m.GetProperty("materials").GetArrayLength().ShouldBeGreaterThan(2);
        m.GetProperty("routing").GetProperty("unitKind").GetString().ShouldBe("public_security");
        var local = await Json(await anon.GetAsync($"/api/matters/public/guide/{Card}?division=370102"));
        local.GetProperty("matter").GetProperty("promisedLimitDays").GetInt32().ShouldBe(3);
        local.GetProperty("matter").GetProperty("consultPhone").GetString().ShouldBe("0531-86081234");
    }

    [Fact]
    public async Task Search_WhenChineseQuery_FindsPublishedMatters()
    {
        using var anon = fixture.Host.CreateClient();
        var hits = await Json(await anon.GetAsync("/api/matters/public/search?q=" + Uri.EscapeDataString("新生儿") + "&division=370102"));
        hits.EnumerateArray().Select(h => h.GetProperty("basicCode").GetString()).ShouldContain(Birth);
        hits.EnumerateArray().ShouldAllBe(h => h.GetProperty("offered").GetBoolean());
        var bad = await anon.GetAsync("/api/matters/public/search?q=");
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await Json(bad)).GetProperty("errors")[0].GetProperty("field").GetString().ShouldBe("q");
    }

    [Fact]
    public async Task EditStandard_WhenPublished_MakesDraftAndPublishingMovesTheVersion()
    {
        var api = await fixture.As("sd.cdo");
        var item = await FindAsync(api, "水电气联动过户", "standard");
        var id = item.GetProperty("id").GetGuid();
        var detail = await Json(await api.GetAsync($"/api/matters/{id}"));
        var own = detail.GetProperty("own").Deserialize<JsonObject>()!;
        own["promisedLimitDays"] = 0;
        var put = await api.PutAsJsonAsync($"/api/matters/{id}", new { revision = detail.GetProperty("matter").GetProperty("revision").GetUInt32(), content = own });
        put.StatusCode.ShouldBe(HttpStatusCode.OK, await put.Content.ReadAsStringAsync());
        var draft = await Json(put);
        draft.GetProperty("draftVersion").GetInt32().ShouldBe(2);
        draft.GetProperty("publishedVersion").GetInt32().ShouldBe(1);
        using var anon = fixture.Host.CreateClient();
        var before = await Json(await anon.GetAsync("/api/matters/public/guide/371100403000?division=370102"));
        before.GetProperty("matter").GetProperty("promisedLimitDays").GetInt32().ShouldBe(1, "the draft is not published yet");
        var published = await api.PostAsJsonAsync($"/api/matters/{id}/publish", new { revision = draft.GetProperty("revision").GetUInt32() });
        published.StatusCode.ShouldBe(HttpStatusCode.OK, await published.Content.ReadAsStringAsync());
        var after = await Json(await anon.GetAsync("/api/matters/public/guide/371100403000?division=370102"));
        after.GetProperty("matter").GetProperty("promisedLimitDays").GetInt32().ShouldBe(0, "the implementation inherits the new standard");
        after.GetProperty("matter").GetProperty("standardVersion").GetInt32().ShouldBe(2);
    }

    [Fact]
    public async Task Update_WhenRevisionIsStale_Answers409()
    {
        var api = await fixture.As("sd.cdo");
        var id = (await FindAsync(api, "发票领用", "standard")).GetProperty("id").GetGuid();
        var detail = await Json(await api.GetAsync($"/api/matters/{id}"));
        var revision = detail.GetProperty("matter").GetProperty("revision").GetUInt32();
        var own = detail.GetProperty("own").Deserialize<JsonObject>()!;
        var first = await api.PutAsJsonAsync($"/api/matters/{id}", new { revision, content = own });
        first.StatusCode.ShouldBe(HttpStatusCode.OK, await first.Content.ReadAsStringAsync());
        var second = await api.PutAsJsonAsync($"/api/matters/{id}", new { revision, content = own });
        second.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await Json(second)).GetProperty("errors")[0].GetProperty("code").GetString().ShouldBe("revision.stale");
    }

    [Fact]
    public async Task Update_WhenPromisedAboveStatutoryAndPhoneInvalid_AnswersProblemDetailsInBothLanguages()
    {
        var api = await fixture.As("sd.cdo");
        var id = (await FindAsync(api, "公章刻制备案", "standard")).GetProperty("id").GetGuid();
        var detail = await Json(await api.GetAsync($"/api/matters/{id}"));
        var own = detail.GetProperty("own").Deserialize<JsonObject>()!;
        own["statutoryLimitDays"] = 5;
        own["promisedLimitDays"] = 9;
        own["consultPhone"] = "88886666";
        var r = await api.PutAsJsonAsync($"/api/matters/{id}", new { revision = detail.GetProperty("matter").GetProperty("revision").GetUInt32(), content = own });
        r.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        r.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var errors = (await Json(r)).GetProperty("errors").EnumerateArray().ToList();
        var limit = errors.Single(e => e.GetProperty("code").GetString() == "time_limit.promised_above_statutory");
        limit.GetProperty("field").GetString().ShouldBe("content.promisedLimitDays");
        limit.GetProperty("message").GetString()!.ShouldContain("承诺时限");
        limit.GetProperty("messageEn").GetString()!.ShouldContain("promised limit");
        errors.ShouldContain(e => e.GetProperty("field").GetString() == "content.consultPhone" && e.GetProperty("code").GetString() == "phone.invalid");
    }

    [Fact]
    public async Task CreateStandard_WhenTypeCodeDisagreesWithType_RefusesWithField()
    {
        var api = await fixture.As("sd.cdo");
        var id = (await FindAsync(api, "公章刻制备案", "standard")).GetProperty("id").GetGuid();
        var own = (await Json(await api.GetAsync($"/api/matters/{id}"))).GetProperty("own");
        var r = await api.PostAsJsonAsync("/api/matters/standards", new { basicCode = "370100999000", level = "Main", type = "PublicService", content = own });
        r.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await Json(r)).GetProperty("errors")[0].GetProperty("code").GetString().ShouldBe("basic_code.type_mismatch");
    }

    [Fact]
    public async Task DeviationReport_WhenCountyShortensPromise_ListsOnlyThatStandardElement()
    {
        var api = await fixture.As("lx.official");
        var report = await Json(await api.GetAsync("/api/matters/deviations"));
        var row = report.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("basicCode").GetString() == Card);
        row.GetProperty("divisionCode").GetString().ShouldBe("370102");
        var elements = row.GetProperty("deviations").EnumerateArray().Select(d => d.GetProperty("element").GetString()).ToList();
        elements.ShouldBe(["promisedLimitDays"], "phones, address and hours are local elements, not deviations");
        row.GetProperty("deviations")[0].GetProperty("summary").GetString().ShouldBe("7 → 3");
    }

    [Fact]
    public async Task Scope_WhenCountyTouchesStandardOrAnotherCounty_IsRefused()
    {
        var lixia = await fixture.As("lx.official");
        var standard = await FindAsync(lixia, "社会保障卡申领", "standard");
        var detail = await Json(await lixia.GetAsync($"/api/matters/{standard.GetProperty("id").GetGuid()}"));
        var edit = await lixia.PutAsJsonAsync($"/api/matters/{standard.GetProperty("id").GetGuid()}",
            new { revision = detail.GetProperty("matter").GetProperty("revision").GetUInt32(), content = detail.GetProperty("own") });
        edit.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await Json(edit)).GetProperty("errors")[0].GetProperty("code").GetString().ShouldBe("scope.standard");

        var lixiaImpl = await FindAsync(lixia, "社会保障卡申领", "implementation", "370102");
        var shinan = await fixture.As("sn.official");
        (await shinan.GetAsync($"/api/matters/{lixiaImpl.GetProperty("id").GetGuid()}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var list = await Json(await shinan.GetAsync("/api/matters?kind=implementation&pageSize=200"));
        list.GetProperty("items").EnumerateArray().ShouldNotContain(i => i.GetProperty("divisionCode").GetString() == "370102");
        var units = fixture.Host.Services.CreateScope().ServiceProvider.GetRequiredService<Qilu.Identity.Contracts.IOrganisationDirectory>();
        var lixiaUnit = await units.FindResponsibleUnitAsync("hrss", "370102");
        var create = await shinan.PostAsJsonAsync("/api/matters/implementations",
            new { standardId = standard.GetProperty("id").GetGuid(), divisionCode = "370102", implementingUnitId = lixiaUnit!.Id });
        create.StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        using var anon = fixture.Host.CreateClient();
        (await anon.GetAsync("/api/matters")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await anon.PutAsJsonAsync($"/api/matters/{Guid.NewGuid()}", new { revision = 1 })).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Bundle_WhenMembersShareDataElementsAndCertificates_MergesFormAndMaterials()
    {
        using var anon = fixture.Host.CreateClient();
        var r = await anon.GetAsync("/api/matters/public/bundles/newborn?division=370102");
        r.StatusCode.ShouldBe(HttpStatusCode.OK, await r.Content.ReadAsStringAsync());
        var bundle = await Json(r);
        bundle.GetProperty("members").GetArrayLength().ShouldBe(4);
        var form = bundle.GetProperty("form").EnumerateArray().ToList();
        form.Count(f => f.GetProperty("key").GetString() == "新生儿姓名").ShouldBe(1);
        form.Single(f => f.GetProperty("key").GetString() == "新生儿姓名").GetProperty("usedBy").GetArrayLength().ShouldBe(4);
        var memberFields = bundle.GetProperty("members").EnumerateArray().Sum(m => m.GetProperty("matter").GetProperty("form").GetProperty("fields").GetArrayLength());
        form.Count.ShouldBeLessThan(memberFields);
        var materials = bundle.GetProperty("materials").EnumerateArray().ToList();
        materials.Count(m => m.GetProperty("key").GetString() == "cert:" + Qilu.Trust.Contracts.CertificateTypeCodes.BirthCertificate).ShouldBe(1);
        materials.Single(m => m.GetProperty("key").GetString() == "cert:" + Qilu.Trust.Contracts.CertificateTypeCodes.BirthCertificate).GetProperty("usedBy").GetArrayLength().ShouldBe(3);
        bundle.GetProperty("promisedLimitDays").GetInt32().ShouldBe(3, "the parent's limit is the latest member's: 历下区 promises 社保卡 in 3 days");
        bundle.GetProperty("offer").GetProperty("triggerEvent").GetString().ShouldBe("trust.certificate.issued");
        using var scope = fixture.Host.Services.CreateScope();
        var catalog = scope.ServiceProvider.GetRequiredService<IMatterCatalog>();
        (await catalog.BundlesTriggeredByAsync("trust.certificate.issued")).ShouldBe(["newborn"]);
        (await catalog.ListBundlesAsync("370102")).Count.ShouldBe(4);
    }
}

public sealed class CatalogSliceTests(MattersSqliteFixture fixture) : CatalogSliceTestsBase(fixture), IClassFixture<MattersSqliteFixture>;

public sealed class CatalogSlicePostgresTests(MattersPostgresFixture fixture) : CatalogSliceTestsBase(fixture), IClassFixture<MattersPostgresFixture>;
