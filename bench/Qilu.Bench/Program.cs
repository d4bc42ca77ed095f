// Benchmark entry points: `dotnet run -c Release --project bench/Qilu.Bench -- <name> [options]`.
// Add an entry per area; each takes the remaining arguments and returns the process exit code.
var benchmarks = new Dictionary<string, Func<string[], Task<int>>>(StringComparer.OrdinalIgnoreCase)
{
    ["crypto"] = a => Task.FromResult(Qilu.Bench.Crypto.CryptoThroughput.Run(a)),
    ["audit"] = async _ => { await Qilu.Bench.Audit.AuditBenchmark.RunAsync(); return 0; },
    ["token"] = Qilu.Bench.Token.TokenBenchmark.RunAsync,
    ["startup"] = Qilu.Bench.Startup.StartupBenchmark.RunAsync,
    ["workflow"] = Qilu.Bench.Workflow.WorkflowBenchmark.RunAsync,
    ["cases"] = a => Qilu.Bench.Workflow.WorkflowBenchmark.RunAsync([.. a, "--open-loop-only"]),
    ["search"] = Qilu.Bench.Search.SearchBenchmark.RunAsync,
    ["rules"] = a => Task.FromResult(Qilu.Bench.Rules.RulesBenchmark.Run(a)),
    ["catalog"] = Qilu.Bench.Catalog.CatalogSearchBenchmark.RunAsync,
    ["resources"] = Qilu.Bench.Catalog.ResourcesBenchmark.RunAsync,
    ["trust"] = Qilu.Bench.Trust.TrustBenchmark.RunAsync,
    ["classifier"] = a => Task.FromResult(Qilu.Bench.Classifier.ClassifierBenchmark.Run(a)),
    ["gateway"] = Qilu.Bench.Sharing.GatewayBenchmark.RunAsync,
    ["hotline"] = Qilu.Bench.Hotline.HotlineBenchmark.RunAsync,
    ["opendata"] = Qilu.Bench.OpenData.OpenDataBenchmark.RunAsync,
};

if (args.Length == 0 || !benchmarks.TryGetValue(args[0], out var run))
{
    Console.Error.WriteLine($"usage: Qilu.Bench <{string.Join('|', benchmarks.Keys)}> [options]");
    return 1;
}
return await run(args[1..]);
