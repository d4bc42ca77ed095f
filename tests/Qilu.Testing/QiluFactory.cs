using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Qilu.Platform.Persistence;

namespace Qilu.Testing;

/// <summary>
/// Starts the real host (<c>Program</c> of Qilu.Host) in process with its own temp data directory and its own
/// database: SQLite in that directory by default, or a uniquely named PostgreSQL database on the server given by
/// <c>QILU_TEST_POSTGRES</c>, dropped on dispose. Log entries (after redaction) are captured in <see cref="Logs"/>.
/// For browser tests call <see cref="StartOnKestrel"/> to listen on a real loopback port.
/// </summary>
public class QiluFactory : WebApplicationFactory<Program>
{
    private readonly QiluFactoryOptions _options;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> _secrets = new(StringComparer.Ordinal);
    private int _cleanedUp;

    public QiluFactory() : this(new QiluFactoryOptions())
    {
    }

    public QiluFactory(QiluFactoryOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        DataDirectory = Directory.CreateTempSubdirectory("qilu-test-").FullName;
        if (options.Provider == DatabaseProvider.PostgreSql)
        {
            var server = TestEnvironment.PostgresConnectionString
                ?? throw new InvalidOperationException(TestEnvironment.PostgresSkipMessage);
            Postgres = PostgresDatabase.Create(server);
            ConnectionString = Postgres.ConnectionString;
        }
        else
        {
            ConnectionString = new SqliteConnectionStringBuilder { DataSource = Path.Combine(DataDirectory, "qilu.db") }.ConnectionString;
        }
    }

    /// <summary>The host's data directory (<c>Qilu:DataDirectory</c>), deleted on dispose.</summary>
    public string DataDirectory { get; }

    public DatabaseProvider Provider => _options.Provider;

    /// <summary>The connection string handed to the host (<c>Qilu:Database:ConnectionString</c>).</summary>
    public string ConnectionString { get; }

    /// <summary>The PostgreSQL database created for this factory, when <see cref="Provider"/> is PostgreSQL.</summary>
    public PostgresDatabase? Postgres { get; }

    /// <summary>Every log entry the host wrote, as its providers received it.</summary>
    public LogSink Logs { get; } = new();

    /// <summary>
    /// The password or client secret the demo seeder wrote for <paramref name="login"/> to <c>demo-accounts.json</c>
    /// in <paramref name="dataDirectory"/> (tests sign in exactly as a person trying the platform would).
    /// </summary>
    public static string DemoSecret(string dataDirectory, string login)
    {
        using var doc = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(dataDirectory, "demo-accounts.json")));
        return doc.RootElement.GetProperty("credentials").EnumerateArray()
            .First(c => c.GetProperty("login").GetString() == login).GetProperty("secret").GetString()!;
    }

    /// <summary>Password or client secret for a demo login, as the demo seeder wrote it to <c>demo-accounts.json</c>.</summary>
    public string Secret(string login)
    {
        _ = Server;
        return _secrets.GetOrAdd(login, l => DemoSecret(DataDirectory, l));
    }

    /// <summary>A client that keeps cookies and does not follow redirects, as a browser's requests look to the host.</summary>
    public HttpClient Browser() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>Signs in through the login form (antiforgery token and all) and returns where the form redirected.</summary>
    public static async Task<HttpResponseMessage> PostLoginAsync(HttpClient browser, string user, string password, string returnUrl = "/")
    {
        ArgumentNullException.ThrowIfNull(browser);
        var page = await browser.GetStringAsync(new Uri("/account/login?returnUrl=" + Uri.EscapeDataString(returnUrl), UriKind.Relative));
        var token = Regex.Match(page, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["username"] = user, ["password"] = password, ["returnUrl"] = returnUrl, ["__RequestVerificationToken"] = token,
        });
        return await browser.PostAsync(new Uri("/account/login", UriKind.Relative), form);
    }

    /// <summary>Fails the test unless <paramref name="response"/> redirects to a location containing <paramref name="prefix"/>.</summary>
    public static void ShouldRedirectTo(HttpResponseMessage response, string prefix)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (response.StatusCode is not (HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther))
            throw new Xunit.Sdk.XunitException($"Expected redirect to {prefix}, got {(int)response.StatusCode}: {response.Content.ReadAsStringAsync().Result}");
        var location = response.Headers.Location!.ToString();
        if (!location.Contains(prefix, StringComparison.Ordinal)) throw new Xunit.Sdk.XunitException($"Expected redirect to {prefix}, got {location}");
    }

    /// <summary>
    /// Makes the host listen on a free loopback port with Kestrel (for Playwright) and returns its base address.
    /// Call before anything else touches <see cref="WebApplicationFactory{TEntryPoint}.Server"/> or creates a client.
    /// </summary>
    public Uri StartOnKestrel()
    {
        UseKestrel(0);
        StartServer();
        return ClientOptions.BaseAddress;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseEnvironment(_options.Environment);
        var settings = new Dictionary<string, string?>
        {
            ["Qilu:DataDirectory"] = DataDirectory,
            ["Qilu:Database:Provider"] = _options.Provider.ToString(),
            ["Qilu:Database:ConnectionString"] = ConnectionString,
            ["Qilu:Demo:Enabled"] = _options.DemoData ? "true" : "false",
            // The demo citizens' wallets stay empty in slice tests (they issue, count and suspend certificates of their
            // own); the browser suite runs the real host with them. A suite can switch them back on in Settings.
            ["Qilu:Trust:DemoCertificates"] = "false",
        };
        foreach (var (key, value) in _options.Settings) settings[key] = value;
        // UseSetting reaches the builder's configuration before Program's own code reads it (module switches,
        // database provider), unlike ConfigureAppConfiguration, which applies only at Build().
        foreach (var (key, value) in settings) builder.UseSetting(key, value);
        builder.ConfigureServices(services =>
        {
            services.AddSingleton<ILoggerProvider>(Logs);
            _options.ConfigureServices?.Invoke(services);
        });
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing) CleanUp();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        CleanUp();
        GC.SuppressFinalize(this);
    }

    private void CleanUp()
    {
        if (Interlocked.Exchange(ref _cleanedUp, 1) == 1) return;
        Postgres?.Dispose();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a background worker; the OS temp cleaner removes it later.
        }
    }
}
