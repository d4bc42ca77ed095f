using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Shouldly;

namespace Qilu.OpenData.Tests.Ckan;

/// <summary>Every read action of the CKAN-compatible API: envelope, CKAN 2.10 field names and types, and errors.</summary>
public sealed partial class CkanApiTests(OpenDataFixture fixture) : IClassFixture<OpenDataFixture>
{
    private HttpClient Anonymous => fixture.Host.CreateClient();

    private async Task<(HttpStatusCode Status, JsonElement Body)> GetAsync(string url)
    {
        var response = await Anonymous.GetAsync(url);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        body.GetProperty("help").GetString()!.ShouldContain("/api/3/action/help_show?name=");
        return (response.StatusCode, body);
    }

    private async Task<JsonElement> OkAsync(string url)
    {
        var (status, body) = await GetAsync(url);
        status.ShouldBe(HttpStatusCode.OK, body.ToString());
        body.GetProperty("success").GetBoolean().ShouldBeTrue();
        return body.GetProperty("result");
    }

    private async Task<JsonElement> ErrorAsync(string url, HttpStatusCode expected, string type)
    {
        var (status, body) = await GetAsync(url);
        status.ShouldBe(expected, body.ToString());
        body.GetProperty("success").GetBoolean().ShouldBeFalse();
        var error = body.GetProperty("error");
        error.GetProperty("__type").GetString().ShouldBe(type);
        error.GetProperty("message").GetString().ShouldNotBeNullOrEmpty();
        return error;
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}$")]
    private static partial Regex CkanTime();

    [Fact]
    public async Task StatusShow_WhenCalled_ReturnsSiteAndCkanVersion()
    {
        var result = await OkAsync("/api/3/action/status_show");
        result.GetProperty("ckan_version").GetString()!.ShouldStartWith("2.10");
        result.GetProperty("extensions").EnumerateArray().Select(e => e.GetString()).ShouldContain("datastore");
    }

    [Fact]
    public async Task UnknownAction_WhenCalled_Returns400BadRequest()
    {
        var error = await ErrorAsync("/api/3/action/package_destroy_everything", HttpStatusCode.BadRequest, "Bad request");
        error.GetProperty("message").GetString()!.ShouldContain("Action name not known");
    }

    [Fact]
    public async Task PackageList_WhenPublished_ListsTheDatasetName()
    {
        var result = await OkAsync("/api/3/action/package_list");
        result.EnumerateArray().Select(e => e.GetString()).ShouldContain(fixture.DatasetName);
        (await OkAsync("/api/3/action/package_list?limit=0")).GetArrayLength().ShouldBe(0);
        await ErrorAsync("/api/3/action/package_list?limit=abc", HttpStatusCode.Conflict, "Validation Error");
    }

    [Fact]
    public async Task PackageShow_ByNameAndById_ReturnsTheCkanPackageDict()
    {
        var p = await OkAsync("/api/3/action/package_show?id=" + fixture.DatasetName);
        foreach (var key in new[] { "author", "author_email", "creator_user_id", "id", "isopen", "license_id", "license_title", "license_url", "maintainer",
            "maintainer_email", "metadata_created", "metadata_modified", "name", "notes", "num_resources", "num_tags", "organization", "owner_org", "private",
            "state", "title", "type", "url", "version", "extras", "groups", "resources", "tags", "relationships_as_object", "relationships_as_subject" })
            p.TryGetProperty(key, out _).ShouldBeTrue(key);
        p.GetProperty("id").GetString().ShouldBe(fixture.DatasetId.ToString());
        p.GetProperty("title").GetString().ShouldBe("社会组织登记信息");
        p.GetProperty("isopen").ValueKind.ShouldBe(JsonValueKind.True);
        p.GetProperty("private").ValueKind.ShouldBe(JsonValueKind.False);
        p.GetProperty("num_resources").GetInt32().ShouldBe(1);
        p.GetProperty("num_tags").GetInt32().ShouldBe(2);
        p.GetProperty("type").GetString().ShouldBe("dataset");
        p.GetProperty("state").GetString().ShouldBe("active");
        CkanTime().IsMatch(p.GetProperty("metadata_created").GetString()!).ShouldBeTrue();
        var org = p.GetProperty("organization");
        org.GetProperty("is_organization").GetBoolean().ShouldBeTrue();
        org.GetProperty("title").GetString()!.ShouldContain("历下区");
        org.GetProperty("name").GetString()!.ShouldMatch("^[a-z0-9_-]+$");
        p.GetProperty("owner_org").GetString().ShouldBe(org.GetProperty("id").GetString());
        var tag = p.GetProperty("tags")[0];
        tag.GetProperty("name").GetString().ShouldBeOneOf("社会组织", "民政");
        Guid.TryParse(tag.GetProperty("id").GetString(), out _).ShouldBeTrue();
        p.GetProperty("groups")[0].GetProperty("name").GetString().ShouldBe("legal-entities");
        var resource = p.GetProperty("resources")[0];
        resource.GetProperty("datastore_active").GetBoolean().ShouldBeTrue();
        resource.GetProperty("package_id").GetString().ShouldBe(fixture.DatasetId.ToString());
        resource.GetProperty("position").GetInt32().ShouldBe(0);
        resource.GetProperty("url").GetString()!.ShouldStartWith("http");
        resource.GetProperty("size").ValueKind.ShouldBe(JsonValueKind.Null);

        (await OkAsync("/api/3/action/package_show?id=" + fixture.DatasetId)).GetProperty("name").GetString().ShouldBe(fixture.DatasetName);
    }

    [Fact]
    public async Task PackageShow_WhenUnknownOrMissingId_ReturnsCkanErrors()
    {
        await ErrorAsync("/api/3/action/package_show?id=no-such-dataset", HttpStatusCode.NotFound, "Not Found Error");
        var error = await ErrorAsync("/api/3/action/package_show", HttpStatusCode.Conflict, "Validation Error");
        error.GetProperty("id")[0].GetString().ShouldBe("Missing value");
        await ErrorAsync("/api/3/action/package_show?id=x&colour=blue", HttpStatusCode.Conflict, "Validation Error");
    }

    [Fact]
    public async Task PackageSearch_InChineseWithFacets_FindsTheDatasetAndCountsFacets()
    {
        var result = await OkAsync("/api/3/action/package_search?q=社会组织&facet.field=[\"organization\",\"tags\",\"groups\",\"res_format\",\"update_cycle\"]&rows=10");
        result.GetProperty("count").GetInt32().ShouldBe(1);
        result.GetProperty("results")[0].GetProperty("name").GetString().ShouldBe(fixture.DatasetName);
        result.GetProperty("sort").GetString().ShouldBe("score desc, metadata_modified desc");
        var facets = result.GetProperty("search_facets");
        facets.GetProperty("tags").GetProperty("items").EnumerateArray().Select(i => i.GetProperty("name").GetString()).ShouldContain("民政");
        var org = facets.GetProperty("organization").GetProperty("items")[0];
        org.GetProperty("display_name").GetString()!.ShouldContain("历下区");
        org.GetProperty("count").GetInt32().ShouldBe(1);
        facets.GetProperty("groups").GetProperty("items")[0].GetProperty("display_name").GetString().ShouldBe("法人单位");
        facets.GetProperty("update_cycle").GetProperty("items")[0].GetProperty("name").GetString().ShouldBe("每周");
        result.GetProperty("facets").GetProperty("res_format").GetProperty("CSV").GetInt32().ShouldBe(1);

        (await OkAsync("/api/3/action/package_search?q=交通违法")).GetProperty("count").GetInt32().ShouldBe(0);
    }

    [Fact]
    public async Task PackageSearch_WithFqAndPost_FiltersAsCkanDoes()
    {
        (await OkAsync("/api/3/action/package_search?fq=tags:民政")).GetProperty("count").GetInt32().ShouldBe(1);
        (await OkAsync("/api/3/action/package_search?fq=%2Btags:民政 %2Bgroups:legal-entities")).GetProperty("count").GetInt32().ShouldBe(1);
        (await OkAsync("/api/3/action/package_search?fq=tags:(经济 OR 民政)")).GetProperty("count").GetInt32().ShouldBe(1);
        (await OkAsync("/api/3/action/package_search?fq=tags:经济")).GetProperty("count").GetInt32().ShouldBe(0);
        (await OkAsync("/api/3/action/package_search?q=tags:民政&include_private=true&sort=name asc")).GetProperty("count").GetInt32().ShouldBe(1);
        (await OkAsync("/api/3/action/package_search?rows=0")).GetProperty("results").GetArrayLength().ShouldBe(0);

        var response = await Anonymous.PostAsJsonAsync("/api/3/action/package_search", new { q = "社会组织", rows = 5, facet_field_unused = (string?)null });
        response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        response = await Anonymous.PostAsJsonAsync("/api/3/action/package_search", new Dictionary<string, object> { ["q"] = "社会组织", ["rows"] = 5, ["facet.field"] = new[] { "tags" } });
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body.ToString());
        body.GetProperty("result").GetProperty("search_facets").GetProperty("tags").GetProperty("items").GetArrayLength().ShouldBe(2);
    }

    [Theory]
    [InlineData("rows=1001", "Validation Error")]
    [InlineData("rows=-1", "Validation Error")]
    [InlineData("start=x", "Validation Error")]
    [InlineData("fq=tags:(a", "Search Query Error")]
    [InlineData("fq=colour:red", "Search Query Error")]
    [InlineData("fq=tags:\"unterminated", "Search Query Error")]
    [InlineData("sort=colour asc", "Search Query Error")]
    [InlineData("sort=name sideways", "Search Query Error")]
    [InlineData("facet.field=[\"colour\"]", "Search Query Error")]
    [InlineData("facet.field=[broken", "Validation Error")]
    [InlineData("colour=red", "Validation Error")]
    public async Task PackageSearch_WhenInputIsBad_Returns409CkanError(string query, string type) =>
        await ErrorAsync("/api/3/action/package_search?" + query, HttpStatusCode.Conflict, type);

    [Fact]
    public async Task PackageSearch_WhenBodyIsNotJson_Returns400()
    {
        var response = await Anonymous.PostAsync("/api/3/action/package_search", new StringContent("{not json", System.Text.Encoding.UTF8, "application/json"));
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("success").GetBoolean().ShouldBeFalse();
    }

    [Fact]
    public async Task Organizations_ListAndShow_ReturnThePublisher()
    {
        var names = await OkAsync("/api/3/action/organization_list");
        names.GetArrayLength().ShouldBe(1);
        var name = names[0].GetString()!;
        var all = await OkAsync("/api/3/action/organization_list?all_fields=true");
        all[0].GetProperty("package_count").GetInt32().ShouldBe(1);
        all[0].GetProperty("is_organization").GetBoolean().ShouldBeTrue();
        var org = await OkAsync($"/api/3/action/organization_show?id={name}&include_datasets=true");
        org.GetProperty("name").GetString().ShouldBe(name);
        org.GetProperty("packages")[0].GetProperty("name").GetString().ShouldBe(fixture.DatasetName);
        await ErrorAsync("/api/3/action/organization_show?id=nobody", HttpStatusCode.NotFound, "Not Found Error");
        await ErrorAsync("/api/3/action/organization_list?sort=colour", HttpStatusCode.Conflict, "Validation Error");
    }

    [Fact]
    public async Task GroupAndTagLists_WhenCalled_ReturnThemesAndTags()
    {
        (await OkAsync("/api/3/action/group_list")).EnumerateArray().Select(e => e.GetString()).ShouldBe(["legal-entities"]);
        var groups = await OkAsync("/api/3/action/group_list?all_fields=true");
        groups[0].GetProperty("display_name").GetString().ShouldBe("法人单位");
        groups[0].GetProperty("package_count").GetInt32().ShouldBe(1);
        (await OkAsync("/api/3/action/tag_list")).EnumerateArray().Select(e => e.GetString()).ShouldBe(["民政", "社会组织"], ignoreOrder: true);
        (await OkAsync("/api/3/action/tag_list?query=民")).GetArrayLength().ShouldBe(1);
        await ErrorAsync("/api/3/action/tag_list?vocabulary_id=x", HttpStatusCode.NotFound, "Not Found Error");
    }

    [Fact]
    public async Task ResourceShow_WhenKnownAndUnknown_ReturnsResourceOr404()
    {
        var r = await OkAsync("/api/3/action/resource_show?id=" + fixture.ResourceId);
        r.GetProperty("id").GetString().ShouldBe(fixture.ResourceId.ToString());
        r.GetProperty("format").GetString().ShouldBe("CSV");
        r.GetProperty("mimetype").GetString().ShouldBe("text/csv");
        await ErrorAsync("/api/3/action/resource_show?id=" + Guid.NewGuid(), HttpStatusCode.NotFound, "Not Found Error");
        await ErrorAsync("/api/3/action/resource_show?id=abc", HttpStatusCode.NotFound, "Not Found Error");
    }

    [Fact]
    public async Task DatastoreSearch_WhenOpenResource_ReturnsRecordsFieldsAndTotal()
    {
        var r = await OkAsync($"/api/3/action/datastore_search?resource_id={fixture.ResourceId}&limit=2&sort=社会组织名称 asc");
        r.GetProperty("total").GetInt64().ShouldBe(3);
        r.GetProperty("total_was_estimated").GetBoolean().ShouldBeFalse();
        r.GetProperty("limit").GetInt32().ShouldBe(2);
        r.GetProperty("records").GetArrayLength().ShouldBe(2);
        r.GetProperty("records")[0].GetProperty("社会组织名称").GetString().ShouldBe("历下区老年人体育协会");
        r.GetProperty("records")[0].GetProperty("_id").GetInt32().ShouldBe(1);
        r.GetProperty("fields").EnumerateArray().Select(f => f.GetProperty("id").GetString()).ShouldBe(["_id", "统一社会信用代码", "社会组织名称", "法定代表人", "成立登记日期", "业务范围", "住所所在行政区划"]);
        r.GetProperty("_links").GetProperty("next").GetString()!.ShouldContain("offset=2");

        var filtered = await OkAsync($"/api/3/action/datastore_search?resource_id={fixture.ResourceId}&filters={{\"法定代表人\":\"李华\"}}&fields=社会组织名称");
        filtered.GetProperty("total").GetInt64().ShouldBe(1);
        filtered.GetProperty("records")[0].GetProperty("社会组织名称").GetString().ShouldBe("历下区老年人体育协会");
        filtered.GetProperty("records")[0].TryGetProperty("法定代表人", out _).ShouldBeFalse();

        (await OkAsync($"/api/3/action/datastore_search?resource_id={fixture.ResourceId}&q=体育")).GetProperty("total").GetInt64().ShouldBe(1);
        (await OkAsync($"/api/3/action/datastore_search?resource_id={fixture.ResourceId}&records_format=lists")).GetProperty("records")[0].GetArrayLength().ShouldBe(7);
        (await OkAsync($"/api/3/action/datastore_search?resource_id={fixture.ResourceId}&include_total=false")).TryGetProperty("total", out _).ShouldBeFalse();
    }

    [Theory]
    [InlineData("limit=32001", HttpStatusCode.Conflict, "Validation Error")]
    [InlineData("limit=-5", HttpStatusCode.Conflict, "Validation Error")]
    [InlineData("filters={broken", HttpStatusCode.Conflict, "Validation Error")]
    [InlineData("filters={\"颜色\":\"红\"}", HttpStatusCode.Conflict, "Validation Error")]
    [InlineData("filters={\"法定代表人\":{\"lt\":1}}", HttpStatusCode.Conflict, "Validation Error")]
    [InlineData("fields=颜色", HttpStatusCode.Conflict, "Validation Error")]
    [InlineData("sort=颜色 asc", HttpStatusCode.Conflict, "Validation Error")]
    [InlineData("records_format=xml", HttpStatusCode.Conflict, "Validation Error")]
    [InlineData("colour=red", HttpStatusCode.Conflict, "Validation Error")]
    public async Task DatastoreSearch_WhenInputIsBad_ReturnsCkanError(string query, HttpStatusCode status, string type) =>
        await ErrorAsync($"/api/3/action/datastore_search?resource_id={fixture.ResourceId}&{query}", status, type);

    [Fact]
    public async Task DatastoreSearch_WhenResourceUnknownOrMissing_ReturnsCkanErrors()
    {
        await ErrorAsync("/api/3/action/datastore_search?resource_id=" + Guid.NewGuid(), HttpStatusCode.NotFound, "Not Found Error");
        await ErrorAsync("/api/3/action/datastore_search?resource_id=nope", HttpStatusCode.NotFound, "Not Found Error");
        await ErrorAsync("/api/3/action/datastore_search", HttpStatusCode.Conflict, "Validation Error");
    }
}
