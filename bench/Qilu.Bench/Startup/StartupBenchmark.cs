using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using static Qilu.Bench.BenchOptions;

namespace Qilu.Bench.Startup;

/// <summary>
/// Cold start to the first 200 on <c>/healthz</c> and idle memory of the real host as a child process
/// (<c>dotnet Qilu.Host.dll</c> from its Release output folder, SQLite, demo mode). First runs get a fresh data
/// directory (migrations, keys and the demo seed); warm runs reuse one. The last warm run stays up idle and its
/// working set is read. Options: <c>--runs N</c> (default 5), <c>--idle-seconds N</c> (default 10),
/// <c>--host-dll PATH</c> (default src/Qilu.Host/bin/Release/net10.0/Qilu.Host.dll, which
/// <c>dotnet run -c Release --project bench/Qilu.Bench</c> builds as a dependency).
/// </summary>
internal static class StartupBenchmark
{
    private static readonly ConcurrentDictionary<int, Process> Children = new();

    public static async Task<int> RunAsync(string[] args)
    {
        var runs = Int(args, "--runs", 5);
        var idleSeconds = Int(args, "--idle-seconds", 10);
        var hostDll = HostDll(args);
        // Children die with the benchmark, also on Ctrl+C or an unhandled exception.
        AppDomain.CurrentDomain.ProcessExit += (_, _) => KillAll();
        Console.CancelKeyPress += (_, _) => KillAll();
        var dirs = new List<string>();
        try
        {
            Console.WriteLine($"# host start-up benchmark — {TimeProvider.System.GetUtcNow():u}, {Environment.ProcessorCount} cores, load average {LoadAverage()}");
            Console.WriteLine($"# dotnet {hostDll} --urls http://127.0.0.1:<port> --Qilu:DataDirectory=<tmp>  (cwd = its folder; Production; SQLite; demo mode)");
            Console.WriteLine("# time = from Process.Start to the first 200 on /healthz, polled every 20 ms");

            var first = new List<double>();
            string? seeded = null;
            for (var i = 0; i < runs; i++)
            {
                var dir = NewDataDirectory(dirs);
                var (ms, listen, child) = await StartAsync(hostDll, dir);
                await StopAsync(child);
                first.Add(ms);
                seeded = dir;
                Console.WriteLine($"first run {i + 1}: {F(ms, 0)} ms to healthy (\"Now listening\" logged at {F(listen, 0)} ms; load average {LoadAverage()})");
            }

            var warm = new List<double>();
            Process? last = null;
            for (var i = 0; i < runs; i++)
            {
                var (ms, listen, child) = await StartAsync(hostDll, seeded!);
                warm.Add(ms);
                Console.WriteLine($"warm run {i + 1}: {F(ms, 0)} ms to healthy (\"Now listening\" logged at {F(listen, 0)} ms; load average {LoadAverage()})");
                if (i < runs - 1) await StopAsync(child);
                else last = child;
            }

            Console.WriteLine();
            Console.WriteLine("| start | runs | median ms | max ms | target |");
            Console.WriteLine("|---|---:|---:|---:|---|");
            Console.WriteLine($"| first run (fresh data dir: migrations, keys, demo seed) | {runs} | {F(Median(first), 0)} | {F(first.Max(), 0)} | < 5,000 |");
            Console.WriteLine($"| warm run (existing data dir) | {runs} | {F(Median(warm), 0)} | {F(warm.Max(), 0)} | < 5,000 |");

            await Task.Delay(TimeSpan.FromSeconds(idleSeconds));
            last!.Refresh();
            var status = File.ReadAllLines($"/proc/{last.Id}/status")
                .Where(l => l.StartsWith("VmRSS", StringComparison.Ordinal) || l.StartsWith("VmHWM", StringComparison.Ordinal)
                            || l.StartsWith("RssAnon", StringComparison.Ordinal) || l.StartsWith("RssFile", StringComparison.Ordinal))
                .Select(l => string.Join(' ', l.Split((char[])[' ', '\t'], StringSplitOptions.RemoveEmptyEntries)));
            Console.WriteLine();
            Console.WriteLine($"idle memory after {idleSeconds} s (warm run, no requests but the health polls): " +
                              $"Process.WorkingSet64 {F(last.WorkingSet64 / 1048576.0, 1)} MiB, PrivateMemorySize64 {F(last.PrivateMemorySize64 / 1048576.0, 1)} MiB; " +
                              $"/proc/{last.Id}/status: {string.Join(", ", status)} (target < 300 MB)");
            await StopAsync(last);
            Console.WriteLine($"# load average at end {LoadAverage()}");
            return 0;
        }
        finally
        {
            KillAll();
            foreach (var d in dirs)
            {
                try { Directory.Delete(d, recursive: true); }
                catch (IOException) { /* the temp folder is disposable */ }
            }
        }
    }

    private static string HostDll(string[] args)
    {
        var i = Array.IndexOf(args, "--host-dll");
        if (i >= 0 && i + 1 < args.Length) return Path.GetFullPath(args[i + 1]);
        var dll = Path.Combine(RepositoryRoot(), "src", "Qilu.Host", "bin", "Release", "net10.0", "Qilu.Host.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException("Build the host first: dotnet build -c Release src/Qilu.Host", dll);
    }

    private static string NewDataDirectory(List<string> dirs)
    {
        var d = Directory.CreateTempSubdirectory("qilu-startup-bench-").FullName;
        dirs.Add(d);
        return d;
    }

    private static async Task<(double Ms, double ListeningMs, Process Child)> StartAsync(string hostDll, string dataDir)
    {
        var port = FreePort();
        var psi = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(hostDll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in new[] { hostDll, "--urls", $"http://127.0.0.1:{port}", $"--Qilu:DataDirectory={dataDir}" }) psi.ArgumentList.Add(a);
        psi.Environment.Remove("ASPNETCORE_ENVIRONMENT");
        psi.Environment.Remove("DOTNET_ENVIRONMENT");
        var tail = new ConcurrentQueue<string>();
        var sw = new Stopwatch();
        var listening = double.NaN;
        void Keep(string? line)
        {
            if (line is null) return;
            // Kestrel's "Now listening on" (Microsoft.Hosting.Lifetime, Information) comes after hosted services
            // (migrations, seed) have started: it splits start-up work from the first answered request.
            if (double.IsNaN(listening) && line.Contains("Now listening on", StringComparison.Ordinal)) listening = sw.Elapsed.TotalMilliseconds;
            tail.Enqueue(line);
            while (tail.Count > 40) tail.TryDequeue(out _);
        }

        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(2) };
        sw.Start();
        var child = Process.Start(psi) ?? throw new InvalidOperationException("could not start dotnet");
        Children[child.Id] = child;
        child.OutputDataReceived += (_, e) => Keep(e.Data);
        child.ErrorDataReceived += (_, e) => Keep(e.Data);
        child.BeginOutputReadLine();
        child.BeginErrorReadLine();
        while (sw.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (child.HasExited)
                throw new InvalidOperationException($"host exited with {child.ExitCode}:{Environment.NewLine}{string.Join(Environment.NewLine, tail)}");
            try
            {
                using var r = await http.GetAsync("healthz");
                if (r.StatusCode == HttpStatusCode.OK) return (sw.Elapsed.TotalMilliseconds, listening, child);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // not listening yet
            }
            await Task.Delay(20);
        }
        Kill(child);
        throw new TimeoutException($"no 200 from /healthz within 60 s:{Environment.NewLine}{string.Join(Environment.NewLine, tail)}");
    }

    /// <summary>SIGTERM (graceful: the next warm run finds a clean database), then SIGKILL after 10 s.</summary>
    private static async Task StopAsync(Process child)
    {
        try
        {
            using (var term = Process.Start("kill", ["-TERM", child.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
                await term.WaitForExitAsync();
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await child.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            // did not stop in time
        }
        finally
        {
            Kill(child);
        }
    }

    private static void Kill(Process child)
    {
        try
        {
            if (!child.HasExited) child.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // already gone
        }
        Children.TryRemove(child.Id, out _);
        child.Dispose();
    }

    private static void KillAll()
    {
        foreach (var c in Children.Values) Kill(c);
    }
}
