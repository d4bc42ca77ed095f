using System.Text.Json;
using System.Text.RegularExpressions;
using Qilu.Platform.Persistence;

namespace Qilu.Identity.Tests;

/// <summary>
/// The real host in a fresh data directory, seeded with the demo province, on SQLite (a file in that directory) or on
/// a uniquely named PostgreSQL database on the <c>QILU_TEST_POSTGRES</c> server (created here, dropped on dispose).
/// Exposes the demo credentials it generated so tests sign in exactly as a person would.
/// </summary>
public sealed class IdentityHost : QiluFactory
{
    private readonly Lazy<JsonDocument> _demoAccounts;

    public IdentityHost() : this(DatabaseProvider.Sqlite)
    {
    }

    public IdentityHost(DatabaseProvider provider) : base(new QiluFactoryOptions
    {
        Provider = provider,
        DemoData = true,
        // The suite signs in dozens of times from one test client; production limits stay as configured.
        Settings = new Dictionary<string, string?> { ["Qilu:RateLimiting:SignIn:PermitLimit"] = "100000" },
    })
    {
        _demoAccounts = new(() =>
        {
            _ = Server;
            return JsonDocument.Parse(File.ReadAllText(Path.Combine(DataDirectory, "demo-accounts.json")));
        });
    }

    private IEnumerable<JsonElement> Credentials => _demoAccounts.Value.RootElement.GetProperty("credentials").EnumerateArray();

    /// <summary>The TOTP secret the seeder reported in the credential's description.</summary>
    public string TotpSecret(string login)
    {
        var description = Credentials.First(c => c.GetProperty("login").GetString() == login).GetProperty("description").GetString()!;
        return Regex.Match(description, "TOTP 密钥 ([A-Z2-7]+)").Groups[1].Value;
    }

    public override async ValueTask DisposeAsync()
    {
        if (_demoAccounts.IsValueCreated) _demoAccounts.Value.Dispose();
        await base.DisposeAsync();
    }

}
