using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qilu.Identity.Data;
using Shouldly;

namespace Qilu.Identity.Tests.Clients;

/// <summary>
/// Registering department systems for other modules' scopes (the sharing gateway's, the trust federation's): granted
/// when asked for, usable at the token endpoint, and any scope that is not offered is refused naming it — it used to
/// be dropped without a word, leaving a registered gateway consumer with a client that could not call the gateway.
/// </summary>
public sealed class RegisterClientTests(IdentityHostFixture fixture) : IClassFixture<IdentityHostFixture>
{
    private IdentityHost Host => fixture.Host;

    private async Task<Guid> UnitAsync(string division, string kind)
    {
        _ = Host.Server;
        using var scope = Host.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<IdentityDbContext>();
        return await db.Departments.Where(d => d.DivisionCode == division && d.Kind == kind).Select(d => d.Id).SingleAsync();
    }

    [Fact]
    public async Task Register_WhenASystemAsksForModuleScopes_GetsThemAndItsTokensCarryThem()
    {
        using var admin = await TestSession.ApiAsAsync(Host, "sys.admin");
        var unit = await UnitAsync("370102", "health");
        using var created = await admin.PostAsJsonAsync("/api/identity/clients", new
        {
            clientId = "lx-health-emr", displayName = "历下区电子病历系统", kind = "system", scopes = new[] { "api", "sharing.gateway", "trust.federation" }, departmentId = unit,
        });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var secret = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("clientSecret").GetString()!;

        using var client = Host.CreateClient();
        using var token = await Oidc.ClientCredentialsAsync(client, "lx-health-emr", secret, "sharing.gateway trust.federation");
        token.StatusCode.ShouldBe(HttpStatusCode.OK, await token.Content.ReadAsStringAsync());
        var payload = Oidc.DecodeJwtPayload((await token.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString()!);
        payload.GetProperty("division").GetString().ShouldBe("370102");
        var scope = payload.GetProperty("scope");
        var scopes = scope.ValueKind == JsonValueKind.Array ? scope.EnumerateArray().Select(s => s.GetString()!).ToArray() : scope.GetString()!.Split(' ');
        scopes.ShouldContain("sharing.gateway");
        scopes.ShouldContain("trust.federation");

        // A scope the client was not registered with is refused at the token endpoint.
        using var other = await admin.PostAsJsonAsync("/api/identity/clients", new
        {
            clientId = "lx-health-api-only", displayName = "仅业务接口", kind = "system", scopes = new[] { "api" }, departmentId = unit,
        });
        var otherSecret = (await other.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("clientSecret").GetString()!;
        using var refused = await Oidc.ClientCredentialsAsync(client, "lx-health-api-only", otherSecret, "sharing.gateway");
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        // OpenIddict answers a scope the client may not use with invalid_request ("not allowed to use the specified scope").
        var error = await refused.Content.ReadFromJsonAsync<JsonElement>();
        error.GetProperty("error").GetString().ShouldBe("invalid_request");
        error.GetProperty("error_description").GetString()!.ShouldContain("scope");
    }

    [Theory]
    [InlineData("system", "payroll.read", "scopes.unknown")]
    [InlineData("interactive", "sharing.gateway", "scopes.system_only")]
    [InlineData("interactive", "openid2", "scopes.unknown")]
    public async Task Register_WhenAScopeIsNotOffered_Answers400NamingIt(string kind, string scope, string code)
    {
        using var admin = await TestSession.ApiAsAsync(Host, "sys.admin");
        var unit = await UnitAsync("370102", "health");
        var clientId = "refused-" + Guid.NewGuid().ToString("N")[..8];
        using var response = await admin.PostAsJsonAsync("/api/identity/clients", new
        {
            clientId, displayName = "不应注册", kind, scopes = new[] { "api", scope },
            redirectUris = kind == "interactive" ? new[] { "https://app.example.gov.cn/signin-oidc" } : null,
            departmentId = kind == "system" ? unit : (Guid?)null,
        });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var error = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateArray().Single();
        error.GetProperty("code").GetString().ShouldBe(code);
        error.GetProperty("field").GetString().ShouldBe("scopes");
        error.GetProperty("message").GetString()!.ShouldContain(scope);
        using var client = Host.CreateClient();
        (await Oidc.ClientCredentialsAsync(client, clientId, "x")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized, "nothing was registered");
    }

    [Fact]
    public async Task DemoProvince_HasTheHealthBureausSystemForTheSharingGateway()
    {
        using var client = Host.CreateClient();
        using var token = await Oidc.ClientCredentialsAsync(client, "lx-health-his", Host.Secret("lx-health-his"), "api sharing.gateway");

        token.StatusCode.ShouldBe(HttpStatusCode.OK, await token.Content.ReadAsStringAsync());
        var payload = Oidc.DecodeJwtPayload((await token.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString()!);
        payload.GetProperty("sub").GetString().ShouldBe("lx-health-his");
        payload.GetProperty("division").GetString().ShouldBe("370102");
        payload.GetProperty("qilu_kind").GetString().ShouldBe("system_client");
    }
}
