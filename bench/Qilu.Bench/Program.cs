// Dispatcher: one case per benchmark suite (`dotnet run -c Release --project bench/Qilu.Bench -- <suite>`).
switch (args.Length > 0 ? args[0] : "")
{
    case "audit":
        await Qilu.Bench.Audit.AuditBenchmark.RunAsync();
        break;
    default:
        Console.WriteLine("usage: Qilu.Bench <suite>   suites: audit");
        break;
}
