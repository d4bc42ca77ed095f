using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Qilu.Platform.Audit;
using Qilu.Platform.Audit.Checkpoints;
using Qilu.Platform.Audit.Merkle;
using Qilu.Platform.Audit.Verification;
using Qilu.Platform.Persistence;
using Qilu.SharedKernel.Actors;

namespace Qilu.Bench.Audit;

/// <summary>
/// Audit log figures on SQLite in a temp directory (WAL, synchronous=FULL, checkpoints every second): durable appends/s
/// with 64 concurrent writers, offline verification entries/s over ≥ 200,000 entries, proof generation latency.
/// Each measurement runs ≥ 3 s after a warm-up.
/// </summary>
internal static class AuditBenchmark
{
    private static readonly TimeSpan Measure = TimeSpan.FromSeconds(3);

    public static async Task RunAsync()
    {
        var dir = Path.Combine(Path.GetTempPath(), "qilu-audit-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        var db = new DatabaseConnection(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(dir, "qilu.db")}");
        var signer = new EphemeralSm2CheckpointSigner("qilu-audit-bench");
        Console.WriteLine($"audit benchmark — SQLite (WAL, synchronous=FULL) in {dir}, {Environment.ProcessorCount} cores");
        try
        {
            var services = new ServiceCollection();
            services.AddLogging();
            services.AddSingleton<ICheckpointSigner>(signer);
            services.AddQiluAuditLog(db, o => o.CheckpointInterval = TimeSpan.FromSeconds(1));
            await using var sp = services.BuildServiceProvider();
            var hosted = sp.GetServices<IHostedService>().ToList();
            foreach (var h in hosted) await h.StartAsync(CancellationToken.None);
            var log = sp.GetRequiredService<IAuditLog>();

            await AppendsAsync(log, TimeSpan.FromSeconds(1), print: false);
            await AppendsAsync(log, Measure, print: true);
            var size = await log.GetTreeSizeAsync();
            if (size < 200_000)
            {
                Console.WriteLine($"filling the log to 200,000 entries (has {size:N0}) …");
                await FillAsync(log, 200_000 - size);
            }
            await log.CheckpointNowAsync();
            foreach (var h in hosted) await h.StopAsync(CancellationToken.None);

            await VerifyAsync(db, log, signer, dir);
            await VerifyProfile.RunAsync(db);
            await ProofsAsync(log);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(dir, true);
        }
    }

    private static AuditRecord Record(long i) => new("case.viewed", AuditOutcome.Success)
    {
        ActorId = $"official-{i % 500}",
        ActorKind = ActorKind.Official,
        ActorName = "李四",
        DivisionCode = "370102",
        Target = new AuditTarget("case", $"SD-2026-{i:D8}"),
        Details = JsonSerializer.SerializeToElement(new { matter = "新生儿出生一件事", step = "受理", n = i }),
        SourceIp = "10.0.0.1",
        TraceId = "4bf92f3577b34da6a3ce929d0e0e4736",
    };

    private static async Task AppendsAsync(IAuditLog log, TimeSpan duration, bool print)
    {
        const int writers = 64;
        var latencies = new List<double>[writers];
        var counter = 0L;
        var sw = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            var mine = latencies[w] = new List<double>(100_000);
            while (sw.Elapsed < duration)
            {
                var t0 = Stopwatch.GetTimestamp();
                await log.AppendAsync(Record(Interlocked.Increment(ref counter)));
                mine.Add(Stopwatch.GetElapsedTime(t0).TotalMilliseconds);
            }
        })));
        sw.Stop();
        if (!print) return;
        var all = latencies.SelectMany(l => l).Order().ToArray();
        Console.WriteLine($"durable appends (64 writers, group commit, checkpoint every 1 s): {all.Length:N0} in {sw.Elapsed.TotalSeconds:F2} s = {all.Length / sw.Elapsed.TotalSeconds:N0} entries/s; " +
            $"latency p50 {Pct(all, 0.50):F2} ms, p99 {Pct(all, 0.99):F2} ms");
    }

    private static async Task FillAsync(IAuditLog log, long count)
    {
        var next = 0L;
        await Task.WhenAll(Enumerable.Range(0, 64).Select(_ => Task.Run(async () =>
        {
            while (Interlocked.Increment(ref next) <= count) await log.AppendAsync(Record(next));
        })));
    }

    private static async Task VerifyAsync(DatabaseConnection db, IAuditLog log, ICheckpointSigner signer, string dir)
    {
        var verifier = new AuditVerifier(StaticCheckpointVerifierKeys.Of(signer), "qilu.shandong.gov.cn/audit");
        await verifier.VerifyDatabaseAsync(db);
        long entries = 0;
        var runs = 0;
        var sw = Stopwatch.StartNew();
        AuditVerificationReport? last = null;
        while (sw.Elapsed < Measure)
        {
            last = await verifier.VerifyDatabaseAsync(db);
            if (!last.IsValid) throw new InvalidOperationException("benchmark log did not verify: " + last.Issues[0].Message);
            entries += last.EntriesVerified;
            runs++;
        }
        Console.WriteLine($"offline verification, database: {last!.EntriesVerified:N0} entries × {runs} runs, {last.CheckpointsVerified} checkpoints each = {entries / sw.Elapsed.TotalSeconds:N0} entries/s");

        var file = Path.Combine(dir, "audit-export.jsonl");
        await using (var f = File.Create(file)) await log.ExportAsync(f);
        entries = 0;
        runs = 0;
        sw.Restart();
        while (sw.Elapsed < Measure)
        {
            await using var f = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20);
            last = await verifier.VerifyExportAsync(f);
            if (!last.IsValid) throw new InvalidOperationException("export did not verify: " + last.Issues[0].Message);
            entries += last.EntriesVerified;
            runs++;
        }
        Console.WriteLine($"offline verification, export file ({new FileInfo(file).Length / 1048576.0:F1} MiB): {last!.EntriesVerified:N0} entries × {runs} runs = {entries / sw.Elapsed.TotalSeconds:N0} entries/s");
    }

    private static async Task ProofsAsync(IAuditLog log)
    {
        var size = await log.GetTreeSizeAsync();
        var rnd = new Random(1);
        for (var i = 0; i < 200; i++) await log.GetInclusionProofAsync(rnd.NextInt64(size), size);
        var inclusion = new List<double>();
        var sw = Stopwatch.StartNew();
        while (sw.Elapsed < Measure)
        {
            var seq = rnd.NextInt64(size);
            var n = seq + 1 + rnd.NextInt64(size - seq);
            var t0 = Stopwatch.GetTimestamp();
            var p = (await log.GetInclusionProofAsync(seq, n)).Value;
            inclusion.Add(Stopwatch.GetElapsedTime(t0).TotalMicroseconds);
            if (!MerkleProofs.VerifyInclusion(seq, n, p.LeafHash, p.Path, p.RootHash).IsValid) throw new InvalidOperationException("bad proof");
        }
        var consistency = new List<double>();
        sw.Restart();
        while (sw.Elapsed < Measure)
        {
            var second = 2 + rnd.NextInt64(size - 1);
            var first = 1 + rnd.NextInt64(second - 1);
            var t0 = Stopwatch.GetTimestamp();
            var p = (await log.GetConsistencyProofAsync(first, second)).Value;
            consistency.Add(Stopwatch.GetElapsedTime(t0).TotalMicroseconds);
            if (!MerkleProofs.VerifyConsistency(first, second, p.FirstRoot, p.SecondRoot, p.Path).IsValid) throw new InvalidOperationException("bad proof");
        }
        var a = inclusion.Order().ToArray();
        var b = consistency.Order().ToArray();
        Console.WriteLine($"inclusion proof generation (tree {size:N0}, random seq/size, opens a pooled connection each): {a.Length:N0} proofs, p50 {Pct(a, 0.5):F0} µs, p99 {Pct(a, 0.99):F0} µs");
        Console.WriteLine($"consistency proof generation (random first<second): {b.Length:N0} proofs, p50 {Pct(b, 0.5):F0} µs, p99 {Pct(b, 0.99):F0} µs");
    }

    private static double Pct(double[] sorted, double p) => sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))];
}
