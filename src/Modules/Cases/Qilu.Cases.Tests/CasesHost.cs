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
using Qilu.Cases.Catalog;
using Qilu.Cases.Contracts;
using Qilu.Platform.Events;
using Qilu.Identity.Contracts;
using Qilu.Testing;

namespace Qilu.Cases.Tests;

/// <summary>
/// The real host (Identity, Workflow, Cases) on SQLite with the demo province, a fake clock starting Monday
/// 2026-11-30 09:00 (UTC+8), and the suite's catalog. Officials of 历下区's departments are created through the
/// Identity API as the system administrator; everyone signs in through OpenID Connect (code + PKCE) as a person would.
/// </summary>
public class CasesHost : QiluFactory
{
    public const string Password = "Cases-Test-2026";

    private readonly Dictionary<string, string> _tokens = [];
    private readonly SemaphoreSlim _gate = new(1, 1);

    public CasesHost() : this(true)
    {
    }

    /// <param name="testCatalog">False: the Matters module's real demo catalog instead of the suite's <see cref="TestCatalog"/>.</param>
    protected CasesHost(bool testCatalog) : this(new FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 1, 0, 0, TimeSpan.Zero)), testCatalog)
    {
    }

    private CasesHost(FakeTimeProvider clock, bool testCatalog) : base(new QiluFactoryOptions
    {
        DemoData = true,
        Settings = new Dictionary<string, string?> { ["Qilu:RateLimiting:SignIn:PermitLimit"] = "100000", ["Qilu:Workflow:TimerPollSeconds"] = "0.2" },
        ConfigureServices = services =>
        {
            if (Environment.GetEnvironmentVariable("CASES_REAL_CLOCK") is null) services.AddSingleton<TimeProvider>(clock);
            if (testCatalog) services.AddScoped<ICaseCatalog, TestCatalog>();
            services.AddSingleton<EventLog>();
            services.AddIntegrationEventHandler<CaseConcludedWithLicence, EventLog.LicenceHandler>();
            services.AddIntegrationEventHandler<CaseStatusChanged, EventLog.StatusHandler>();
            services.AddIntegrationEventHandler<CaseRatedBadly, EventLog.BadRatingHandler>();
        },
    })
    {
        Clock = clock;
    }

    /// <summary>The platform clock.</summary>
    public FakeTimeProvider Clock { get; }

    private string DemoLogin(string descriptionPrefix)
    {
        _ = Server;
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(DataDirectory, "demo-accounts.json")));
        return doc.RootElement.GetProperty("credentials").EnumerateArray()
            .First(c => c.GetProperty("description").GetString()!.StartsWith(descriptionPrefix, StringComparison.Ordinal) || c.GetProperty("login").GetString() == descriptionPrefix)
            .GetProperty("login").GetString()!;
    }

    public async Task<UnitInfo> UnitAsync(string kind, string division)
    {
        using var scope = Services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<IOrganisationDirectory>().FindResponsibleUnitAsync(kind, division))!;
    }

    /// <summary>An API client for a citizen of the demo (张三 in 历下区, 李四 in 市南区).</summary>
    public async Task<HttpClient> CitizenAsync(string name)
    {
        var login = DemoLogin(name);
        return Bearer(await TokenAsync(login, DemoSecret(DataDirectory, login)));
    }

    /// <summary>An API client for an official of the unit of <paramref name="kind"/> at <paramref name="division"/>, created on first use.</summary>
    public async Task<HttpClient> OfficialAsync(string userName, string kind, string division = "370102", string[]? roles = null)
    {
        await _gate.WaitAsync();
        try
        {
            if (!_tokens.ContainsKey(userName))
            {
                var unit = await UnitAsync(kind, division);
                using var admin = Bearer(await TokenAsync("sys.admin", DemoSecret(DataDirectory, "sys.admin")));
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

    /// <summary>
    /// Delivers every pending outbox message now (instead of waiting for the dispatcher's poll), across modules until
    /// nothing is left: a Cases event handled by Trust may publish a Trust event handled by Cases.
    /// </summary>
    public async Task<EventLog> DrainOutboxAsync()
    {
        for (var round = 0; round < 10; round++)
        {
            var delivered = 0;
            foreach (var d in Services.GetServices<IOutboxDispatcher>()) delivered += await d.DispatchPendingAsync(CancellationToken.None);
            if (delivered == 0) break;
        }
        return Services.GetRequiredService<EventLog>();
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
