using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Qilu.Platform.Auth;
using Shouldly;

namespace Qilu.Identity.Tests.Accounts;

/// <summary>
/// Deny by default and division scope, across every endpoint of the module: anonymous callers get 401, callers
/// without the permission 403, and a county official never sees another county's people.
/// </summary>
public abstract class ScopeMatrixTestsBase(IdentityFixture fixture)
{
    private IdentityHost Host => fixture.Host;

    /// <summary>A structurally valid ID number whose check digit is wrong (the right one, plus one mod 10).</summary>
    private static readonly string WrongCheckDigit = Seed.DemoProvinceSeeder.MakeId("370102", new DateOnly(1990, 1, 1), 555) is var id
        ? id[..17] + (id[17] == 'X' ? '0' : (char)('0' + (id[17] - '0' + 1) % 10)) : "";

    private List<(string Method, string Route, string Permission)> ProtectedEndpoints()
    {
        _ = Host.Server;
        var sources = Host.Services.GetRequiredService<EndpointDataSource>();
        return [.. sources.Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText!.StartsWith("/api/identity", StringComparison.Ordinal))
            .Select(e => (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()!.HttpMethods[0],
                e.RoutePattern.RawText!.Replace("{id:guid}", Guid.NewGuid().ToString()).Replace("{code}", "official").Replace("{creditCode}", "x"),
                e.Metadata.GetOrderedMetadata<Microsoft.AspNetCore.Authorization.AuthorizationPolicy>()
                    .SelectMany(p => p.Requirements).OfType<PermissionRequirement>().FirstOrDefault()?.Name))
            .Where(e => e.Item3 is not null)
            .Select(e => (e.Item1, e.Item2, e.Item3!))];
    }

    [Fact]
    public async Task EveryProtectedEndpoint_WhenAnonymous_Answers401ProblemDetails()
    {
        using var client = Host.CreateClient();
        var endpoints = ProtectedEndpoints();
        endpoints.Count.ShouldBeGreaterThan(10);
        foreach (var (method, route, _) in endpoints)
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), route) { Content = BodyFor(route) };
            var response = await client.SendAsync(request);
            response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized, $"{method} {route}");
            response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json", $"{method} {route}");
        }
    }

    [Fact]
    public async Task EveryProtectedEndpoint_WhenActorLacksPermission_Answers403()
    {
        // A system client holds no Identity permission at all.
        using var client = Host.CreateClient();
        ProtectedEndpoints().Count.ShouldBeGreaterThan(10);
        var token = await (await Oidc.ClientCredentialsAsync(client, "sd-market-system", Host.Secret("sd-market-system")))
            .Content.ReadFromJsonAsync<JsonElement>();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token.GetProperty("access_token").GetString());
        foreach (var (method, route, permission) in ProtectedEndpoints())
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), route) { Content = BodyFor(route) };
            var response = await client.SendAsync(request);
            response.StatusCode.ShouldBe(HttpStatusCode.Forbidden, $"{method} {route} ({permission})");
        }
    }

    [Fact]
    public async Task ListAccounts_AsCountyOfficial_SeesOnlyOwnCounty()
    {
        using var lixia = await TestSession.ApiAsAsync(Host, "sd.cdo");
        _ = lixia;
        using var jinan = await TestSession.ApiAsAsync(Host, "jn.official");
        var page = await jinan.GetFromJsonAsync<JsonElement>("/api/identity/users?size=200");
        var divisions = page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("divisionCode").GetString()!).ToList();
        divisions.ShouldNotBeEmpty();
        divisions.ShouldAllBe(d => d.StartsWith("3701"));
        var qingdaoAccount = await FindIdAsync("sn.official");
        (await jinan.GetAsync($"/api/identity/users/{qingdaoAccount}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var lixiaAccount = await FindIdAsync("lx.official");
        (await jinan.GetAsync($"/api/identity/users/{lixiaAccount}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        // Personal identifiers only ever appear masked.
        var body = await jinan.GetStringAsync("/api/identity/users?kind=citizen&size=200");
        body.ShouldNotContain(Seed.DemoProvinceSeeder.MakeId("370102", new DateOnly(1988, 3, 15), 101));
        body.ShouldContain("3701**********");
    }

    [Fact]
    public async Task AssignRoles_CombiningAdministrators_IsRefusedBySeparationOfDuties()
    {
        using var sec = await TestSession.ApiAsAsync(Host, "sec.admin");
        var page = await sec.GetFromJsonAsync<JsonElement>("/api/identity/users?q=sd.cdo");
        var item = page.GetProperty("items")[0];
        var id = item.GetProperty("id").GetString();
        var response = await sec.PutAsJsonAsync($"/api/identity/users/{id}/roles",
            new { roles = new[] { "sys_admin", "audit_admin" }, version = item.GetProperty("version").GetUInt32() });
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain("roles.separation_of_duties");
        var stale = await sec.PutAsJsonAsync($"/api/identity/users/{id}/roles", new { roles = new[] { "official" }, version = 999u });
        stale.StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task UpdateRolePermissions_GivingAuditAccessToSystemAdmin_IsRefused()
    {
        using var sec = await TestSession.ApiAsAsync(Host, "sec.admin");
        var roles = await sec.GetFromJsonAsync<JsonElement>("/api/identity/roles");
        var sys = roles.EnumerateArray().Single(r => r.GetProperty("code").GetString() == "sys_admin");
        var perms = sys.GetProperty("permissions").EnumerateArray().Select(p => p.GetString()!).Append("audit.log.read").ToArray();
        var response = await sec.PutAsJsonAsync("/api/identity/roles/sys_admin/permissions", new { permissions = perms, version = sys.GetProperty("version").GetUInt32() });
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain("roles.audit_permission_reserved");
    }

    [Fact]
    public async Task CreateOfficial_WithMalformedIdNumber_NamesFieldAndRule()
    {
        using var sys = await TestSession.ApiAsAsync(Host, "sys.admin");
        var deps = await sys.GetFromJsonAsync<JsonElement>("/api/identity/departments?division=370100&size=1");
        var depId = deps.GetProperty("items")[0].GetProperty("id").GetString();
        var response = await sys.PostAsJsonAsync("/api/identity/users", new
        {
            userName = "jn.new", displayName = "新同事", departmentId = depId, password = "Password12345", idNumber = WrongCheckDigit,
        });
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var error = problem.GetProperty("errors")[0];
        error.GetProperty("field").GetString().ShouldBe("idNumber");
        error.GetProperty("code").GetString().ShouldBe("id_number.check_digit");
    }

    /// <summary>A body of the media type the endpoint accepts (routing answers 415 to others before authorization runs).</summary>
    private static HttpContent BodyFor(string route) => route.EndsWith("/import", StringComparison.Ordinal)
        ? new MultipartFormDataContent { { new ByteArrayContent("code,name,level,parent\n"u8.ToArray()), "file", "d.csv" } }
        : JsonContent.Create(new { });

    private async Task<string> FindIdAsync(string userName)
    {
        using var sys = await TestSession.ApiAsAsync(Host, "sys.admin");
        var page = await sys.GetFromJsonAsync<JsonElement>($"/api/identity/users?q={userName}");
        return page.GetProperty("items")[0].GetProperty("id").GetString()!;
    }
}

public sealed class ScopeMatrixTests(IdentityHostFixture fixture) : ScopeMatrixTestsBase(fixture), IClassFixture<IdentityHostFixture>;

public sealed class ScopeMatrixPostgresTests(IdentityPostgresFixture fixture) : ScopeMatrixTestsBase(fixture), IClassFixture<IdentityPostgresFixture>;
