using System.Diagnostics;

namespace Qilu.Bench.Http;

/// <summary>The outcome of one closed-loop load run.</summary>
internal sealed record LoadResult(string Name, int Workers, TimeSpan Elapsed, long Ok, long Errors, double[] LatenciesMs, string? FirstError)
{
    public double PerSecond => Ok / Elapsed.TotalSeconds;

    public double P(double p) => Qilu.Bench.BenchOptions.Percentile(LatenciesMs, p);
}

/// <summary>
/// Closed-loop HTTP load: <c>workers</c> tasks each send one request, wait for the full answer, and send the next,
/// until the duration is over. Each request has a timeout, so a stuck server ends the run instead of hanging it.
/// </summary>
internal static class LoadGenerator
{
    public static async Task<LoadResult> RunAsync(string name, HttpClient client, int workers, TimeSpan duration,
        Func<HttpClient, CancellationToken, Task<string?>> send)
    {
        var latencies = new List<double>[workers];
        long ok = 0, errors = 0;
        string? firstError = null;
        var sw = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, workers).Select(w => Task.Run(async () =>
        {
            var mine = latencies[w] = new List<double>(64 * 1024);
            while (sw.Elapsed < duration)
            {
                var t0 = Stopwatch.GetTimestamp();
                string? error;
                try
                {
                    using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
                    error = await send(client, cts.Token);
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
                {
                    error = e.GetType().Name + ": " + e.Message;
                }
                if (error is null)
                {
                    mine.Add(Stopwatch.GetElapsedTime(t0).TotalMilliseconds);
                    Interlocked.Increment(ref ok);
                }
                else
                {
                    Interlocked.Increment(ref errors);
                    Interlocked.CompareExchange(ref firstError, error, null);
                }
            }
        })));
        sw.Stop();
        return new LoadResult(name, workers, sw.Elapsed, ok, errors, [.. latencies.SelectMany(l => l).Order()], firstError);
    }

    /// <summary>One pooled client for all workers, with as many connections as workers (HTTP/1.1 keep-alive).</summary>
    public static HttpClient NewClient(Uri baseAddress, int maxConnections) =>
        new(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = maxConnections,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            UseCookies = false,
            AllowAutoRedirect = false,
        })
        { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };
}
