using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Qilu.Platform.Auth;
using Shouldly;
using static Qilu.Catalog.Tests.Entries.CatalogApi;

namespace Qilu.Catalog.Tests.Entries;

/// <summary>
/// Deny by default and scope: 401 anonymous, 403 without permission, and a unit never sees or touches another unit's
/// unpublished entries (404: scope hides existence). 历下区 (lx.official) and 市南区 (sn.official) are both
/// civil-affairs bureaus whose officials hold the review permission but are not big-data bureaus.
/// </summary>
public abstract class ScopeMatrixTestsBase(CatalogFixture fixture)
{
    private CatalogHost Host => fixture.Host;

    private List<(string Method, string Route, string Permission)> ProtectedEndpoints()
    {
        _ = Host.Server;
        return [.. Host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText!.StartsWith("/api/catalog", StringComparison.Ordinal))
            .Select(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods[0],
                e.RoutePattern.RawText!.Replace("{id:guid}", Guid.NewGuid().ToString()).Replace("{entryId:guid}", Guid.NewGuid().ToString()).Replace("{importId:guid}", Guid.NewGuid().ToString()).Replace("{identifier}", "DE0001").Replace("{code}", "SD-BL-001"),
                e.Metadata.GetOrderedMetadata<Microsoft.AspNetCore.Authorization.AuthorizationPolicy>()
                    .SelectMany(p => p.Requirements).OfType<PermissionRequirement>().FirstOrDefault()?.Name))
            .Where(e => e.Item3 is not null).Select(e => (e.Item1, e.Item2, e.Item3!))];
    }

    [Fact]
    public async Task EveryEndpoint_WhenAnonymous_Answers401()
    {
        using var client = Host.CreateClient();
        var endpoints = ProtectedEndpoints();
        // 16 entry/element/base-list endpoints + 15 resource, import, quality and objection endpoints.
        endpoints.Count.ShouldBe(31);
        foreach (var (method, route, _) in endpoints)
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), route) { Content = JsonContent.Create(new { }) };
            (await client.SendAsync(request)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized, $"{method} {route}");
        }
    }

    [Fact]
    public async Task EveryEndpoint_WhenSystemClientWithoutCatalogPermissions_Answers403()
    {
        using var client = Host.CreateClient();
        var token = await (await Oidc.ClientCredentialsAsync(client, "sd-market-system", Host.Secret("sd-market-system"))).Content.ReadFromJsonAsync<JsonElement>();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token.GetProperty("access_token").GetString());
        foreach (var (method, route, permission) in ProtectedEndpoints())
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), route) { Content = JsonContent.Create(new { }) };
            (await client.SendAsync(request)).StatusCode.ShouldBe(HttpStatusCode.Forbidden, $"{method} {route} ({permission})");
        }
    }

    [Fact]
    public async Task OtherCounty_CannotReadEditSubmitOrWithdrawADraft_Answers404()
    {
        var lixia = await Host.ApiAsync("lx.official");
        var shinan = await Host.ApiAsync("sn.official");
        var draft = await CreateAsync(lixia, Entry("历下区范围测试"));
        var id = Id(draft);
        await GetAsync(shinan, $"/api/catalog/entries/{id}", HttpStatusCode.NotFound);
        (await shinan.PutAsJsonAsync($"/api/catalog/entries/{id}", new { version = Version(draft), entry = Entry("篡改") })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        await PostAsync(shinan, $"/api/catalog/entries/{id}/submit", new { version = Version(draft) }, HttpStatusCode.NotFound);
        await PostAsync(shinan, $"/api/catalog/entries/{id}/withdraw", new { version = Version(draft), reason = "x" }, HttpStatusCode.NotFound);
        // The draft stays untouched.
        (await GetAsync(lixia, $"/api/catalog/entries/{id}")).GetProperty("working").GetProperty("name").GetString().ShouldBe("历下区范围测试");
    }

    [Fact]
    public async Task OtherCounty_CannotEditAPublishedEntry_Answers404()
    {
        var shinan = await Host.ApiAsync("sn.official");
        var search = await GetAsync(shinan, "/api/catalog/entries?q=" + Uri.EscapeDataString("历下区民政局") + "&size=5");
        var hit = search.GetProperty("hits").GetProperty("items")[0];
        var detail = await GetAsync(shinan, $"/api/catalog/entries/{Id(hit)}");
        detail.GetProperty("canEdit").GetBoolean().ShouldBeFalse();
        (await shinan.PutAsJsonAsync($"/api/catalog/entries/{Id(hit)}", new { version = Version(detail), entry = Entry("篡改") }))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Review_OnlyByBigDataBureauOfAnEnclosingDivision()
    {
        var lixia = await Host.ApiAsync("lx.official");
        var draft = await CreateAsync(lixia, Entry("历下区审核范围测试"));
        var submitted = await PostAsync(lixia, $"/api/catalog/entries/{Id(draft)}/submit", new { version = Version(draft) });
        var body = new { version = Version(submitted), comment = "x" };
        // A civil-affairs bureau (even its chief data officer, even of the same county) does not review: not found.
        await PostAsync(lixia, $"/api/catalog/entries/{Id(draft)}/approve", body, HttpStatusCode.NotFound);
        await PostAsync(await Host.ApiAsync("sn.official"), $"/api/catalog/entries/{Id(draft)}/approve", body, HttpStatusCode.NotFound);
        // 青岛's data officer lacks the permission altogether.
        await PostAsync(await Host.ApiAsync("qd.official"), $"/api/catalog/entries/{Id(draft)}/approve", body, HttpStatusCode.Forbidden);
        // 济南 big-data bureau reviews 历下区; the provincial one could too.
        var approved = await PostAsync(await Host.ApiAsync("jn.official"), $"/api/catalog/entries/{Id(draft)}/approve", body);
        approved.GetProperty("published").GetProperty("number").GetInt32().ShouldBe(1);
    }

    [Fact]
    public async Task ReviewInbox_ShowsOnlyTheBureausSubtree()
    {
        var jinan = await GetAsync(await Host.ApiAsync("jn.official"), "/api/catalog/review?size=200");
        jinan.GetProperty("items").EnumerateArray().ShouldAllBe(i => i.GetProperty("providerDivisionCode").GetString()!.StartsWith("3701"));
        var province = await GetAsync(await Host.ApiAsync("sd.cdo"), "/api/catalog/review?size=200");
        province.GetProperty("total").GetInt64().ShouldBeGreaterThanOrEqualTo(jinan.GetProperty("total").GetInt64());
        await GetAsync(await Host.ApiAsync("lx.official"), "/api/catalog/review", HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task MyEntries_ListsOnlyOwnUnit()
    {
        var page = await GetAsync(await Host.ApiAsync("sn.official"), "/api/catalog/my/entries?size=200");
        page.GetProperty("total").GetInt64().ShouldBeGreaterThan(0);
        page.GetProperty("items").EnumerateArray().ShouldAllBe(i => i.GetProperty("providerDivisionCode").GetString() == "370202");
    }

    [Fact]
    public async Task Claim_ByUnitOfTheRightKind_CreatesDraftOnceOnly()
    {
        var province = await Host.ApiAsync("sd.cdo");
        var list = await GetAsync(province, "/api/catalog/base-list");
        list.GetArrayLength().ShouldBe(30);
        var claimed = await PostAsync(province, "/api/catalog/base-list/SD-BL-029/claim", new { }, HttpStatusCode.Created);
        claimed.GetProperty("baseItemCode").GetString().ShouldBe("SD-BL-029");
        claimed.GetProperty("working").GetProperty("status").GetString().ShouldBe("Draft");
        claimed.GetProperty("working").GetProperty("items").GetArrayLength().ShouldBe(2);
        var again = await PostAsync(province, "/api/catalog/base-list/SD-BL-029/claim", new { }, HttpStatusCode.Conflict);
        Errors(again).First().Code.ShouldBe("claim.already");
        var relisted = await GetAsync(province, "/api/catalog/base-list?kind=bigdata");
        relisted.EnumerateArray().Single(i => i.GetProperty("code").GetString() == "SD-BL-029").GetProperty("claimedEntryId").GetString().ShouldBe(Id(claimed));
        // A claimed draft passes the grading rules as it stands.
        await PostAsync(province, $"/api/catalog/entries/{Id(claimed)}/submit", new { version = Version(claimed) });
    }

    [Fact]
    public async Task Claim_ByUnitOfAnotherKind_Answers403()
    {
        var problem = await PostAsync(await Host.ApiAsync("lx.official"), "/api/catalog/base-list/SD-BL-004/claim", new { }, HttpStatusCode.Forbidden);
        Errors(problem).First().Code.ShouldBe("claim.wrong_kind");
    }
}

[Collection("catalog-sqlite")]
public sealed class ScopeMatrixTests(CatalogHostFixture fixture) : ScopeMatrixTestsBase(fixture), IClassFixture<CatalogHostFixture>;

[Collection("catalog-postgres")]
public sealed class PostgresScopeMatrixTests(CatalogPostgresFixture fixture) : ScopeMatrixTestsBase(fixture), IClassFixture<CatalogPostgresFixture>;
