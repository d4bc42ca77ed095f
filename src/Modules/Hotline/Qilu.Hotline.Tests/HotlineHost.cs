using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Qilu.Hotline.Open311;
using Qilu.Hotline.Tickets;
using Qilu.Identity.Contracts;
using Qilu.Testing;

namespace Qilu.Hotline.Tests;

/// <summary>
/// The real host on SQLite with the demo province and a fake clock starting Monday 2026-11-30 09:00 (UTC+8). The
/// background timer sweep is off: tests advance the clock and sweep explicitly. People sign in through OpenID Connect
/// (code + PKCE) as the demo accounts (jn.agent, jn.dispatch, lx.cg) or as officials created through the Identity API.
/// </summary>
public class HotlineHost : QiluFactory
{
    public const string Password = "Hotline-Test-2026";

    private readonly Dictionary<string, string> _tokens = [];
    private readonly SemaphoreSlim _gate = new(1, 1);

    public HotlineHost() : this(Qilu.Platform.Persistence.DatabaseProvider.Sqlite)
    {
    }

    protected HotlineHost(Qilu.Platform.Persistence.DatabaseProvider provider) : this(new FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 1, 0, 0, TimeSpan.Zero)), provider)
    {
    }

    private HotlineHost(FakeTimeProvider clock, Qilu.Platform.Persistence.DatabaseProvider provider) : base(new QiluFactoryOptions
    {
        Provider = provider,
        DemoData = true,
        Settings = new Dictionary<string, string?> { ["Qilu:RateLimiting:SignIn:PermitLimit"] = "100000", ["Qilu:Hotline:SweepSeconds"] = "0" },
        ConfigureServices = services => services.AddSingleton<TimeProvider>(clock),
    })
    {
        Clock = clock;
    }

    /// <summary>The platform clock.</summary>
    public FakeTimeProvider Clock { get; }

    public async Task<UnitInfo> UnitAsync(string kind, string division)
    {
        using var scope = Services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<IOrganisationDirectory>().FindResponsibleUnitAsync(kind, division))!;
    }

    /// <summary>Runs the escalation/auto-close sweep now.</summary>
    public async Task<int> SweepAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<TicketTimers>().SweepAsync(CancellationToken.None);
    }

    /// <summary>Issues an Open311 api_key.</summary>
    public async Task<string> IssueKeyAsync(string name)
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<Open311Keys>().IssueAsync(name, CancellationToken.None);
    }

    /// <summary>A client signed in as a demo account (jn.agent, jn.dispatch, lx.cg, jn.official, lx.official, sn.official …).</summary>
    public async Task<HttpClient> DemoAsync(string login)
    {
        _ = Server;
        return Bearer(await TokenAsync(login, DemoSecret(DataDirectory, login)));
    }

    /// <summary>A citizen of the demo by name (张三 in 历下区, 李四 in 市南区).</summary>
    public async Task<HttpClient> CitizenAsync(string name)
    {
        _ = Server;
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(DataDirectory, "demo-accounts.json")));
        var login = doc.RootElement.GetProperty("credentials").EnumerateArray()
            .First(c => c.GetProperty("description").GetString()!.StartsWith(name, StringComparison.Ordinal)).GetProperty("login").GetString()!;
        return Bearer(await TokenAsync(login, DemoSecret(DataDirectory, login)));
    }

    /// <summary>An official of the unit of <paramref name="kind"/> at <paramref name="division"/>, created on first use.</summary>
    public async Task<HttpClient> OfficialAsync(string userName, string kind, string division, string[]? roles = null)
    {
        await _gate.WaitAsync();
        try
        {
            if (!_tokens.ContainsKey(userName))
            {
                var unit = await UnitAsync(kind, division);
                using var admin = await DemoAsync("sys.admin");
                var created = await admin.PostAsJsonAsync("/api/identity/users", new
                {
                    userName, displayName = "办事员" + userName[^1..], departmentId = unit.Id, password = Password, roles = roles ?? ["official"],
                });
                if (created.StatusCode != HttpStatusCode.Created)
                    throw new Xunit.Sdk.XunitException($"Creating {userName}: {(int)created.StatusCode} {await created.Content.ReadAsStringAsync()}");
                _tokens[userName] = "created";
            }
        }
        finally
        {
            _gate.Release();
        }
        return Bearer(await TokenAsync(userName, Password));
    }

    public HttpClient Bearer(string token)
    {
        var api = CreateClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return api;
    }

    private const string RpRedirect = "http://127.0.0.1:5090/signin-oidc";

    /// <summary>Authorization code + PKCE at demo-rp through the login form and consent page.</summary>
    public async Task<string> TokenAsync(string login, string password)
    {
        using var browser = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var verifier = B64(RandomNumberGenerator.GetBytes(32));
        var challenge = B64(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
        var first = await browser.GetAsync($"/connect/authorize?client_id=demo-rp&response_type=code&scope={Uri.EscapeDataString("openid profile unit")}&redirect_uri={Uri.EscapeDataString(RpRedirect)}&code_challenge={challenge}&code_challenge_method=S256");
        var returnUrl = System.Web.HttpUtility.ParseQueryString(Abs(first.Headers.Location!).Query)["returnUrl"]!;
        var page = await browser.GetStringAsync("/account/login?returnUrl=" + Uri.EscapeDataString(returnUrl));
        var signedIn = await browser.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["username"] = login, ["password"] = password, ["returnUrl"] = returnUrl, ["__RequestVerificationToken"] = Antiforgery(page),
        }));
        var next = signedIn.Headers.Location?.ToString() ?? throw new Xunit.Sdk.XunitException($"Sign-in of {login}: {(int)signedIn.StatusCode}");
        if (next.Contains("error=", StringComparison.Ordinal)) throw new Xunit.Sdk.XunitException($"Sign-in of {login} failed: {next}");
        if (next.StartsWith("/account/choose", StringComparison.Ordinal))
        {
            // Someone who may act for an enterprise chooses the capacity; the suite applies personally.
            var choose = await browser.GetStringAsync(next);
            var chosen = await browser.PostAsync("/account/choose", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["capacity"] = "personal",
                ["returnUrl"] = System.Web.HttpUtility.ParseQueryString(Abs(new Uri(next, UriKind.RelativeOrAbsolute)).Query)["returnUrl"]!,
                ["__RequestVerificationToken"] = Antiforgery(choose),
            }));
            next = chosen.Headers.Location!.ToString();
        }
        var authorized = await browser.GetAsync(next);
        if (authorized.Headers.Location!.ToString().Contains("/account/consent", StringComparison.Ordinal))
        {
            var consent = await browser.GetStringAsync(authorized.Headers.Location!.ToString());
            var form = Regex.Matches(consent, "<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"")
                .ToDictionary(m => m.Groups[1].Value, m => WebUtility.HtmlDecode(m.Groups[2].Value));
            form["consent"] = "accept";
            authorized = await browser.PostAsync("/connect/authorize", new FormUrlEncodedContent(form));
        }
        var code = System.Web.HttpUtility.ParseQueryString(Abs(authorized.Headers.Location!).Query)["code"]
            ?? throw new Xunit.Sdk.XunitException($"No code for {login}: {authorized.Headers.Location}");
        using var rp = CreateClient();
        var tokens = await rp.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code", ["code"] = code, ["redirect_uri"] = RpRedirect, ["code_verifier"] = verifier,
            ["client_id"] = "demo-rp", ["client_secret"] = DemoSecret(DataDirectory, "demo-rp"),
        }));
        var json = await tokens.Content.ReadFromJsonAsync<JsonElement>();
        return json.GetProperty("access_token").GetString()!;
    }

    private static Uri Abs(Uri u) => u.IsAbsoluteUri ? u : new Uri(new Uri("http://localhost"), u);

    private static string Antiforgery(string page) => Regex.Match(page, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;

    private static string B64(byte[] b) => Convert.ToBase64String(b).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public override async ValueTask DisposeAsync()
    {
        _gate.Dispose();
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
