using System.Net;
using System.Text.Json;
using Qilu.Testing;
using Shouldly;

namespace Qilu.Host.Tests;

[Collection(SharedHost.Name)]
public sealed class HostBootTests(QiluFixture host)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Get_Root_ReturnsShellWithUnencodedChinese()
    {
        var response = await host.Client.GetAsync(new Uri("/", UriKind.Relative), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync(Ct);
        html.ShouldContain("办事不求人，服务一网通");
        html.ShouldNotContain("&#x");
    }

    [Fact]
    public async Task Get_Root_CarriesSecurityHeaders()
    {
        var response = await host.Client.GetAsync(new Uri("/", UriKind.Relative), Ct);

        response.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"]);
        response.Headers.GetValues("Referrer-Policy").ShouldBe(["strict-origin-when-cross-origin"]);
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        csp.ShouldContain("frame-ancestors 'none'");
        // Scripts from this origin only, plus the one hash of OpenIddict's form_post auto-submit script.
        csp.ShouldContain("script-src 'self' 'sha256-j7OoGArf6XW6YY4cAyS3riSSvrJRqpSi1fOF9vQ5SrI=';");
        csp.ShouldNotContain("unsafe-eval");
    }

    [Fact]
    public async Task Get_Healthz_ReturnsHealthyProcessCheck()
    {
        var (status, json) = await GetJsonAsync("/healthz");

        status.ShouldBe(HttpStatusCode.OK);
        json.GetProperty("status").GetString().ShouldBe("Healthy");
        CheckNames(json).ShouldBe(["process"]);
    }

    [Fact]
    public async Task Get_Readyz_WhenDatabaseAnswers_ReturnsHealthyWithDatabaseCheck()
    {
        var (status, json) = await GetJsonAsync("/readyz");

        status.ShouldBe(HttpStatusCode.OK);
        json.GetProperty("status").GetString().ShouldBe("Healthy");
        var database = json.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "database");
        database.GetProperty("status").GetString().ShouldBe("Healthy");
        database.GetProperty("provider").GetString().ShouldBe("Sqlite");
        // The audit log's own file (ADR 0004 addendum 1) answered too.
        database.GetProperty("auditLog").GetString().ShouldBe("own database");
        // The check opened the SQLite files in the factory's own data directory, so the host got Qilu:DataDirectory.
        File.Exists(Path.Combine(host.Factory.DataDirectory, "qilu.db")).ShouldBeTrue();
        File.Exists(Path.Combine(host.Factory.DataDirectory, "qilu-audit.db")).ShouldBeTrue();
    }

    [Fact]
    public async Task Get_OpenApiDocument_IsOpenApi31WithBilingualInfoAndOAuthScheme()
    {
        var (status, json) = await GetJsonAsync("/openapi/v1.json");

        status.ShouldBe(HttpStatusCode.OK);
        json.GetProperty("openapi").GetString().ShouldStartWith("3.1");
        var info = json.GetProperty("info");
        info.GetProperty("title").GetString()!.ShouldContain("齐鲁");
        info.GetProperty("title").GetString()!.ShouldContain("Qilu");
        var oauth = json.GetProperty("components").GetProperty("securitySchemes").GetProperty("oauth2");
        oauth.GetProperty("type").GetString().ShouldBe("oauth2");
        var flows = oauth.GetProperty("flows");
        flows.GetProperty("authorizationCode").GetProperty("authorizationUrl").GetString().ShouldBe("/connect/authorize");
        flows.GetProperty("authorizationCode").GetProperty("tokenUrl").GetString().ShouldBe("/connect/token");
        flows.GetProperty("clientCredentials").GetProperty("tokenUrl").GetString().ShouldBe("/connect/token");
        json.GetProperty("paths").TryGetProperty("/api/ping", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task Get_Scalar_ReturnsReferencePageWithNonceBasedPolicy()
    {
        var response = await host.Client.GetAsync(new Uri("/scalar", UriKind.Relative), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("text/html");
        var html = await response.Content.ReadAsStringAsync(Ct);
        html.ShouldContain("openapi/v1.json");
        response.Headers.GetValues("Content-Security-Policy").Single().ShouldContain("'nonce-");
    }

    [Fact]
    public async Task Get_Metrics_ExposesPrometheusTextWithRequestDurations()
    {
        (await host.Client.GetAsync(new Uri("/api/ping", UriKind.Relative), Ct)).EnsureSuccessStatusCode();
        // The exporter caches a scrape for a moment; poll until the ping shows up.
        string text = "";
        for (var attempt = 0; attempt < 20 && !text.Contains("http_server_request_duration_seconds", StringComparison.Ordinal); attempt++)
        {
            if (attempt > 0) await Task.Delay(200, Ct);
            var response = await host.Client.GetAsync(new Uri("/metrics", UriKind.Relative), Ct);
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            response.Content.Headers.ContentType?.MediaType.ShouldBe("text/plain");
            text = await response.Content.ReadAsStringAsync(Ct);
        }

        text.ShouldContain("# TYPE http_server_request_duration_seconds histogram");
        text.ShouldContain("http_route=\"/api/ping\"");
        text.ShouldContain("service_name=\"qilu\"");
    }

    [Fact]
    public async Task Get_UnknownApiPath_ReturnsProblemJson404()
    {
        var response = await host.Client.GetAsync(new Uri("/api/does-not-exist", UriKind.Relative), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        json.RootElement.GetProperty("status").GetInt32().ShouldBe(404);
        json.RootElement.GetProperty("title").GetString().ShouldBe("资源不存在 / Not found");
        json.RootElement.GetProperty("instance").GetString().ShouldBe("/api/does-not-exist");
        json.RootElement.GetProperty("traceId").GetString().ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task Delete_Ping_ReturnsProblemJson405()
    {
        var response = await host.Client.DeleteAsync(new Uri("/api/ping", UriKind.Relative), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.MethodNotAllowed);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
    }

    private async Task<(HttpStatusCode Status, JsonElement Json)> GetJsonAsync(string path)
    {
        var response = await host.Client.GetAsync(new Uri(path, UriKind.Relative), Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);
        return (response.StatusCode, JsonDocument.Parse(body).RootElement.Clone());
    }

    private static string[] CheckNames(JsonElement json) =>
        [.. json.GetProperty("checks").EnumerateArray().Select(c => c.GetProperty("name").GetString()!)];
}
