using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Web;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Qilu.SharedKernel.Actors;
using Qilu.Testing;
using Qilu.Workflow.Contracts;
using Shouldly;

namespace Qilu.Workflow.Tests;

/// <summary>The engine inside the real host: its admin endpoints, permissions, and the 409 answer with allowed actions.</summary>
[CollectionDefinition(Name)]
public sealed class WorkflowHostGroup : ICollectionFixture<QiluFixture>
{
    public const string Name = "workflow-host";
}

[Collection(WorkflowHostGroup.Name)]
public sealed class HttpTests(QiluFixture host)
{
    private const string RpRedirect = "http://127.0.0.1:5090/signin-oidc";

    /// <summary>
    /// An API client holding a real access token for a demo account: authorization code + PKCE at demo-rp, through the
    /// login form and the consent page, exactly as a person would sign in.
    /// </summary>
    private async Task<HttpClient> SignInAsync(string login)
    {
        using var browser = host.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var verifier = Base64Url(RandomNumberGenerator.GetBytes(32));
        var challenge = Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
        var authorize = $"/connect/authorize?client_id=demo-rp&response_type=code&scope={Uri.EscapeDataString("openid profile unit")}&redirect_uri={Uri.EscapeDataString(RpRedirect)}&code_challenge={challenge}&code_challenge_method=S256";
        var first = await browser.GetAsync(authorize);
        var returnUrl = HttpUtility.ParseQueryString(Absolute(first.Headers.Location!).Query)["returnUrl"]!;
        var page = await browser.GetStringAsync("/account/login?returnUrl=" + Uri.EscapeDataString(returnUrl));
        var signedIn = await browser.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["username"] = login, ["password"] = QiluFactory.DemoSecret(host.Factory.DataDirectory, login), ["returnUrl"] = returnUrl,
            ["__RequestVerificationToken"] = Regex.Match(page, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value,
        }));
        var authorized = await browser.GetAsync(signedIn.Headers.Location!.ToString());
        if (authorized.Headers.Location!.ToString().Contains("/account/consent", StringComparison.Ordinal))
        {
            var consent = await browser.GetStringAsync(authorized.Headers.Location!.ToString());
            var form = Regex.Matches(consent, "<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"")
                .ToDictionary(m => m.Groups[1].Value, m => WebUtility.HtmlDecode(m.Groups[2].Value));
            form["consent"] = "accept";
            authorized = await browser.PostAsync("/connect/authorize", new FormUrlEncodedContent(form));
        }
        var code = HttpUtility.ParseQueryString(Absolute(authorized.Headers.Location!).Query)["code"]!;
        var tokens = await browser.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code", ["code"] = code, ["redirect_uri"] = RpRedirect, ["code_verifier"] = verifier,
            ["client_id"] = "demo-rp", ["client_secret"] = QiluFactory.DemoSecret(host.Factory.DataDirectory, "demo-rp"),
        }));
        tokens.StatusCode.ShouldBe(HttpStatusCode.OK, await tokens.Content.ReadAsStringAsync());
        var api = host.Factory.CreateClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            (await tokens.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString());
        return api;
    }

    private static Uri Absolute(Uri location) => location.IsAbsoluteUri ? location : new Uri(new Uri("http://localhost"), location);

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    [Fact]
    public async Task Endpoints_WhenAnonymous_Answer401()
    {
        (await host.Client.GetAsync("/api/workflow/definitions")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await host.Client.GetAsync("/api/workflow/calendar")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await host.Client.PostAsync("/api/workflow/definitions", Json(Defs.Parallel))).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Definitions_AsSystemAdministrator_ValidateDeployAndList()
    {
        using var admin = await SignInAsync("sys.admin");
        var invalid = await admin.PostAsync("/api/workflow/definitions/validate", Json(Defs.Parallel.Replace("\"role\": \"officer\"", "\"role\": \"\"")));
        invalid.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await invalid.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("field").GetString())
            .ShouldContain("$.nodes[2].assignment.role");

        var deployed = await admin.PostAsync("/api/workflow/definitions", Json(Defs.Parallel.Replace("\"key\": \"parallel\"", "\"key\": \"http-parallel\"")));
        deployed.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await deployed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt32().ShouldBe(1);
        var list = await admin.GetFromJsonAsync<JsonElement>("/api/workflow/definitions");
        list.EnumerateArray().Select(d => d.GetProperty("key").GetString()).ShouldContain("http-parallel");
        var one = await admin.GetFromJsonAsync<JsonElement>("/api/workflow/definitions/http-parallel");
        one.GetProperty("json").GetString()!.ShouldContain("parallelGateway");
    }

    [Fact]
    public async Task Definitions_AsOfficialWithoutPermission_Answer403()
    {
        using var official = await SignInAsync("lx.official");
        (await official.GetAsync("/api/workflow/definitions")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await official.PutAsync("/api/workflow/calendar/2027", JsonContent.Create(new { days = Array.Empty<object>() }))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Calendar_Seeded2026_AndAdministratorSetsAYear()
    {
        using var admin = await SignInAsync("sys.admin");
        var year = await admin.GetFromJsonAsync<JsonElement>("/api/workflow/calendar?year=2026");
        var days = year.GetProperty("days").EnumerateArray().ToList();
        days.Count(d => d.GetProperty("kind").GetInt32() == 0).ShouldBe(33);
        days.Count(d => d.GetProperty("kind").GetInt32() == 1).ShouldBe(6);

        var bad = await admin.PutAsync("/api/workflow/calendar/2027", JsonContent.Create(new { days = new[] { new { date = "2027-02-10", kind = 1, name = "春节" } } }));
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest, "10 Feb 2027 is a Wednesday: not an adjusted working day");
        var ok = await admin.PutAsync("/api/workflow/calendar/2027", JsonContent.Create(new { days = new[]
        {
            new { date = "2027-01-01", kind = 0, name = "元旦" },
            new { date = "2027-02-06", kind = 0, name = "春节" },
        } }));
        ok.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ok.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("days").GetArrayLength().ShouldBe(2);
    }

    [Fact]
    public async Task CompleteTask_WithStaleVersion_Answers409WithAllowedActions()
    {
        var engine = host.Factory.Services.GetRequiredService<IWorkflowEngine>();
        const string definition = """
        { "key": "http-step", "nodes": [ { "id": "start", "type": "start" },
            { "id": "handle", "type": "userTask", "assignment": { "unitKind": "civil_affairs", "division": "370102", "role": "official" } },
            { "id": "end", "type": "end" } ],
          "flows": [ { "from": "start", "to": "handle" }, { "from": "handle", "to": "end" } ] }
        """;
        var system = new Actor(ActorKind.SystemClient, "test", "test", null, null, new HashSet<string>(), new HashSet<string>(), RealNameLevel.None);
        (await engine.DeployAsync(definition, system)).IsSuccess.ShouldBeTrue();
        var instance = (await engine.StartAsync("http-step", "H-1", [], system)).Value;
        var task = (await engine.ListTasksAsync(new TaskQuery { InstanceId = instance.Id })).Single();

        using var official = await SignInAsync("lx.official");
        var mine = await official.GetFromJsonAsync<JsonElement>("/api/workflow/tasks");
        mine.EnumerateArray().Select(t => t.GetProperty("id").GetGuid()).ShouldContain(task.Id);
        (await official.PostAsync($"/api/workflow/tasks/{task.Id}/claim?expectedVersion={task.Version}", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var stale = await official.PostAsJsonAsync($"/api/workflow/tasks/{task.Id}/complete", new { expectedVersion = task.Version });
        stale.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var problem = await stale.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("allowedActions").EnumerateArray().Select(a => a.GetString()).ShouldBe([WorkflowActions.Complete, WorkflowActions.Delegate]);
        (await official.PostAsJsonAsync($"/api/workflow/tasks/{task.Id}/complete", new { expectedVersion = task.Version + 1, comment = "已办结" }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        (await engine.GetInstanceAsync(instance.Id)).Value.State.ShouldBe(InstanceState.Completed);
    }
}
