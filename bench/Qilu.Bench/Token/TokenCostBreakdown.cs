using System.Buffers.Binary;
using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using Qilu.Platform.Audit;
using static Qilu.Bench.BenchOptions;

namespace Qilu.Bench.Token;

/// <summary>
/// Where a client-credentials token's cost goes, measured against the running host's own services with Stopwatch
/// sections: the client-secret check (OpenIddict's PBKDF2), the RS256 signature, the token row OpenIddict stores per
/// token, the audit entry the endpoint appends, and the log entries per request. Each is timed on its own; "share"
/// is that cost times the measured token rate divided by the cores, i.e. the fraction of the machine it would take.
/// </summary>
internal static class TokenCostBreakdown
{
    public static async Task RunAsync(TextWriter output, IServiceProvider services, TokenBenchmark.HostRun run)
    {
        var tokenRun = run.LastTokenRun ?? throw new InvalidOperationException("no token run to break down");
        var rate = tokenRun.Result.PerSecond;
        var cores = Environment.ProcessorCount;
        string Share(double ms) => $"{F(100 * ms * rate / 1000 / cores, 0)} % of {cores} cores at {N0(rate)} tokens/s";
        output.WriteLine();
        output.WriteLine($"breakdown (host idle, each part timed alone; share = cost × {N0(rate)} tokens/s ÷ {cores} cores):");
        output.WriteLine($"  whole request: {F(tokenRun.CpuMsPerRequest, 2)} CPU ms per token (server + load generator, same process)");

        // 1. Client authentication: OpenIddict hashes client secrets with PBKDF2 and re-derives on every request.
        var dbPath = Path.Combine(run.DataDirectory, "qilu.db");
        var (hash, tokenTable) = await ReadStoreAsync(dbPath);
        var pbkdf2 = DescribePbkdf2(hash);
        await using (var scope = services.CreateAsyncScope())
        {
            var apps = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
            var app = await apps.FindByClientIdAsync(TokenBenchmark.ClientId) ?? throw new InvalidOperationException("demo client missing");
            if (!await apps.ValidateClientSecretAsync(app, run.Secret)) throw new InvalidOperationException("demo secret did not verify");
            var ms = await TimeAsync(20, async () => await apps.ValidateClientSecretAsync(app, run.Secret));
            output.WriteLine($"  client secret check (IOpenIddictApplicationManager.ValidateClientSecretAsync, {pbkdf2}): {F(ms, 2)} ms CPU per token → {Share(ms)}; " +
                             $"alone caps the endpoint at {N0(cores * 1000 / ms)} tokens/s");
        }

        // 2. The access token's RS256 signature with the host's signing key.
        var server = services.GetRequiredService<IOptionsMonitor<OpenIddictServerOptions>>().CurrentValue;
        var signing = server.SigningCredentials.First();
        var provider = signing.Key.CryptoProviderFactory.CreateForSigning(signing.Key, signing.Algorithm);
        var payload = new byte[600];
        var signMs = await TimeAsync(200, () => { provider.Sign(payload); return Task.CompletedTask; });
        output.WriteLine($"  access token signature ({signing.Algorithm}, {signing.Key.KeySize}-bit {signing.Key.GetType().Name}): {F(signMs, 3)} ms per token → {Share(signMs)}");

        // 3. Token storage: OpenIddict inserts one row per token unless token storage is disabled.
        var rows = await CountAsync(dbPath, tokenTable);
        output.WriteLine($"  token rows in {tokenTable}: {N0(rows)} for {N0(run.TokensIssued)} tokens issued ({F(rows / (double)Math.Max(1, run.TokensIssued), 2)} per token)");
        await using (var scope = services.CreateAsyncScope())
        {
            var apps = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
            var appId = await apps.GetIdAsync((await apps.FindByClientIdAsync(TokenBenchmark.ClientId))!);
            var tokens = scope.ServiceProvider.GetRequiredService<IOpenIddictTokenManager>();
            var now = TimeProvider.System.GetUtcNow();
            OpenIddictTokenDescriptor Descriptor() => new()
            {
                ApplicationId = appId, Subject = TokenBenchmark.ClientId, Type = OpenIddictConstants.TokenTypeHints.AccessToken,
                Status = OpenIddictConstants.Statuses.Valid, CreationDate = now, ExpirationDate = now.AddMinutes(30),
            };
            await tokens.CreateAsync(Descriptor());
            var insertMs = await TimeAsync(100, async () => await tokens.CreateAsync(Descriptor()));
            var parallel = await ParallelRateAsync(16, TimeSpan.FromSeconds(3), async () =>
            {
                await using var s = services.CreateAsyncScope();
                await s.ServiceProvider.GetRequiredService<IOpenIddictTokenManager>().CreateAsync(Descriptor());
            });
            output.WriteLine($"  token row insert (IOpenIddictTokenManager.CreateAsync, SQLite WAL, one commit each): {F(insertMs, 2)} ms serial; " +
                             $"{N0(parallel)} inserts/s with 16 concurrent callers (a ceiling on tokens/s while storage is on)");
        }

        // 4. The audit entry "identity.token.client_credentials" (durable append, group commit).
        var log = services.GetRequiredService<IAuditLog>();
        var record = new AuditRecord("bench.token.probe", AuditOutcome.Success) { Target = new AuditTarget("client", TokenBenchmark.ClientId) };
        await log.AppendAsync(record);
        var appendMs = await TimeAsync(30, async () => await log.AppendAsync(record));
        var appends = await ParallelRateAsync(64, TimeSpan.FromSeconds(3), async () => await log.AppendAsync(record));
        output.WriteLine($"  audit append: {F(appendMs, 2)} ms serial latency (one fsync); {N0(appends)} appends/s with 64 concurrent callers (group commit)");

        // 5. Logging.
        output.WriteLine($"  log entries per token request at the shipped level: {F(tokenRun.LogsPerRequest, 1)}; by category:");
        foreach (var (category, n) in tokenRun.LogsByCategory.OrderByDescending(kv => kv.Value).Take(8))
            output.WriteLine($"    {F(n / (double)Math.Max(1, tokenRun.Result.Ok), 2)} × {category}");
    }

    /// <summary>Average wall milliseconds of <paramref name="action"/> on this thread (host otherwise idle).</summary>
    private static async Task<double> TimeAsync(int iterations, Func<Task> action)
    {
        var sw = Stopwatch.StartNew();
        for (var i = 0; i < iterations; i++) await action();
        return sw.Elapsed.TotalMilliseconds / iterations;
    }

    private static async Task<double> ParallelRateAsync(int callers, TimeSpan duration, Func<Task> action)
    {
        long n = 0;
        var sw = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, callers).Select(_ => Task.Run(async () =>
        {
            while (sw.Elapsed < duration)
            {
                await action();
                Interlocked.Increment(ref n);
            }
        })));
        return n / sw.Elapsed.TotalSeconds;
    }

    private static async Task<(string Hash, string TokenTable)> ReadStoreAsync(string dbPath)
    {
        await using var c = new SqliteConnection($"Data Source={dbPath};Mode=ReadOnly");
        await c.OpenAsync();
        var apps = await ScalarAsync(c, "select name from sqlite_master where type='table' and name like '%OpenIddictApplications' limit 1");
        var tokens = await ScalarAsync(c, "select name from sqlite_master where type='table' and name like '%OpenIddictTokens' limit 1");
        var hash = await ScalarAsync(c, $"select ClientSecret from \"{apps}\" where ClientId = '{TokenBenchmark.ClientId}'");
        return (hash, tokens);
    }

    private static async Task<long> CountAsync(string dbPath, string table)
    {
        await using var c = new SqliteConnection($"Data Source={dbPath};Mode=ReadOnly");
        await c.OpenAsync();
        return long.Parse(await ScalarAsync(c, $"select count(*) from \"{table}\""), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<string> ScalarAsync(SqliteConnection c, string sql)
    {
        await using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToString(await cmd.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture)
            ?? throw new InvalidOperationException("no result: " + sql);
    }

    /// <summary>
    /// OpenIddict's stored secret layout (the ASP.NET Core Identity v3 format): 0x01, PRF, iteration count and salt
    /// length as big-endian 32-bit integers, then salt and subkey.
    /// </summary>
    private static string DescribePbkdf2(string stored)
    {
        var b = Convert.FromBase64String(stored);
        if (b.Length < 13 || b[0] != 0x01) return "unknown hash format";
        var prf = BinaryPrimitives.ReadUInt32BigEndian(b.AsSpan(1)) switch { 0 => "HMAC-SHA1", 1 => "HMAC-SHA256", 2 => "HMAC-SHA512", var x => "PRF " + x };
        var iterations = BinaryPrimitives.ReadUInt32BigEndian(b.AsSpan(5));
        return $"PBKDF2-{prf}, {N0(iterations)} iterations";
    }
}
