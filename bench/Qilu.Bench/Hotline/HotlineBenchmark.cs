extern alias QiluHost;

using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qilu.Hotline.Contracts;
using Qilu.Hotline.Data;
using Qilu.Hotline.Dispatch;
using Qilu.Hotline.Handling;
using Qilu.Hotline.Review;
using Qilu.Hotline.Tickets;
using Qilu.Identity.Contracts;
using Qilu.SharedKernel.Actors;
using Qilu.SharedKernel.Results;
using static Qilu.Bench.BenchOptions;

namespace Qilu.Bench.Hotline;

/// <summary>
/// 12345 full lifecycles (受理 → 派单 → 签收 → 答复 → 审核 → 回访办结) in an open loop at a fixed arrival rate, through
/// the Hotline use cases in the real host (SQLite in a temp data directory, audit log on, every step audited): offered
/// vs achieved rate, success %, invalid-transition errors (409 not-allowed), p50/p95/p99 per step. Measured on an empty
/// store, then after the store is filled by bulk SQL to <c>--tickets</c> (default 1,000,000; 100,000 with
/// <c>--quick</c>), in one run; the ratio is printed. HTTP, sign-in and JSON are not in the measurement (the use-case
/// cores are called as the endpoints call them).
/// </summary>
internal static class HotlineBenchmark
{
    private static readonly string[] Steps = ["submit", "dispatch", "sign", "reply", "approve-reply", "callback"];

    public static async Task<int> RunAsync(string[] args)
    {
        var quick = Flag(args, "--quick");
        var tickets = Int(args, "--tickets", quick ? 100_000 : 1_000_000);
        var rate = Int(args, "--rate", 100);
        var seconds = Int(args, "--seconds", quick ? 5 : 10);
        var dataDir = Path.Combine(Path.GetTempPath(), "qilu-hotline-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataDir);
        var output = Console.Out;
        var hostLog = Path.Combine(Path.GetTempPath(), $"qilu-hotline-bench-host-{Environment.ProcessId}.log");
        var hostWriter = new StreamWriter(hostLog);
        Console.SetOut(hostWriter);
        try
        {
            output.WriteLine($"# hotline benchmark — {TimeProvider.System.GetUtcNow():u}, {Environment.ProcessorCount} cores, load average {LoadAverage()}");
            output.WriteLine($"# real host in process, SQLite in {dataDir}, demo mode; open loop {rate} lifecycles/s for {seconds} s; host console → {hostLog}");
            await using var factory = new WebApplicationFactory<QiluHost::Program>().WithWebHostBuilder(b =>
            {
                b.UseEnvironment("Production");
                b.UseContentRoot(Path.Combine(RepositoryRoot(), "src", "Qilu.Host"));
                b.UseSetting("Qilu:DataDirectory", dataDir);
                b.UseSetting("Qilu:Demo:Enabled", "true");
                b.UseSetting("Qilu:Hotline:SweepSeconds", "0");
                b.UseSetting("Logging:LogLevel:Default", "Warning");
            });
            _ = factory.Server;
            var sp = factory.Services;
            await using var lookup = sp.CreateAsyncScope();
            var unit = await lookup.ServiceProvider.GetRequiredService<IOrganisationDirectory>().FindResponsibleUnitAsync("urban_management", "370102")
                ?? throw new InvalidOperationException("demo seed lacks 历下区城市管理局");
            var centre = new Actor(ActorKind.Official, "bench-centre", "基准话务", "370100", null, new HashSet<string>(),
                new HashSet<string> { HotlinePermissions.Intake, HotlinePermissions.Dispatch }, RealNameLevel.InPerson);
            var handler = new Actor(ActorKind.Official, "bench-unit", "基准承办", "370102", unit.Id, new HashSet<string>(),
                new HashSet<string> { HotlinePermissions.Handle }, RealNameLevel.InPerson);

            await OpenLoopAsync(sp, centre, handler, Math.Max(1, rate / 4), TimeSpan.FromSeconds(quick ? 2 : 4), null);   // warm-up (JIT)
            var empty = await OpenLoopAsync(sp, centre, handler, rate, TimeSpan.FromSeconds(seconds), output, "empty");

            var stored = await CountAsync(sp);
            output.WriteLine($"filling to {N0(tickets)} stored tickets (has {N0(stored)}) …");
            var fill = Stopwatch.StartNew();
            await FillAsync(sp, tickets - stored);
            output.WriteLine($"  filled in {F(fill.Elapsed.TotalSeconds, 1)} s");
            await OpenLoopAsync(sp, centre, handler, Math.Max(1, rate / 4), TimeSpan.FromSeconds(1), null);
            var full = await OpenLoopAsync(sp, centre, handler, rate, TimeSpan.FromSeconds(seconds), output, $"{N0(await CountAsync(sp))} stored");
            output.WriteLine($"ratio full/empty achieved lifecycles/s (target ≥ 0.8): {F(full / empty, 3)}");
            output.WriteLine($"# load average at end {LoadAverage()}");
        }
        finally
        {
            Console.SetOut(output);
            await hostWriter.DisposeAsync();
            SqliteConnection.ClearAllPools();
            try { Directory.Delete(dataDir, true); } catch (IOException) { }
        }
        return 0;
    }

    /// <summary>Starts one lifecycle every 1/rate s regardless of how the earlier ones fare (open loop); returns achieved lifecycles/s.</summary>
    private static async Task<double> OpenLoopAsync(IServiceProvider sp, Actor centre, Actor handler, int rate, TimeSpan duration, TextWriter? output, string label = "")
    {
        var latencies = Steps.ToDictionary(s => s, _ => new ConcurrentBag<double>());
        long ok = 0, failed = 0, invalid = 0;
        string? firstError = null;
        var count = (int)(rate * duration.TotalSeconds);
        var sw = Stopwatch.StartNew();
        var running = new List<Task>(count);
        for (var i = 0; i < count; i++)
        {
            var due = TimeSpan.FromSeconds(i / (double)rate);
            var wait = due - sw.Elapsed;
            if (wait > TimeSpan.Zero) await Task.Delay(wait);
            var n = i;
            running.Add(Task.Run(async () =>
            {
                var error = await LifecycleAsync(sp, centre, handler, n, latencies);
                if (error is null) Interlocked.Increment(ref ok);
                else
                {
                    Interlocked.Increment(ref failed);
                    if (error.Contains("hotline.action_not_allowed", StringComparison.Ordinal)) Interlocked.Increment(ref invalid);
                    Interlocked.CompareExchange(ref firstError, error, null);
                }
            }));
        }
        await Task.WhenAll(running);
        sw.Stop();
        var achieved = ok / sw.Elapsed.TotalSeconds;
        if (output is not null)
        {
            output.WriteLine($"## {label}: offered {rate}/s × {F(duration.TotalSeconds, 0)} s = {count} lifecycles; completed {ok} in {F(sw.Elapsed.TotalSeconds, 1)} s = {F(achieved, 1)}/s; " +
                $"success {F(100.0 * ok / Math.Max(1, count), 2)} %; invalid transitions {invalid}; other failures {failed - invalid}" + (firstError is null ? "" : $"; first error: {firstError}"));
            output.WriteLine("| step | n | p50 ms | p95 ms | p99 ms | max ms |");
            output.WriteLine("|---|---:|---:|---:|---:|---:|");
            foreach (var s in Steps)
            {
                var l = latencies[s].Order().ToArray();
                if (l.Length == 0) continue;
                output.WriteLine($"| {s} | {l.Length} | {F(Percentile(l, 0.5), 1)} | {F(Percentile(l, 0.95), 1)} | {F(Percentile(l, 0.99), 1)} | {F(l[^1], 1)} |");
            }
        }
        return achieved;
    }

    private static async Task<string?> LifecycleAsync(IServiceProvider root, Actor centre, Actor handler, int n, Dictionary<string, ConcurrentBag<double>> latencies)
    {
        try
        {
            Guid id = default;
            async Task<string?> Step(string name, Func<IServiceProvider, Task<string?>> run)
            {
                await using var scope = root.CreateAsyncScope();
                var t0 = Stopwatch.GetTimestamp();
                var error = await run(scope.ServiceProvider);
                if (error is null) latencies[name].Add(Stopwatch.GetElapsedTime(t0).TotalMilliseconds);
                return error;
            }
            static string? Err<T>(Result<T> r) => r.IsSuccess ? null : string.Join("; ", r.Errors.Select(e => e.Code));
            return await Step("submit", async sp =>
                {
                    var r = await sp.GetRequiredService<TicketIntake>().CreateAsync(centre, new TicketInput("hotline", "基准来电", $"139{n % 100_000_000:00000000}",
                        $"基准工单{n}：泉城路东口流动摊贩占道经营，影响通行。", "370102", "泉城路东口", 36.6651, 117.0245, "010101", "normal", false),
                        TicketChannel.Hotline, requirePhone: true, CancellationToken.None);
                    if (r.IsSuccess) id = r.Value.Id;
                    return Err(r);
                })
                ?? await Step("dispatch", async sp => Err(await DispatchTicket.HandleAsync(centre, id, TicketMachine.Dispatch,
                    new DispatchTicket.Request(handler.DepartmentId, null, null, null), sp, CancellationToken.None)))
                ?? await Step("sign", async sp => Err(await SignTicket.HandleAsync(handler, id, new SignTicket.Request(null), sp, CancellationToken.None)))
                ?? await Step("reply", async sp => Err(await ReplyToTicket.HandleAsync(handler, id, new ReplyToTicket.Request("已清理占道摊贩。", ["现场照片.jpg"], null), sp, CancellationToken.None)))
                ?? await Step("approve-reply", async sp => Err(await ReviewReply.HandleAsync(centre, id, true, new ReviewReply.Request(null, null), sp, CancellationToken.None)))
                ?? await Step("callback", async sp => Err(await RecordCallback.HandleAsync(centre, id, new RecordCallback.Request("satisfied", null, null), sp, CancellationToken.None)));
        }
        catch (Exception e) when (e is DbUpdateException or InvalidOperationException or SqliteException or TimeoutException)
        {
            return e.GetType().Name + ": " + e.Message;
        }
    }

    private static async Task<long> CountAsync(IServiceProvider root)
    {
        await using var scope = root.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<HotlineDbContext>().Tickets.LongCountAsync();
    }

    /// <summary>Closed tickets of the past year over 济南's counties and the whole taxonomy, inserted 100,000 per statement.</summary>
    private static async Task FillAsync(IServiceProvider root, long count)
    {
        await using var scope = root.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HotlineDbContext>();
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(30));
        var now = TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds();
        for (long done = 0; done < count; done += 100_000)
        {
            var batch = Math.Min(100_000, count - done);
            // Ids: random GUID text in EF's upper-case form; numbers 'B' + 19 digits can never clash with real 20-digit ones.
            // Only numbers computed here go into the text: no input reaches the SQL.
            var sql = $"""
                WITH RECURSIVE seq(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM seq WHERE n < {batch})
                INSERT INTO hotline_tickets (Id, Number, Channel, CallerNameMasked, CallerPhoneMasked, Content, DivisionCode, Address, CategoryCode, Urgency,
                    Confidential, Status, CoUnitIds, CoUnitNames, CreatedAt, CreatedById, CreatedByName, UpdatedAt, ClosedDirectly, AutoClosed, OnTime,
                    ReopenCount, ExtensionCount, EscalationLevel, SupervisionCount, Version, ClosedAt, RepliedAt, Reply, Token)
                SELECT upper(substr(h,1,8)||'-'||substr(h,9,4)||'-4'||substr(h,14,3)||'-8'||substr(h,18,3)||'-'||substr(h,21,12)),
                    'B' || printf('%019d', {done} + n), n % 6, '张*', '138****0000', '历史工单内容' || n,
                    CASE n % 4 WHEN 0 THEN '370102' WHEN 1 THEN '370103' WHEN 2 THEN '370104' ELSE '370112' END, '历史地址',
                    CASE n % 5 WHEN 0 THEN '010101' WHEN 1 THEN '020101' WHEN 2 THEN '050101' WHEN 3 THEN '090101' ELSE '100101' END, 0,
                    0, 6, '', '', {now} - (n * 31) % 31536000000, 'bench-fill', '历史', {now} - (n * 31) % 31536000000, 0, 0, 1, 0, 0, 0, 0, 1,
                    {now} - (n * 31) % 31536000000 + 86400000, {now} - (n * 31) % 31536000000 + 80000000, '已办结', lower(h)
                FROM (SELECT n, hex(randomblob(16)) AS h FROM seq);
                """;
            await db.Database.ExecuteSqlRawAsync(sql);
        }
    }
}
