extern alias QiluHost;

using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenIddict.Server;
using Qilu.Bench.Http;
using static Qilu.Bench.BenchOptions;

namespace Qilu.Bench.Token;

/// <summary>
/// Client-credentials tokens/s through the real host on Kestrel (loopback, SQLite in a temp data directory, demo mode),
/// against <c>GET /healthz</c> on the same server in the same run as the ceiling. Then a breakdown of where a token's
/// cost goes (client-secret PBKDF2, RS256 signature, token row insert, audit append, log entries), and with
/// <c>--what-if</c> the same load against hosts with bench-only overrides that show what a fix would gain.
/// Options: <c>--seconds N</c> (per load run, default 10), <c>--workers 16,64</c>, <c>--what-if</c>,
/// <c>--set key=value</c> (extra host configuration).
/// </summary>
internal static class TokenBenchmark
{
    public const string ClientId = "sd-market-system";

    public static async Task<int> RunAsync(string[] args)
    {
        var seconds = Int(args, "--seconds", 10);
        var workerCounts = Ints(args, "--workers", [16, 64]);
        var extra = Settings(args).ToList();
        var output = Console.Out;
        // The host logs to the console at Information (its shipped default); that cost stays in the measurement, but
        // the lines go to a file so that the figures stay readable.
        var hostLog = Path.Combine(Path.GetTempPath(), $"qilu-token-bench-host-{Environment.ProcessId}.log");
        var hostWriter = new StreamWriter(hostLog);
        Console.SetOut(hostWriter);
        try
        {
            output.WriteLine($"# token endpoint benchmark — {TimeProvider.System.GetUtcNow():u}, {Environment.ProcessorCount} cores, load average {LoadAverage()}");
            output.WriteLine($"# real host in process on Kestrel (loopback), SQLite, demo mode, Production environment; {seconds} s per run; host console → {hostLog}");
            var baseline = await RunHostAsync(output, "as shipped", extra, seconds, workerCounts, breakdown: true);
            if (Flag(args, "--what-if"))
            {
                var variants = new (string Name, IReadOnlyList<KeyValuePair<string, string>> Settings, Action<IServiceCollection>? Services)[]
                {
                    ("what-if: host logs at Warning", [new("Logging:LogLevel:Default", "Warning")], null),
                    ("what-if: client secret check cached", [], CachedSecretApplicationManager.Register),
                    ("what-if: SQLite without Cache=Shared", [new("Qilu:Database:ConnectionString", "Data Source={data}/qilu.db;Pooling=True")], null),
                    ("what-if: token storage off", [], s => s.Configure<OpenIddictServerOptions>(o => o.DisableTokenStorage = true)),
                    ("what-if: all three", [new("Logging:LogLevel:Default", "Warning")], s =>
                    {
                        CachedSecretApplicationManager.Register(s);
                        s.Configure<OpenIddictServerOptions>(o => o.DisableTokenStorage = true);
                    }),
                };
                var rows = new List<(string, LoadResult)>();
                foreach (var (name, settings, services) in variants)
                {
                    try
                    {
                        var r = await RunHostAsync(output, name, [.. extra, .. settings], seconds, [workerCounts.Max()], breakdown: false, services);
                        rows.Add((name, r[0].Token));
                    }
                    catch (Exception e) when (e is InvalidOperationException or HttpRequestException)
                    {
                        output.WriteLine($"{name}: host did not run: {e.Message}");
                    }
                }
                var reference = baseline.Single(b => b.Token.Workers == workerCounts.Max()).Token;
                output.WriteLine();
                output.WriteLine($"| variant ({workerCounts.Max()} workers) | tokens/s | × as shipped | p50 ms | p99 ms | errors |");
                output.WriteLine("|---|---:|---:|---:|---:|---:|");
                output.WriteLine($"| as shipped | {N0(reference.PerSecond)} | 1.00 | {F(reference.P(0.5), 1)} | {F(reference.P(0.99), 1)} | {reference.Errors} |");
                foreach (var (name, r) in rows)
                    output.WriteLine($"| {name} | {N0(r.PerSecond)} | {F(r.PerSecond / reference.PerSecond, 2)} | {F(r.P(0.5), 1)} | {F(r.P(0.99), 1)} | {r.Errors} |");
            }
            output.WriteLine($"# load average at end {LoadAverage()}");
            return baseline.All(b => b.Token.Errors == 0) ? 0 : 2;
        }
        finally
        {
            Console.SetOut(output);
            await hostWriter.DisposeAsync();
        }
    }

    private static async Task<List<(LoadResult Health, LoadResult Token)>> RunHostAsync(TextWriter output, string title,
        IReadOnlyList<KeyValuePair<string, string>> settings, int seconds, int[] workerCounts, bool breakdown,
        Action<IServiceCollection>? services = null)
    {
        var dataDir = Directory.CreateTempSubdirectory("qilu-token-bench-").FullName;
        var port = FreePort();
        var logs = new CountingLoggerProvider();
        CachedSecretApplicationManager.ResetCounts();
        var factory = new WebApplicationFactory<QiluHost::Program>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Production");
            // Run from the project folder as `dotnet run` would (wwwroot, static web assets manifest).
            b.UseContentRoot(Path.Combine(RepositoryRoot(), "src", "Qilu.Host"));
            b.UseSetting("Qilu:DataDirectory", dataDir);
            b.UseSetting("Qilu:Demo:Enabled", "true");
            // The token endpoint carries the "public" token bucket per client IP; every worker here is 127.0.0.1.
            b.UseSetting("Qilu:RateLimiting:Public:TokenLimit", "1000000000");
            b.UseSetting("Qilu:RateLimiting:Public:TokensPerPeriod", "1000000000");
            foreach (var (k, v) in settings) b.UseSetting(k, v.Replace("{data}", dataDir, StringComparison.Ordinal));
            // A factory made by WithWebHostBuilder does not pass UseKestrel's port on; name the address explicitly.
            b.UseUrls($"http://127.0.0.1:{port}");
            b.ConfigureServices(s =>
            {
                s.AddSingleton<ILoggerProvider>(logs);
                services?.Invoke(s);
            });
        });
        var results = new List<(LoadResult, LoadResult)>();
        try
        {
            var startup = Stopwatch.StartNew();
            factory.UseKestrel(port);
            factory.StartServer();
            var baseAddress = new Uri($"http://127.0.0.1:{port}/");
            output.WriteLine();
            output.WriteLine($"## {title} — host started in {startup.Elapsed.TotalSeconds:F1} s at {baseAddress}");
            var secret = DemoSecret(dataDir, ClientId);
            var form = new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials", ["client_id"] = ClientId, ["client_secret"] = secret, ["scope"] = "api",
            };
            var token = TokenRequest(form);
            using var client = LoadGenerator.NewClient(baseAddress, workerCounts.Max());
            // Warm-up: JIT, EF model, connection pools, OpenIddict's caches.

            var run = new HostRun(dataDir, secret, logs);
            run.TokensIssued += (await LoadGenerator.RunAsync("warm-up", client, 8, TimeSpan.FromSeconds(2), token)).Ok;
            await LoadGenerator.RunAsync("warm-up", client, 8, TimeSpan.FromSeconds(1), Health);
            foreach (var workers in workerCounts)
            {
                var load = LoadAverage();
                var h = await Measured(run, () => LoadGenerator.RunAsync("GET /healthz", client, workers, TimeSpan.FromSeconds(seconds), Health));
                var t = await Measured(run, () => LoadGenerator.RunAsync("POST /connect/token", client, workers, TimeSpan.FromSeconds(seconds), token));
                run.TokensIssued += t.Result.Ok;
                results.Add((h.Result, t.Result));
                output.WriteLine($"{workers} workers (load average before: {load}):");
                Print(output, h);
                Print(output, t);
                output.WriteLine($"  ratio tokens/s ÷ healthz/s = {F(t.Result.PerSecond / h.Result.PerSecond, 3)}");
                run.LastTokenRun = t;
            }
            if (breakdown) await TokenCostBreakdown.RunAsync(output, factory.Services, run);
            var (checks, derivations) = CachedSecretApplicationManager.Counts;
            if (checks > 0)
                output.WriteLine($"  client secret checks so far: {N0(checks)} for {N0(run.TokensIssued)} tokens ({F(checks / (double)run.TokensIssued, 2)} per token), PBKDF2 derivations {N0(derivations)}");
            return results;
        }
        finally
        {
            await factory.DisposeAsync();
            SqliteConnection.ClearAllPools();
            try { Directory.Delete(dataDir, recursive: true); }
            catch (IOException) { /* a file still open by a background worker; the temp folder is disposable */ }
        }
    }

    /// <summary>A load run with the process CPU time and the host's log entries it cost.</summary>
    internal sealed record MeasuredRun(LoadResult Result, TimeSpan Cpu, long LogEntries, Dictionary<string, long> LogsByCategory)
    {
        public double CpuMsPerRequest => Cpu.TotalMilliseconds / Math.Max(1, Result.Ok + Result.Errors);

        public double LogsPerRequest => LogEntries / (double)Math.Max(1, Result.Ok + Result.Errors);
    }

    /// <summary>What the breakdown needs from the load phase.</summary>
    internal sealed class HostRun(string dataDir, string secret, CountingLoggerProvider logs)
    {
        public string DataDirectory { get; } = dataDir;

        public string Secret { get; } = secret;

        public CountingLoggerProvider Logs { get; } = logs;

        public long TokensIssued { get; set; }

        public MeasuredRun? LastTokenRun { get; set; }
    }

    private static async Task<MeasuredRun> Measured(HostRun run, Func<Task<LoadResult>> load)
    {
        using var self = Process.GetCurrentProcess();
        var cpu0 = self.TotalProcessorTime;
        var logs0 = run.Logs.Count;
        var cat0 = run.Logs.Snapshot();
        var result = await load();
        self.Refresh();
        var cats = run.Logs.Snapshot()
            .Select(kv => (kv.Key, N: kv.Value - cat0.GetValueOrDefault(kv.Key)))
            .Where(x => x.N > 0)
            .ToDictionary(x => x.Key, x => x.N, StringComparer.Ordinal);
        return new MeasuredRun(result, self.TotalProcessorTime - cpu0, run.Logs.Count - logs0, cats);
    }

    private static void Print(TextWriter output, MeasuredRun m)
    {
        var r = m.Result;
        output.WriteLine($"  {r.Name,-20} {N0(r.PerSecond),8} /s  p50 {F(r.P(0.5), 2)} ms  p95 {F(r.P(0.95), 2)} ms  p99 {F(r.P(0.99), 2)} ms  " +
                         $"ok {N0(r.Ok)}  errors {r.Errors}  CPU {F(m.CpuMsPerRequest, 2)} ms/req (server+client)  log entries {F(m.LogsPerRequest, 1)}/req" +
                         (r.FirstError is null ? "" : $"  (first error: {r.FirstError})"));
    }

    private static async Task<string?> Health(HttpClient c, CancellationToken ct)
    {
        using var response = await c.GetAsync("healthz", ct);
        await response.Content.ReadAsByteArrayAsync(ct);
        return response.StatusCode == HttpStatusCode.OK ? null : $"healthz {(int)response.StatusCode}";
    }

    private static Func<HttpClient, CancellationToken, Task<string?>> TokenRequest(Dictionary<string, string> form) => async (c, ct) =>
    {
        using var content = new FormUrlEncodedContent(form);
        using var response = await c.PostAsync("connect/token", content, ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        return response.StatusCode == HttpStatusCode.OK && body.Contains("\"access_token\"", StringComparison.Ordinal)
            ? null
            : $"token {(int)response.StatusCode} {body[..Math.Min(body.Length, 200)]}";
    };

    internal static string DemoSecret(string dataDir, string login)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(dataDir, "demo-accounts.json")));
        return doc.RootElement.GetProperty("credentials").EnumerateArray()
            .First(c => c.GetProperty("login").GetString() == login).GetProperty("secret").GetString()!;
    }

}
