using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Qilu.Platform.Audit;
using Qilu.Platform.Audit.Checkpoints;
using Qilu.Platform.Hosting;
using Qilu.Platform.Persistence;
using Qilu.SharedKernel.Actors;
using Qilu.Workflow;
using Qilu.Workflow.Contracts;
using Qilu.Workflow.Data;
using static Qilu.Bench.BenchOptions;

namespace Qilu.Bench.Workflow;

/// <summary>
/// Workflow engine on SQLite, durable (WAL, synchronous=FULL for the audit log's writer, default FULL for the engine):
/// case starts/s and task completions/s with latency percentiles, every transition audited in the Merkle log and its
/// events written to the outbox in the same transaction. Measured on an empty database, then again after the store is
/// filled to <c>--cases</c> stored cases (default 1,000,000), in one run; the ratio is printed.
/// </summary>
internal static class WorkflowBenchmark
{
    private const string Definition = """
    {
      "key": "bench",
      "name": "基准事项",
      "nodes": [
        { "id": "start", "type": "start" },
        { "id": "accept", "type": "userTask", "name": "受理",
          "assignment": { "unitKind": "market", "division": "370102", "role": "acceptor" },
          "timeLimit": { "workingDays": 20, "escalation": { "at": 1.0, "to": "parent" } } },
        { "id": "decide", "type": "userTask", "name": "决定",
          "assignment": { "unitKind": "market", "division": "370102", "role": "acceptor" } },
        { "id": "notify", "type": "serviceTask", "topic": "bench.decided" },
        { "id": "end", "type": "end" }
      ],
      "flows": [
        { "from": "start", "to": "accept" }, { "from": "accept", "to": "decide" },
        { "from": "decide", "to": "notify" }, { "from": "notify", "to": "end" }
      ]
    }
    """;

    private static readonly Actor Clerk = new(ActorKind.Official, "bench-clerk", "基准", "370102", null,
        new HashSet<string> { "acceptor" }, new HashSet<string>(), RealNameLevel.InPerson);

    public static async Task<int> RunAsync(string[] args)
    {
        var cases = Int(args, "--cases", 1_000_000);
        var seconds = Int(args, "--seconds", 5);
        var workers = Int(args, "--workers", 16);
        var dir = Path.Combine(Path.GetTempPath(), "qilu-workflow-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        var db = new DatabaseConnection(DatabaseProvider.Sqlite, new SqliteConnectionStringBuilder { DataSource = Path.Combine(dir, "qilu.db"), Pooling = true }.ConnectionString);
        Console.WriteLine($"workflow benchmark — SQLite in {dir}, {Environment.ProcessorCount} cores, {workers} workers, {seconds} s per figure, load {LoadAverage()}");
        try
        {
            var services = new ServiceCollection();
            services.AddLogging();
            services.AddSingleton(TimeProvider.System);
            services.AddSingleton(db);
            services.AddSingleton<ICheckpointSigner>(new EphemeralSm2CheckpointSigner("qilu-workflow-bench"));
            services.AddQiluAuditLog(db, o => o.MigrateOnStart = true);
            if (Flag(args, "--no-audit")) services.AddSingleton<IAuditWriter, NoAudit>();
            else services.AddSingleton<IAuditWriter, AuditEventWriter>();
            var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Qilu:Workflow:RunTimers"] = "false" }).Build();
            new WorkflowEngineModule().AddServices(services, config);
            await using var sp = services.BuildServiceProvider();
            var hosted = sp.GetServices<IHostedService>().ToList();
            foreach (var h in hosted) await h.StartAsync(CancellationToken.None);
            foreach (var init in sp.GetServices<IModuleInitializer>().OrderBy(i => i.Order)) await init.InitializeAsync(sp, CancellationToken.None);
            var engine = sp.GetRequiredService<IWorkflowEngine>();
            var deployed = await engine.DeployAsync(Definition, Clerk);
            if (!deployed.IsSuccess) throw new InvalidOperationException(deployed.ToString());

            await StartsAsync(engine, "warm", workers, TimeSpan.FromSeconds(Int(args, "--warmup", 5)), print: false);
            var emptyStarts = await StartsAsync(engine, "empty", workers, TimeSpan.FromSeconds(seconds), print: true);
            var emptyCompletions = await CompletionsAsync(sp, engine, workers, TimeSpan.FromSeconds(seconds), "empty database");

            var stored = await CountAsync(sp);
            Console.WriteLine($"filling to {N0(cases)} stored cases (has {N0(stored)}) …");
            var fill = Stopwatch.StartNew();
            await FillAsync(sp, cases - stored);
            Console.WriteLine($"  filled in {F(fill.Elapsed.TotalSeconds, 1)} s; database {N0(new FileInfo(Path.Combine(dir, "qilu.db")).Length / 1048576.0)} MiB");

            await StartsAsync(engine, "warm-full", workers, TimeSpan.FromSeconds(1), print: false);
            var fullStarts = await StartsAsync(engine, "full", workers, TimeSpan.FromSeconds(seconds), print: true);
            var fullCompletions = await CompletionsAsync(sp, engine, workers, TimeSpan.FromSeconds(seconds), $"{N0(await CountAsync(sp))} stored cases");
            Console.WriteLine($"ratio full/empty: starts {F(fullStarts / emptyStarts, 3)}, completions {F(fullCompletions / emptyCompletions, 3)} (target ≥ 0.8)");
            Console.WriteLine($"load average at end: {LoadAverage()}");
            foreach (var h in hosted) await h.StopAsync(CancellationToken.None);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(dir, true);
        }
        return 0;
    }

    private static async Task<double> StartsAsync(IWorkflowEngine engine, string label, int workers, TimeSpan duration, bool print)
    {
        var latencies = new ConcurrentBag<double>();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var sw = Stopwatch.StartNew();
        var n = 0;
        await Task.WhenAll(Enumerable.Range(0, workers).Select(async w =>
        {
            while (sw.Elapsed < duration)
            {
                var i = Interlocked.Increment(ref n);
                var t = Stopwatch.GetTimestamp();
                var r = await engine.StartAsync("bench", $"{label}-{w}-{i}", new JsonObject { ["applicant"] = "张三", ["n"] = i }, Clerk);
                if (!r.IsSuccess) throw new InvalidOperationException(r.ToString());
                latencies.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
            }
        }));
        var rate = latencies.Count / sw.Elapsed.TotalSeconds;
        if (print) Report($"case starts/s ({label} database)", rate, latencies, 500, Process.GetCurrentProcess().TotalProcessorTime - cpu);
        return rate;
    }

    private static async Task<double> CompletionsAsync(IServiceProvider sp, IWorkflowEngine engine, int workers, TimeSpan duration, string label)
    {
        List<Guid> open;
        await using (var scope = sp.CreateAsyncScope())
        {
            var wf = scope.ServiceProvider.GetRequiredService<WorkflowDbContext>();
            open = await wf.Tasks.AsNoTracking().Where(t => t.NodeId == "accept" && t.State == WorkTaskState.Open && !t.BusinessKey.StartsWith("FILL-"))
                .Select(t => t.Id).ToListAsync();
        }
        var queue = new ConcurrentQueue<Guid>(open);
        var latencies = new ConcurrentBag<double>();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var sw = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, workers).Select(async _ =>
        {
            while (sw.Elapsed < duration && queue.TryDequeue(out var id))
            {
                var t = Stopwatch.GetTimestamp();
                var r = await engine.CompleteAsync(id, new TaskCompletion(Comment: "同意"), Clerk);
                if (!r.IsSuccess) throw new InvalidOperationException(r.ToString());
                latencies.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
            }
        }));
        var rate = latencies.Count / sw.Elapsed.TotalSeconds;
        if (queue.IsEmpty) Console.WriteLine($"  (ran out of open tasks after {N0(latencies.Count)} completions)");
        Report($"task completions/s ({label})", rate, latencies, 1000, Process.GetCurrentProcess().TotalProcessorTime - cpu);
        return rate;
    }

    private static void Report(string what, double rate, IEnumerable<double> latencies, double target, TimeSpan cpu)
    {
        var sorted = latencies.Order().ToArray();
        // CPU per operation (all threads: engine, EF, SQLite, audit writer, outbox) bounds the rate a quiet machine can reach.
        var cpuPerOp = sorted.Length == 0 ? double.NaN : cpu.TotalMilliseconds / sorted.Length;
        Console.WriteLine($"{what}: {N0(rate)} (target ≥ {N0(target)}) — p50 {F(Percentile(sorted, 0.5), 1)} ms, p99 {F(Percentile(sorted, 0.99), 1)} ms (target ≤ 50), n = {N0(sorted.Length)}, CPU {F(cpuPerOp, 2)} ms/op → {N0(Environment.ProcessorCount * 1000 / cpuPerOp)}/s if the {Environment.ProcessorCount} cores were ours");
    }

    private static async Task<int> CountAsync(IServiceProvider sp)
    {
        await using var scope = sp.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<WorkflowDbContext>().Instances.CountAsync();
    }

    /// <summary>
    /// Stores <paramref name="count"/> more cases shaped like a real started case (instance, token, open task with its
    /// four timers, two history entries): the rows of one case started through the engine are copied with new ids, in
    /// chunks of 100,000 per transaction. Starting a million cases through the engine would take most of an hour.
    /// </summary>
    private static async Task FillAsync(IServiceProvider sp, int count)
    {
        if (count <= 0) return;
        var engine = sp.GetRequiredService<IWorkflowEngine>();
        var template = (await engine.StartAsync("bench", "FILL-TEMPLATE", new JsonObject { ["applicant"] = "张三" }, Clerk)).Value.Id;
        var connection = sp.GetRequiredService<DatabaseConnection>();
        await using var c = new SqliteConnection(connection.ConnectionString);
        await c.OpenAsync();
        await ExecAsync(c, "PRAGMA busy_timeout=30000;");
        string Id(int prefix, string n) => $"printf('{prefix:X8}-0000-7000-8000-%012X', {n})";
        var tables = new (string Table, string Where, Dictionary<string, string> Replace)[]
        {
            ("workflow_instances", $"Id = '{template.ToString().ToUpperInvariant()}'", new() { ["Id"] = Id(1, "s.n"), ["BusinessKey"] = "'FILL-' || s.n" }),
            ("workflow_executions", $"InstanceId = '{template.ToString().ToUpperInvariant()}'", new() { ["Id"] = Id(2, "s.n"), ["InstanceId"] = Id(1, "s.n") }),
            ("workflow_tasks", $"InstanceId = '{template.ToString().ToUpperInvariant()}'", new()
                { ["Id"] = Id(3, "s.n"), ["InstanceId"] = Id(1, "s.n"), ["ExecutionId"] = Id(2, "s.n"), ["BusinessKey"] = "'FILL-' || s.n" }),
            ("workflow_timers", $"InstanceId = '{template.ToString().ToUpperInvariant()}'", new()
                { ["Id"] = $"printf('%08X-0000-7000-8000-%012X', 16 + t.Kind, s.n)", ["InstanceId"] = Id(1, "s.n"), ["TaskId"] = Id(3, "s.n") }),
            ("workflow_history", $"InstanceId = '{template.ToString().ToUpperInvariant()}'", new() { ["Sequence"] = "", ["InstanceId"] = Id(1, "s.n") }),
        };
        const int chunk = 100_000;
        for (var start = 1; start <= count; start += chunk)
        {
            var end = Math.Min(count, start + chunk - 1);
            await using var tx = (SqliteTransaction)await c.BeginTransactionAsync();
            foreach (var (table, where, replace) in tables)
            {
                var columns = await ColumnsAsync(c, tx, table);
                var kept = columns.Where(col => !replace.TryGetValue(col, out var v) || v.Length > 0).ToList();
                var select = string.Join(", ", kept.Select(col => replace.TryGetValue(col, out var v) ? v : $"t.\"{col}\""));
                var sql = $"""
                    WITH RECURSIVE s(n) AS (SELECT {start} UNION ALL SELECT n + 1 FROM s WHERE n < {end})
                    INSERT INTO {table} ({string.Join(", ", kept.Select(k => $"\"{k}\""))})
                    SELECT {select} FROM s, {table} t WHERE t.{where}
                    """;
                await ExecAsync(c, sql, tx);
            }
            await tx.CommitAsync();
            Console.Write($"\r  {N0(end)} / {N0(count)}");
        }
        Console.WriteLine();
    }

    private static async Task<List<string>> ColumnsAsync(SqliteConnection c, SqliteTransaction tx, string table)
    {
        await using var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = $"SELECT name FROM pragma_table_info('{table}')";
        var list = new List<string>();
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync()) list.Add(r.GetString(0));
        return list;
    }

    private static async Task ExecAsync(SqliteConnection c, string sql, SqliteTransaction? tx = null)
    {
        await using var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        cmd.CommandTimeout = 600;
        await cmd.ExecuteNonQueryAsync();
    }

    /// <summary>Diagnosis only (<c>--no-audit</c>): separates the engine's cost from the audit log's.</summary>
    private sealed class NoAudit : IAuditWriter
    {
        public Task WriteAsync(AuditEvent auditEvent, CancellationToken cancellationToken = default) => Task.CompletedTask;
    }
}
