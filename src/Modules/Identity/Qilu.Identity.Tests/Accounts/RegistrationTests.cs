using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Shouldly;

namespace Qilu.Identity.Tests.Accounts;

/// <summary>Citizen self-registration (个人注册): validation, masking, one account per ID number even under a race.</summary>
public abstract class RegistrationTestsBase(IdentityFixture fixture)
{
    private IdentityHost Host => fixture.Host;

    [Fact]
    public async Task Register_WithValidData_Answers201WithMaskedIdNumberAndTheAccountSignsIn()
    {
        using var client = Host.CreateClient();
        var idNumber = Citizens.NewIdNumber();
        var response = await Citizens.RegisterAsync(client, idNumber);
        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var body = await response.Content.ReadAsStringAsync();
        body.ShouldNotContain(idNumber);
        var json = JsonDocument.Parse(body).RootElement;
        json.GetProperty("idNumberMasked").GetString().ShouldBe(Citizens.Masked(idNumber));
        json.GetProperty("realNameLevel").GetInt32().ShouldBe(2, "name checked and a phone given: L2 in demo mode");
        response.Headers.Location!.ToString().ShouldBe($"/api/identity/users/{json.GetProperty("id").GetGuid()}");

        using var browser = Host.Browser();
        var signedIn = await IdentityHost.PostLoginAsync(browser, idNumber, Citizens.Password);
        signedIn.Headers.Location!.ToString().ShouldNotContain("error");
    }

    [Fact]
    public async Task Register_WithWrongCheckDigit_Answers400NamingIdNumberAndRule()
    {
        using var client = Host.CreateClient();
        var valid = Citizens.NewIdNumber();
        var wrong = valid[..17] + (valid[17] == '1' ? '2' : '1');
        var response = await Citizens.RegisterAsync(client, wrong);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateArray().ToList();
        errors.ShouldContain(e => e.GetProperty("field").GetString() == "idNumber" && e.GetProperty("code").GetString() == "id_number.check_digit");
    }

    [Fact]
    public async Task Register_SameIdNumberTwice_Answers409()
    {
        using var client = Host.CreateClient();
        var idNumber = Citizens.NewIdNumber();
        (await Citizens.RegisterAsync(client, idNumber)).StatusCode.ShouldBe(HttpStatusCode.Created);
        var again = await Citizens.RegisterAsync(client, idNumber, "李雷");
        again.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await again.Content.ReadAsStringAsync()).ShouldContain("id_number.registered");
    }

    [Fact]
    public async Task Register_ConcurrentlyWithOneIdNumber_CreatesExactlyOneAccount()
    {
        var idNumber = Citizens.NewIdNumber();
        // Start the host before the race: WebApplicationFactory builds its server lazily and not thread-safely.
        _ = Host.Server;
        using var start = new ManualResetEventSlim();
        var attempts = Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            using var client = Host.CreateClient();
            start.Wait();
            return (await Citizens.RegisterAsync(client, idNumber)).StatusCode;
        })).ToList();
        start.Set();
        var outcomes = await Task.WhenAll(attempts);
        outcomes.Count(s => s == HttpStatusCode.Created).ShouldBe(1, string.Join(", ", outcomes));
        outcomes.Where(s => s != HttpStatusCode.Created).ShouldAllBe(s => s == HttpStatusCode.Conflict);

        using var sys = await TestSession.ApiAsAsync(Host, "sys.admin");
        var page = await sys.GetFromJsonAsync<JsonElement>("/api/identity/users?kind=citizen&size=200");
        page.GetProperty("items").EnumerateArray().Count(i => i.GetProperty("idNumberMasked").GetString() == Citizens.Masked(idNumber)).ShouldBe(1);
    }
}

public sealed class RegistrationTests(IdentityHostFixture fixture) : RegistrationTestsBase(fixture), IClassFixture<IdentityHostFixture>;

public sealed class RegistrationPostgresTests(IdentityPostgresFixture fixture) : RegistrationTestsBase(fixture), IClassFixture<IdentityPostgresFixture>;
