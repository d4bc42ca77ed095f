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
/// Workflow engine on SQLite, durable (WAL, synchronous=FULL for the engine's group-commit writer and the audit log's
/// writer): closed-loop case starts/s and task completions/s with latency percentiles, then an open loop of whole case
/// lifecycles at a fixed arrival rate (offered vs achieved rate, success %, invalid-transition errors, p50/p99). Every
/// transition is audited in the Merkle log and its events written to the outbox in the same transaction. Measured on
/// an empty store, then again after the store is filled to <c>--cases</c> stored cases (default 1,000,000; 200,000
/// with <c>--quick</c>) by bulk SQL, in one run; the ratios are printed.
/// </summary>
internal static class WorkflowBenchmark
{
    // A case's lifecycle: 受理 (with a 20-working-day limit: four timers) → 审查 → 决定 → 办结, then a service step.
    private const string Definition = """
    {
      "key": "bench",
      "name": "基准事项",
      "nodes": [
        { "id": "start", "type": "start" },
        { "id": "accept", "type": "userTask", "name": "受理",
          "assignment": { "unitKind": "market", "division": "370102", "role": "acceptor" },
          "timeLimit": { "workingDays": 20, "escalation": { "at": 1.0, "to": "parent" } } },
        { "id": "review", "type": "userTask", "name": "审查",
          "assignment": { "unitKind": "market", "division": "370102", "role": "acceptor" } },
        { "id": "decide", "type": "userTask", "name": "决定",
          "assignment": { "unitKind": "market", "division": "370102", "role": "acceptor" } },
        { "id": "conclude", "type": "userTask", "name": "办结",
          "assignment": { "unitKind": "market", "division": "370102", "role": "acceptor" } },
        { "id": "notify", "type": "serviceTask", "topic": "bench.concluded" },
        { "id": "end", "type": "end" }
      ],
      "flows": [
        { "from": "start", "to": "accept" }, { "from": "accept", "to": "review" }, { "from": "review", "to": "decide" },
        { "from": "decide", "to": "conclude" }, { "from": "conclude", "to": "notify" }, { "from": "notify", "to": "end" }
      ]
    }
    """;

    private static readonly string[] Steps = ["accept", "review", "decide", "conclude"];

    private static readonly Actor Clerk = new(ActorKind.Official, "bench-clerk", "基准", "370102", null,
        new HashSet<string> { "acceptor" }, new HashSet<string>(), RealNameLevel.InPerson);

    public static async Task<int> RunAsync(string[] args)
    {
        var quick = Flag(args, "--quick");
        var cases = Int(args, "--cases", quick ? 200_000 : 1_000_000);
        var seconds = Int(args, "--seconds", quick ? 3 : 5);
        var workers = Int(args, "--workers", 16);
        var rate = Int(args, "--rate", 100);
        var openSeconds = Int(args, "--open-seconds", quick ? 5 : 10);
        var openOnly = Flag(args, "--open-loop-only");
        var dir = Path.Combine(Path.GetTempPath(), "qilu-workflow-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        var db = new DatabaseConnection(DatabaseProvider.Sqlite, new SqliteConnectionStringBuilder { DataSource = Path.Combine(dir, "qilu.db"), Pooling = true }.ConnectionString);
        Console.WriteLine($"workflow benchmark — SQLite in {dir}, {Environment.ProcessorCount} cores, {workers} closed-loop workers, {seconds} s per closed-loop figure, " +
            $"open loop {rate} lifecycles/s for {openSeconds} s, load {LoadAverage()}");
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

            // Warm-up runs every code path (start, completion, whole lifecycles) so that the empty-store figures are not
            // paying for tiered JIT while the full-store ones are not.
            // Rounds of warm-up until the JIT is done (tiered compilation re-compiles hot methods in the background; on a
            // loaded machine that takes many seconds), so the empty-store figures do not pay for it and the full-store
            // ones do not: the count of JIT-compiled methods must grow by fewer than 20 in a round.
            var warmRound = TimeSpan.FromSeconds(Int(args, "--warmup", 2));
            var warmUntil = Stopwatch.StartNew();
            for (var round = 1; ; round++)
            {
                var before = System.Runtime.JitInfo.GetCompiledMethodCount();
                await StartsAsync(engine, $"warm{round}", workers, warmRound, print: false);
                await CompletionsAsync(sp, engine, workers, warmRound, "warm-up", print: false);
                await OpenLoopAsync(engine, $"warm{round}", Math.Max(1, rate / 4), warmRound, print: false);
                var grew = System.Runtime.JitInfo.GetCompiledMethodCount() - before;
                if (grew < 20 || warmUntil.Elapsed > TimeSpan.FromSeconds(Int(args, "--max-warmup", 90)))
                {
                    Console.WriteLine($"warm after {round} rounds, {F(warmUntil.Elapsed.TotalSeconds, 0)} s (last round JIT-compiled {N0(grew)} methods)");
                    break;
                }
            }

            if (Int(args, "--profile", 0) is var profileSeconds and > 0)
            {
                // Profiling aid: open tasks first, then only completions, so a trace taken after the marker holds nothing else.
                await StartsAsync(engine, "profile", workers, TimeSpan.FromSeconds(profileSeconds), print: true);
                Console.WriteLine($"PROFILE-READY pid {Environment.ProcessId}");
                await Task.Delay(TimeSpan.FromSeconds(3));
                await CompletionsAsync(sp, engine, workers, TimeSpan.FromSeconds(profileSeconds), "profile", print: true);
                Console.WriteLine("PROFILE-DONE");
                foreach (var h in hosted) await h.StopAsync(CancellationToken.None);
                return 0;
            }

            var empty = await PhaseAsync(sp, engine, "empty", workers, TimeSpan.FromSeconds(seconds), rate, TimeSpan.FromSeconds(openSeconds), openOnly);

            var stored = await CountAsync(sp);
            Console.WriteLine($"filling to {N0(cases)} stored cases (has {N0(stored)}) …");
            var fill = Stopwatch.StartNew();
            await FillAsync(sp, cases - stored);
            Console.WriteLine($"  filled in {F(fill.Elapsed.TotalSeconds, 1)} s; database {N0(new FileInfo(Path.Combine(dir, "qilu.db")).Length / 1048576.0)} MiB");

            await StartsAsync(engine, "warm-full", workers, TimeSpan.FromSeconds(1), print: false);
            var full = await PhaseAsync(sp, engine, "full", workers, TimeSpan.FromSeconds(seconds), rate, TimeSpan.FromSeconds(openSeconds), openOnly);
            Console.WriteLine("ratio full/empty (target ≥ 0.8): " + (openOnly ? "" : $"starts {F(full.Starts / empty.Starts, 3)}, completions {F(full.Completions / empty.Completions, 3)}, ") +
                $"open-loop lifecycles {F(full.Lifecycles / empty.Lifecycles, 3)}");
            var group = sp.GetRequiredService<Qilu.Workflow.Runtime.SqliteGroupCommit>();
            Console.WriteLine($"group commit: {N0(group.SavesCommitted)} operations in {N0(group.BatchesCommitted)} transactions ({F(group.SavesCommitted / (double)Math.Max(1, group.BatchesCommitted), 1)} per commit)");
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

    private static async Task<(double Starts, double Completions, double Lifecycles)> PhaseAsync(IServiceProvider sp, IWorkflowEngine engine, string label, int workers,
        TimeSpan duration, int rate, TimeSpan openDuration, bool openOnly)
    {
        var stored = N0(await CountAsync(sp));
        Console.WriteLine($"— {label} store ({stored} stored cases), load {LoadAverage()}");
        var starts = openOnly ? double.NaN : await StartsAsync(engine, label, workers, duration, print: true);
        var completions = openOnly ? double.NaN : await CompletionsAsync(sp, engine, workers, duration, $"{label} store", print: true);
        var lifecycles = await OpenLoopAsync(engine, label, rate, openDuration, print: true);
        return (starts, completions, lifecycles);
    }

    /// <summary>
    /// Open loop: whole lifecycles (start → 受理 → 审查 → 决定 → 办结) arrive at a fixed rate whether or not earlier ones
    /// finished, so a slow engine shows as queueing and latency, not as a politely lower offered load (a closed loop
    /// hides it). Each lifecycle looks its task up and completes it, step by step, as an official would.
    /// </summary>
    private static async Task<double> OpenLoopAsync(IWorkflowEngine engine, string label, int rate, TimeSpan duration, bool print)
    {
        var transitions = new ConcurrentBag<double>();
        var lifecycles = new ConcurrentBag<double>();
        int succeeded = 0, failed = 0, invalid = 0;
        var errors = new ConcurrentDictionary<string, int>();
        var running = new List<Task>();
        var interval = TimeSpan.FromSeconds(1.0 / rate);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var jitted = System.Runtime.JitInfo.GetCompiledMethodCount();
        var sw = Stopwatch.StartNew();
        var offered = 0;
        for (var i = 0; ; i++)
        {
            var due = interval * i;
            if (due >= duration) break;
            var wait = due - sw.Elapsed;
            if (wait > TimeSpan.FromMilliseconds(1)) await Task.Delay(wait);
            offered++;
            var n = i;
            running.Add(Task.Run(async () =>
            {
                var begin = Stopwatch.GetTimestamp();
                try
                {
                    var t = Stopwatch.GetTimestamp();
                    var started = await engine.StartAsync("bench", $"OPEN-{label}-{n}", new JsonObject { ["applicant"] = "张三", ["n"] = n }, Clerk);
                    transitions.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
                    if (!started.IsSuccess) throw new BenchFailure(started.Error.Code);
                    foreach (var step in Steps)
                    {
                        var open = await engine.ListTasksAsync(new TaskQuery { InstanceId = started.Value.Id, Take = 5 });
                        var task = open.SingleOrDefault(x => x.NodeId == step) ?? throw new BenchFailure("missing_task:" + step);
                        t = Stopwatch.GetTimestamp();
                        var done = await engine.CompleteAsync(task.Id, new TaskCompletion(Comment: "同意"), Clerk, task.Version);
                        transitions.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
                        if (!done.IsSuccess) throw new BenchFailure(done.Error.Code);
                    }
                    var end = await engine.GetInstanceAsync(started.Value.Id);
                    if (!end.IsSuccess || end.Value.State != InstanceState.Completed) throw new BenchFailure("not_completed");
                    Interlocked.Increment(ref succeeded);
                    lifecycles.Add(Stopwatch.GetElapsedTime(begin).TotalMilliseconds);
                }
                catch (Exception e)
                {
                    var code = e is BenchFailure f ? f.Message : e.GetType().Name;
                    if (code is WorkflowActions.NotAllowedCode or "workflow.stale_version" or "workflow.concurrency") Interlocked.Increment(ref invalid);
                    Interlocked.Increment(ref failed);
                    errors.AddOrUpdate(code, 1, (_, c) => c + 1);
                }
            }));
        }
        var offeredFor = sw.Elapsed;
        await Task.WhenAll(running);
        var elapsed = sw.Elapsed;
        var cpuUsed = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        var achieved = succeeded / elapsed.TotalSeconds;
        if (!print) return achieved;
        var t5 = transitions.Order().ToArray();
        var l5 = lifecycles.Order().ToArray();
        Console.WriteLine($"open-loop lifecycles ({label} store): offered {F(offered / offeredFor.TotalSeconds, 1)}/s ({N0(offered)} in {F(offeredFor.TotalSeconds, 1)} s), " +
            $"achieved {F(achieved, 1)}/s (all done after {F(elapsed.TotalSeconds, 1)} s), succeeded {F(100.0 * succeeded / Math.Max(1, offered), 2)} % (target ≥ 99.9), " +
            $"invalid-transition errors {invalid} (target 0), other failures {failed - invalid}" + (errors.IsEmpty ? "" : $" [{string.Join(", ", errors.Select(e => $"{e.Key}×{e.Value}"))}]"));
        Console.WriteLine($"  transition latency p50 {F(Percentile(t5, 0.5), 1)} ms, p99 {F(Percentile(t5, 0.99), 1)} ms (target ≤ 50), n = {N0(t5.Length)}; " +
            $"lifecycle p50 {F(Percentile(l5, 0.5), 1)} ms, p99 {F(Percentile(l5, 0.99), 1)} ms; CPU {F(cpuUsed.TotalMilliseconds / Math.Max(1, t5.Length), 2)} ms per transition (incl. the task look-ups); {N0(System.Runtime.JitInfo.GetCompiledMethodCount() - jitted)} methods JIT-compiled meanwhile");
        return achieved;
    }

    private sealed class BenchFailure(string code) : Exception(code);

    private static async Task<double> StartsAsync(IWorkflowEngine engine, string label, int workers, TimeSpan duration, bool print)
    {
        var latencies = new ConcurrentBag<double>();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var jitted = System.Runtime.JitInfo.GetCompiledMethodCount();
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
        if (print) Report($"case starts/s ({label} store)", rate, latencies, 500, Process.GetCurrentProcess().TotalProcessorTime - cpu, jitted);
        return rate;
    }

    private static async Task<double> CompletionsAsync(IServiceProvider sp, IWorkflowEngine engine, int workers, TimeSpan duration, string label, bool print)
    {
        List<Guid> open;
        await using (var scope = sp.CreateAsyncScope())
        {
            var wf = scope.ServiceProvider.GetRequiredService<WorkflowDbContext>();
            open = await wf.Tasks.AsNoTracking().Where(t => t.NodeId == "accept" && t.State == WorkTaskState.Open && !t.BusinessKey.StartsWith("FILL-") && !t.BusinessKey.StartsWith("OPEN-"))
                .Select(t => t.Id).ToListAsync();
        }
        var queue = new ConcurrentQueue<Guid>(open);
        var latencies = new ConcurrentBag<double>();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var jitted = System.Runtime.JitInfo.GetCompiledMethodCount();
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
        if (!print) return rate;
        if (queue.IsEmpty) Console.WriteLine($"  (ran out of open tasks after {N0(latencies.Count)} completions)");
        Report($"task completions/s ({label})", rate, latencies, 1000, Process.GetCurrentProcess().TotalProcessorTime - cpu, jitted);
        return rate;
    }

    private static void Report(string what, double rate, IEnumerable<double> latencies, double target, TimeSpan cpu, long jitted)
    {
        var sorted = latencies.Order().ToArray();
        // CPU per operation (all threads: engine, EF, SQLite, audit writer, outbox) bounds the rate a quiet machine can reach.
        var cpuPerOp = sorted.Length == 0 ? double.NaN : cpu.TotalMilliseconds / sorted.Length;
        Console.WriteLine($"{what}: {N0(rate)} (target ≥ {N0(target)}) — p50 {F(Percentile(sorted, 0.5), 1)} ms, p99 {F(Percentile(sorted, 0.99), 1)} ms (target ≤ 50), n = {N0(sorted.Length)}, CPU {F(cpuPerOp, 2)} ms/op → {N0(Environment.ProcessorCount * 1000 / cpuPerOp)}/s if the {Environment.ProcessorCount} cores were ours; {N0(System.Runtime.JitInfo.GetCompiledMethodCount() - jitted)} methods JIT-compiled meanwhile");
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
