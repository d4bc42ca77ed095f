using Xunit;

namespace Qilu.Testing;

/// <summary>
/// What the machine offers the suites: a PostgreSQL server (<c>QILU_TEST_POSTGRES</c>) and a Chromium binary
/// (<c>QILU_BROWSER</c>, default <c>/usr/bin/chromium</c>). The Require methods skip the calling test with a plain
/// reason when the resource is missing; .ci/run provides both.
/// </summary>
public static class TestEnvironment
{
    public const string PostgresVariable = "QILU_TEST_POSTGRES";
    public const string BrowserVariable = "QILU_BROWSER";
    public const string DefaultChromium = "/usr/bin/chromium";
    public const string PostgresSkipMessage = "PostgreSQL suite skipped: QILU_TEST_POSTGRES is not set";

    /// <summary>Server connection string, e.g. <c>Host=127.0.0.1;Username=qilu;Password=qilu;Database=postgres</c>.</summary>
    public static string? PostgresConnectionString =>
        Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } value ? value : null;

    public static string ChromiumPath =>
        Environment.GetEnvironmentVariable(BrowserVariable) is { Length: > 0 } value ? value : DefaultChromium;

    /// <summary>Returns the PostgreSQL server connection string, or skips the test.</summary>
    public static string RequirePostgres()
    {
        var connectionString = PostgresConnectionString;
        if (connectionString is null) Assert.Skip(PostgresSkipMessage);
        return connectionString;
    }

    /// <summary>Returns the Chromium executable path, or skips the test.</summary>
    public static string RequireChromium()
    {
        var path = ChromiumPath;
        if (!File.Exists(path)) Assert.Skip($"Browser suite skipped: {path} not found");
        return path;
    }
}
