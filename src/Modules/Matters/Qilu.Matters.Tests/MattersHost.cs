using System.Text.Json;
using Qilu.Platform.Persistence;

namespace Qilu.Matters.Tests;

/// <summary>
/// The real host in a fresh data directory, seeded with the demo province, on SQLite (a file in that directory) or on
/// a uniquely named PostgreSQL database on the <c>QILU_TEST_POSTGRES</c> server (created here, dropped on dispose).
/// Exposes the demo credentials it generated so tests sign in exactly as a person would.
/// </summary>
public sealed class MattersHost : QiluFactory
{
    private readonly Lazy<JsonDocument> _demoAccounts;

    public MattersHost() : this(DatabaseProvider.Sqlite)
    {
    }

    public MattersHost(DatabaseProvider provider) : base(new QiluFactoryOptions
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

    public override async ValueTask DisposeAsync()
    {
        if (_demoAccounts.IsValueCreated) _demoAccounts.Value.Dispose();
        await base.DisposeAsync();
    }

}
