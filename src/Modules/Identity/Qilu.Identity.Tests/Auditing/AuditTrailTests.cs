using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Shouldly;

namespace Qilu.Identity.Tests.Auditing;

/// <summary>
/// Identity events reach the platform's audit log, with personal identifiers masked, and only the audit administrator
/// (三员分立) can read them.
/// </summary>
public abstract class AuditTrailTestsBase(IdentityFixture fixture)
{
    private IdentityHost Host => fixture.Host;

    [Fact]
    public async Task FailedSignIns_ReadByAuditAdministrator_AreInTheLogWithIdentifiersMasked()
    {
        var probe = "probe." + Guid.NewGuid().ToString("N")[..8];
        var unregistered = Citizens.NewIdNumber();
        using var browser = Host.Browser();
        IdentityHost.ShouldRedirectTo(await IdentityHost.PostLoginAsync(browser, probe, "wrong-password-1"), "error=invalid");
        IdentityHost.ShouldRedirectTo(await IdentityHost.PostLoginAsync(browser, unregistered, "wrong-password-1"), "error=invalid");

        using var audit = await TestSession.ApiAsAsync(Host, "audit.admin");
        var response = await audit.GetAsync("/api/audit/entries?action=identity.signin&size=200");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await response.Content.ReadAsStringAsync();
        var entries = JsonDocument.Parse(body).RootElement.GetProperty("items").EnumerateArray().ToList();
        entries.ShouldAllBe(e => e.GetProperty("action").GetString()!.StartsWith("identity.signin", StringComparison.Ordinal));
        var failures = entries.Where(e => e.GetProperty("action").GetString() == "identity.signin.failed").ToList();
        failures.ShouldContain(e => Login(e) == probe);
        failures.ShouldContain(e => Login(e) == Citizens.Masked(unregistered));
        body.ShouldNotContain(unregistered);
    }

    [Fact]
    public async Task AuditEntries_ReadBySystemAdministrator_Answers403()
    {
        using var sys = await TestSession.ApiAsAsync(Host, "sys.admin");
        var response = await sys.GetAsync("/api/audit/entries?action=identity.signin");
        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    [Fact]
    public async Task AdministrativeChange_IsAuditedWithTheActingAdministrator()
    {
        var (_, accountId) = await Citizens.RegisterNewAsync(Host, "郑十");
        using var sys = await TestSession.ApiAsAsync(Host, "sys.admin");
        (await sys.PostAsync($"/api/identity/users/{accountId}/disable", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var sysId = (await sys.GetFromJsonAsync<JsonElement>("/api/identity/me")).GetProperty("subjectId").GetString();

        using var audit = await TestSession.ApiAsAsync(Host, "audit.admin");
        var page = await audit.GetFromJsonAsync<JsonElement>("/api/audit/entries?action=identity.users.disabled&size=200");
        page.GetProperty("items").EnumerateArray().ShouldContain(e =>
            e.GetProperty("actorId").GetString() == sysId
            && e.GetProperty("target").GetProperty("id").GetString() == accountId.ToString());
    }

    private static string? Login(JsonElement entry) =>
        entry.TryGetProperty("details", out var d) && d.ValueKind == JsonValueKind.Object && d.TryGetProperty("login", out var l) ? l.GetString() : null;
}

public sealed class AuditTrailTests(IdentityHostFixture fixture) : AuditTrailTestsBase(fixture), IClassFixture<IdentityHostFixture>;

public sealed class AuditTrailPostgresTests(IdentityPostgresFixture fixture) : AuditTrailTestsBase(fixture), IClassFixture<IdentityPostgresFixture>;
