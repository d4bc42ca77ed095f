using System.Collections.Concurrent;
using System.Diagnostics.Tracing;

namespace Qilu.Bench.Http;

/// <summary>
/// Which types a phase allocates, from the runtime's own sampling: the GC raises an <c>AllocationTick</c> event about
/// every 100 KB allocated, naming the type of the object that crossed the mark, so over many requests the counts are
/// proportional to the bytes each type takes. In-process (no profiler to attach); used by the <c>solo</c> phases.
/// </summary>
internal sealed class AllocationSampler : EventListener
{
    private const EventKeywords GcKeyword = (EventKeywords)0x1;
    private readonly ConcurrentDictionary<string, long> _bytes = new(StringComparer.Ordinal);
    private volatile bool _on;

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == "Microsoft-Windows-DotNETRuntime") EnableEvents(eventSource, EventLevel.Verbose, GcKeyword);
    }

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        if (!_on || e.EventName is null || !e.EventName.StartsWith("GCAllocationTick", StringComparison.Ordinal) || e.Payload is null) return;
        var name = e.PayloadNames!.IndexOf("TypeName") is var t and >= 0 ? e.Payload[t] as string ?? "?" : "?";
        var amount = e.PayloadNames.IndexOf("AllocationAmount64") is var a and >= 0 ? Convert.ToInt64(e.Payload[a], System.Globalization.CultureInfo.InvariantCulture) : 100_000;
        _bytes.AddOrUpdate(name, amount, (_, v) => v + amount);
    }

    public void Start()
    {
        _bytes.Clear();
        _on = true;
    }

    /// <summary>Stops sampling and prints the types that took the most bytes, per request.</summary>
    public void Report(string phase, long requests, int top = 30)
    {
        _on = false;
        var total = _bytes.Values.Sum();
        Console.WriteLine($"  allocation sample, {phase}: ~{BenchOptions.N0(total / Math.Max(1, requests))} B per request");
        foreach (var (type, bytes) in _bytes.OrderByDescending(p => p.Value).Take(top))
            Console.WriteLine($"    {BenchOptions.N0(bytes / Math.Max(1, requests)),7} B  {type}");
    }
}
