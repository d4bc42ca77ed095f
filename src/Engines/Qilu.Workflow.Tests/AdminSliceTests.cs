using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Web;
using System.Xml.Linq;
using Microsoft.AspNetCore.Mvc.Testing;
using Qilu.Testing;
using Shouldly;

namespace Qilu.Workflow.Tests;

/// <summary>The admin console's endpoints: diagram preview, deploy with an expected version, rule test runs, per-day calendar edits.</summary>
[Collection(WorkflowHostGroup.Name)]
public sealed class AdminSliceTests(QiluFixture host)
{
    private const string RpRedirect = "http://127.0.0.1:5090/signin-oidc";

    private static string Definition(string key, string lastRole = "approver") => $$$"""
        {"key": "{{{key}}}", "name": "示例许可",
         "nodes": [
           {"id": "start", "type": "start"},
           {"id": "accept", "type": "userTask", "name": "受理", "assignment": {"division": {"var": "divisionCode"}, "role": "acceptor"}},
           {"id": "route", "type": "exclusiveGateway"},
           {"id": "fork", "type": "parallelGateway"},
           {"id": "site", "type": "userTask", "name": "现场核查", "assignment": {"division": {"var": "divisionCode"}, "role": "inspector"}},
           {"id": "expert", "type": "userTask", "name": "专家评审", "assignment": {"division": {"var": "divisionCode"}, "role": "reviewer"}},
           {"id": "join", "type": "parallelGateway"},
           {"id": "decide", "type": "userTask", "name": "决定", "assignment": {"division": {"var": "divisionCode"}, "role": "{{{lastRole}}}"}},
           {"id": "end", "type": "end"}],
         "flows": [
           {"from": "start", "to": "accept"},
           {"from": "accept", "to": "route"},
           {"from": "route", "to": "fork", "condition": {"==": [{"var": "risk"}, "high"]}},
           {"from": "route", "to": "decide", "default": true},
           {"from": "fork", "to": "site"}, {"from": "fork", "to": "expert"},
           {"from": "site", "to": "join"}, {"from": "expert", "to": "join"},
           {"from": "join", "to": "decide"}, {"from": "decide", "to": "end"}]}
        """;

    [Fact]
    public async Task Diagram_WhenParallelBranches_StacksThemInOneColumnWithDiamondGatewaysAndOneArrowPerFlow()
    {
        var api = await SignInAsync("sys.admin");
        var r = await api.PostAsync("/api/workflow/definitions/diagram", Json(Definition("admin.diagram")));
        r.StatusCode.ShouldBe(HttpStatusCode.OK, await r.Content.ReadAsStringAsync());
        r.Content.Headers.ContentType!.MediaType.ShouldBe("image/svg+xml");
        var svg = XDocument.Parse(await r.Content.ReadAsStringAsync());
        XNamespace ns = "http://www.w3.org/2000/svg";
        var nodes = svg.Descendants(ns + "g").Where(g => g.Attribute("data-id") is not null).ToDictionary(g => g.Attribute("data-id")!.Value);
        int Col(string id) => int.Parse(nodes[id].Attribute("data-column")!.Value, System.Globalization.CultureInfo.InvariantCulture);
        Col("start").ShouldBe(0);
        Col("accept").ShouldBe(1);
        Col("site").ShouldBe(Col("expert"), "parallel branches share a column");
        nodes["site"].Attribute("data-row")!.Value.ShouldNotBe(nodes["expert"].Attribute("data-row")!.Value, "and are stacked");
        Col("decide").ShouldBe(Col("join") + 1, "the default flow does not pull 决定 left of the join");
        nodes["fork"].Element(ns + "polygon").ShouldNotBeNull();
        nodes["route"].Element(ns + "polygon").ShouldNotBeNull();
        nodes["accept"].Element(ns + "rect").ShouldNotBeNull();
        svg.Descendants(ns + "path").Count(p => p.Attribute("class")?.Value.StartsWith("wf-flow", StringComparison.Ordinal) == true).ShouldBe(10);
    }

    [Fact]
    public async Task Diagram_WhenDocumentCannotBeRead_Answers400WithJsonPaths()
    {
        var api = await SignInAsync("sys.admin");
        var r = await api.PostAsync("/api/workflow/definitions/diagram", Json("""{"key": "x", "nodes": [{"id": "s", "type": "teleport"}], "flows": []}"""));
        r.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var fields = (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("field").GetString()).ToList();
        fields.ShouldContain(f => f!.StartsWith("$.nodes[0]", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Deploy_WhenAnotherVersionWasDeployedSinceTheEditStarted_Answers409AndDeploysOnTheLatest()
    {
        var api = await SignInAsync("sys.admin");
        var key = "admin.deploy." + Guid.NewGuid().ToString("N")[..8];
        (await api.PostAsync("/api/workflow/definitions?expectedVersion=0", Json(Definition(key)))).StatusCode.ShouldBe(HttpStatusCode.OK);
        var stale = await api.PostAsync("/api/workflow/definitions?expectedVersion=0", Json(Definition(key, "director")));
        stale.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var problem = await stale.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("errors")[0].GetProperty("code").GetString().ShouldBe("workflow.definition_stale");
        problem.GetProperty("errors")[0].GetProperty("message").GetString()!.ShouldContain("v1");
        var next = await api.PostAsync("/api/workflow/definitions?expectedVersion=1", Json(Definition(key, "director")));
        next.StatusCode.ShouldBe(HttpStatusCode.OK, await next.Content.ReadAsStringAsync());
        (await next.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt32().ShouldBe(2);
        var diagram = await api.GetAsync($"/api/workflow/definitions/{key}/diagram?version=1");
        diagram.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await diagram.Content.ReadAsStringAsync()).ShouldContain("data-id=\"decide\"");
    }

    [Fact]
    public async Task RuleTest_WhenRuleBreaksTheSchema_ListsEachProblemUnderItsPath()
    {
        var api = await SignInAsync("sys.admin");
        var r = await api.PostAsJsonAsync("/api/workflow/rules/test", new
        {
            schema = """{"variables": [{"name": "age", "type": "number"}, {"name": "hukou", "type": "string", "enum": ["本地", "外地"]}]}""",
            rule = """{"and": [{">=": [{"var": "age"}, 18]}, {"==": [{"var": "hukou"}, "北京"]}, {"var": "income"}]}""",
            data = "{}",
        });
        r.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await r.Content.ReadFromJsonAsync<JsonElement>();
        body.GetProperty("valid").GetBoolean().ShouldBeFalse();
        var errors = body.GetProperty("errors").EnumerateArray().Select(e => (e.GetProperty("field").GetString(), e.GetProperty("code").GetString())).ToList();
        errors.ShouldContain(e => e.Item1!.StartsWith("rule$.and[1]", StringComparison.Ordinal) && e.Item2 == "rules.schema.enum");
        errors.ShouldContain(e => e.Item1!.StartsWith("rule$.and[2]", StringComparison.Ordinal) && e.Item2 == "rules.schema.unknown_variable");
    }

    [Fact]
    public async Task RuleTest_WhenValid_ReturnsResultAndAnExplanationOfEachClause()
    {
        var api = await SignInAsync("sys.admin");
        var r = await api.PostAsJsonAsync("/api/workflow/rules/test", new
        {
            schema = """{"variables": [{"name": "age", "type": "number"}, {"name": "hukou", "type": "string"}]}""",
            rule = """{"or": [{"==": [{"var": "hukou"}, "本地"]}, {">=": [{"var": "age"}, 60]}]}""",
            data = """{"age": 65, "hukou": "外地"}""",
        });
        var body = await r.Content.ReadFromJsonAsync<JsonElement>();
        body.GetProperty("valid").GetBoolean().ShouldBeTrue(body.ToString());
        body.GetProperty("isTrue").GetBoolean().ShouldBeTrue();
        var root = body.GetProperty("explanation");
        root.GetProperty("operator").GetString().ShouldBe("or");
        var clauses = root.GetProperty("children").EnumerateArray().ToList();
        clauses[0].GetProperty("isTrue").GetBoolean().ShouldBeFalse();
        clauses[0].GetProperty("inputs").EnumerateArray().Select(i => i.ToString()).ShouldContain("外地");
        clauses[1].GetProperty("isTrue").GetBoolean().ShouldBeTrue();
        clauses[1].GetProperty("path").GetString().ShouldBe("$.or[1]");
    }

    [Fact]
    public async Task WorkingDays_WhenCountingOverNationalDay_SkipsTheHolidaysAndCountsTheAdjustedSaturday()
    {
        var api = await SignInAsync("sys.admin");
        var body = await api.GetFromJsonAsync<JsonElement>("/api/workflow/calendar/working-days?from=2026-09-30&days=5");
        body.GetProperty("date").GetString().ShouldBe("2026-10-13");
        body.GetProperty("skipped").EnumerateArray().Count(s => s.GetProperty("reason").GetString() == "holiday").ShouldBe(7);
        body.GetProperty("adjustedWorkingDays").EnumerateArray().Select(d => d.GetString()).ShouldBe(["2026-10-10"]);
        body.GetProperty("deadline").GetDateTimeOffset().ShouldBe(new DateTimeOffset(2026, 10, 13, 16, 0, 0, TimeSpan.Zero));
        (await api.GetAsync("/api/workflow/calendar/working-days?from=2026-09-30&days=-1")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task CalendarDay_WhenAddedThenRemoved_TheEngineCountsItAndAStaleStampAnswers409()
    {
        var api = await SignInAsync("sys.admin");
        var stamp = (await api.GetFromJsonAsync<JsonElement>("/api/workflow/calendar?year=2026")).GetProperty("stamp").GetString();
        var weekday = await api.PutAsJsonAsync("/api/workflow/calendar/days/2026-12-23", new { kind = 1, name = "测试", stamp });
        weekday.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await weekday.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors")[0].GetProperty("code").GetString().ShouldBe("calendar.adjusted_weekday");

        var added = await api.PutAsJsonAsync("/api/workflow/calendar/days/2026-12-26", new { kind = 1, name = "测试调休", stamp });
        added.StatusCode.ShouldBe(HttpStatusCode.OK, await added.Content.ReadAsStringAsync());
        var newStamp = (await added.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("stamp").GetString();
        newStamp.ShouldNotBe(stamp);
        (await api.GetFromJsonAsync<JsonElement>("/api/workflow/calendar/working-days?from=2026-12-24&days=2")).GetProperty("date").GetString().ShouldBe("2026-12-26");

        var stale = await api.DeleteAsync($"/api/workflow/calendar/days/2026-12-26?stamp={stamp}");
        stale.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await stale.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors")[0].GetProperty("code").GetString().ShouldBe("calendar.stale");

        (await api.DeleteAsync($"/api/workflow/calendar/days/2026-12-26?stamp={newStamp}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await api.GetFromJsonAsync<JsonElement>("/api/workflow/calendar/working-days?from=2026-12-24&days=2")).GetProperty("date").GetString().ShouldBe("2026-12-28");

        var official = await SignInAsync("jn.official");
        (await official.PutAsJsonAsync("/api/workflow/calendar/days/2026-12-26", new { kind = 1, name = "x", stamp = newStamp })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    // Sign-in is rate limited per client address; the collection's host is shared, so each login signs in once.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<QiluFixture, System.Collections.Concurrent.ConcurrentDictionary<string, Task<HttpClient>>> Clients = [];

    private Task<HttpClient> SignInAsync(string login) => Clients.GetOrCreateValue(host).GetOrAdd(login, SignInOnceAsync);

    /// <summary>A bearer client for a demo account through authorization code + PKCE at demo-rp (as in <see cref="HttpTests"/>).</summary>
    private async Task<HttpClient> SignInOnceAsync(string login)
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
}
