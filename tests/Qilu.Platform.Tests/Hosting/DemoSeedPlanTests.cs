using System.Collections.Concurrent;
using Qilu.Platform.Hosting;
using Shouldly;

namespace Qilu.Platform.Tests.Hosting;

public sealed class DemoSeedPlanTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private sealed class Seeder(string name, int order, IReadOnlyCollection<string>? dependsOn) : IDemoSeeder
    {
        public int Order => order;

        public string Name => name;

        public IReadOnlyCollection<string>? DependsOn => dependsOn;

        public Task<IReadOnlyList<DemoCredential>> SeedAsync(IServiceProvider services, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<DemoCredential>>([]);
    }

    [Fact]
    public async Task RunAsync_WhenNoSeederDeclaresDependencies_RunsThemOneAfterAnotherInOrder()
    {
        var seeders = new IDemoSeeder[] { new Seeder("c", 300, null), new Seeder("a", 100, null), new Seeder("b", 300, null) };
        var log = new ConcurrentQueue<string>();
        var running = 0;

        await DemoSeedPlan.RunAsync(seeders, async (s, ct) =>
        {
            Interlocked.Increment(ref running).ShouldBe(1);
            log.Enqueue(s.Name);
            await Task.Delay(20, ct);
            Interlocked.Decrement(ref running);
        }, TestContext.Current.CancellationToken);

        log.ShouldBe(["a", "c", "b"]);
    }

    [Fact]
    public async Task RunAsync_WhenTwoSeedersDependOnlyOnTheFirst_RunsThemSideBySideAfterIt()
    {
        var first = new Seeder("first", 100, []);
        var left = new Seeder("left", 200, ["first"]);
        var right = new Seeder("right", 300, ["first"]);
        var firstDone = false;
        var leftStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var rightStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        await DemoSeedPlan.RunAsync([right, left, first], async (s, ct) =>
        {
            if (s == first)
            {
                await Task.Delay(20, ct);
                firstDone = true;
                return;
            }
            firstDone.ShouldBeTrue();
            // Each waits until the other has started: serial execution would time out here.
            (s == left ? leftStarted : rightStarted).SetResult();
            await (s == left ? rightStarted.Task : leftStarted.Task).WaitAsync(Patience, ct);
        }, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task RunAsync_WhenASeederFails_RethrowsAndDoesNotStartItsDependents()
    {
        var started = new ConcurrentBag<string>();
        var seeders = new IDemoSeeder[] { new Seeder("a", 100, []), new Seeder("b", 200, ["a"]), new Seeder("c", 300, null) };

        var thrown = await Should.ThrowAsync<InvalidOperationException>(() => DemoSeedPlan.RunAsync(seeders, (s, _) =>
        {
            started.Add(s.Name);
            return s.Name == "a" ? Task.FromException(new InvalidOperationException("boom")) : Task.CompletedTask;
        }, TestContext.Current.CancellationToken));

        thrown.Message.ShouldBe("boom");
        started.ShouldBe(["a"]);
    }

    [Fact]
    public void Prerequisites_WhenADependencyComesLaterInOrder_Throws()
    {
        var seeders = new IDemoSeeder[] { new Seeder("early", 100, ["late"]), new Seeder("late", 200, []) };

        Should.Throw<InvalidOperationException>(() => DemoSeedPlan.Prerequisites(seeders)).Message.ShouldContain("late");
    }

    [Fact]
    public void Prerequisites_WhenADependencyIsNotRegistered_TreatsItAsMet()
    {
        var only = new Seeder("opendata", 400, ["catalog.entries"]);

        DemoSeedPlan.Prerequisites([only])[only].ShouldBeEmpty();
    }

    [Fact]
    public void Prerequisites_WhenTwoSeedersShareAName_Throws()
    {
        Should.Throw<InvalidOperationException>(() => DemoSeedPlan.Prerequisites([new Seeder("x", 100, []), new Seeder("x", 200, [])]));
    }
}
