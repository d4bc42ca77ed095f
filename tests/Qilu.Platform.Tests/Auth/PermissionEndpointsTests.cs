// xUnit1051: the HTTP calls are bounded by HttpClient's timeout; tokens add only noise here.
#pragma warning disable xUnit1051
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Qilu.Platform.Auth;
using Shouldly;

namespace Qilu.Platform.Tests.Auth;

/// <summary>
/// Endpoint guards on a real Kestrel server: one permission, or any of several (an approval inbox serves the bureau's
/// reviewers and the providers' approvers, not every applicant). (<see cref="RoleHeaderApp"/>).
/// </summary>
public sealed class PermissionEndpointsTests
{
    private sealed class Roles : IRolePermissions
    {
        public IReadOnlySet<string> PermissionsOf(IEnumerable<string> roles) => roles.Single() switch
        {
            "reviewer" => new HashSet<string> { "x.review" },
            "approver" => new HashSet<string> { "x.approve" },
            "applicant" => new HashSet<string> { "x.apply" },
            _ => new HashSet<string>(),
        };
    }

    private static async Task<(WebApplication App, HttpClient Client)> StartAsync()
    {
        var app = RoleHeaderApp.Build(new Roles());
        app.MapGet("/api/inbox", () => Results.Ok("inbox")).RequireAnyPermission("x.review", "x.approve");
        app.MapGet("/api/apply", () => Results.Ok("apply")).RequirePermission("x.apply");
        return (app, await RoleHeaderApp.StartAsync(app));
    }

    private static async Task<HttpResponseMessage> GetAsync(HttpClient client, string path, string? role)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (role is not null) request.Headers.Add(RoleHeaderApp.Header, role);
        return await client.SendAsync(request);
    }

    [Fact]
    public async Task RequireAnyPermission_WhenTheActorHoldsAnyOfThem_Admits()
    {
        var (app, client) = await StartAsync();
        await using var _ = app;
        using var __ = client;
        (await GetAsync(client, "/api/inbox", "reviewer")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await GetAsync(client, "/api/inbox", "approver")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await GetAsync(client, "/api/apply", "applicant")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task RequireAnyPermission_WhenTheActorHoldsNone_Answers403NamingTheAlternatives()
    {
        var (app, client) = await StartAsync();
        await using var _ = app;
        using var __ = client;
        var refused = await GetAsync(client, "/api/inbox", "applicant");
        refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        refused.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var body = await refused.Content.ReadAsStringAsync();
        body.ShouldContain("x.review | x.approve");
        (await GetAsync(client, "/api/apply", "approver")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await GetAsync(client, "/api/inbox", null)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }
}
