using Shouldly;

namespace Qilu.ArchitectureTests;

/// <summary>
/// Banned APIs (BannedSymbols.txt: clock reads bypassing TimeProvider, unseeded Random) appear in no production
/// assembly's IL. Test assemblies are exempt (they may read the real clock to compare against it).
/// </summary>
public sealed class BannedApiTests
{
    private static IReadOnlyList<BannedSymbol> Banned { get; } =
        BannedSymbol.Parse(File.ReadAllLines(Path.Combine(Solution.RepositoryRoot, "BannedSymbols.txt")));

    [Fact]
    public void BannedSymbols_WhenParsed_IncludeEveryClockRead()
    {
        var clock = Banned.Where(b => b.Kind == 'P').Select(b => b.Type + "." + b.Member).ToList();
        clock.ShouldBe(["System.DateTime.Now", "System.DateTime.UtcNow", "System.DateTime.Today", "System.DateTimeOffset.Now", "System.DateTimeOffset.UtcNow"],
            ignoreOrder: true);
    }

    [Fact]
    public void ProductionAssemblies_WhenScanned_CallNoBannedApi()
    {
        Solution.Production.Count.ShouldBeGreaterThanOrEqualTo(5);
        var hits = Solution.Production.SelectMany(a => BannedApiScanner.Scan(a, Banned)).ToList();
        hits.ShouldBeEmpty();
    }

    [Fact]
    public void Scanner_OnSampleCallingTheClock_FindsEveryCall()
    {
        var hits = BannedApiScanner.Scan(typeof(BannedApiTests).Assembly, Banned, t => t.Name == nameof(BannedCallSample));
        hits.ShouldContain(h => h.Contains("System.DateTime::get_UtcNow", StringComparison.Ordinal));
        hits.ShouldContain(h => h.Contains("System.DateTimeOffset::get_Now", StringComparison.Ordinal));
        hits.ShouldContain(h => h.Contains("System.DateTime::get_Today", StringComparison.Ordinal) && h.Contains('<', StringComparison.Ordinal));
        hits.ShouldContain(h => h.Contains("System.Random::.ctor", StringComparison.Ordinal));
        hits.Count.ShouldBe(4);
    }

#pragma warning disable RS0030 // calls the banned APIs on purpose so the scanner has something to find
    internal static class BannedCallSample
    {
        public static DateTime Utc() => DateTime.UtcNow;

        public static DateTimeOffset Local() => DateTimeOffset.Now;

        // Inside a lambda: compiled into a nested closure type, which the scanner must also read.
        public static Func<DateTime> Deferred() => () => DateTime.Today;

        public static int Dice() => new Random().Next(6);

        public static Random Seeded() => new(42);
    }
#pragma warning restore RS0030
}
