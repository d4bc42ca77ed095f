// Benchmark entry points: `dotnet run -c Release --project bench/Qilu.Bench -- <name> [options]`.
// Add an entry per area; each takes the remaining arguments and returns the process exit code.
var benchmarks = new Dictionary<string, Func<string[], int>>(StringComparer.OrdinalIgnoreCase)
{
    ["crypto"] = Qilu.Bench.Crypto.CryptoThroughput.Run,
};

if (args.Length == 0 || !benchmarks.TryGetValue(args[0], out var run))
{
    Console.Error.WriteLine($"usage: Qilu.Bench <{string.Join('|', benchmarks.Keys)}> [options]");
    return 1;
}
return run(args[1..]);
