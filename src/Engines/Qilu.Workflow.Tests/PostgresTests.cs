using Microsoft.EntityFrameworkCore;
using Qilu.Platform.Persistence;
using Qilu.Testing;
using Qilu.Workflow.Contracts;
using Qilu.Workflow.Runtime;
using Shouldly;

namespace Qilu.Workflow.Tests;

/// <summary>The engine on a real PostgreSQL server (QILU_TEST_POSTGRES): row-locked timer claims and concurrent completion.</summary>
public sealed class PostgresTests
{
    private static async Task<EngineHost> PostgresHostAsync(DateTimeOffset? now = null)
    {
        Assert.SkipWhen(string.IsNullOrEmpty(TestEnvironment.PostgresConnectionString), "PostgreSQL suite skipped: set QILU_TEST_POSTGRES");
        return await EngineHost.StartAsync(DatabaseProvider.PostgreSql, now);
    }

    [Fact]
    public async Task Complete_OnPostgres_WhenTwoOfficialsActAtOnce_OneWinsAndTheOtherGets409()
    {
        await using var host = await PostgresHostAsync();
        await ConcurrencyTests.TwoOfficialsCompleteAtOnce_OneWinsOtherGets409(host);
    }

    [Fact]
    public async Task Timers_OnPostgres_WhenFourRunnersRace_EachTimerFiresOnce()
    {
        await using var host = await PostgresHostAsync(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8)));
        await host.DeployAsync(Defs.Licence);
        await host.DeployAsync(Defs.Parallel);
        for (var i = 0; i < 25; i++) await host.StartCaseAsync("licence", $"PG-{i}");
        host.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 20, 0, 0, 0, TimeSpan.FromHours(8)).ToUniversalTime());
        var counts = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => host.Engine.RunDueTimersAsync(default))));
        counts.Sum().ShouldBe(100);
        (await host.EventsAsync(nameof(WorkflowTimerFired))).Count.ShouldBe(100);
        (await host.QueryAsync(db => db.Timers.CountAsync(t => t.State == TimerState.Fired))).ShouldBe(100);
        (await host.Api.ListTasksAsync(new TaskQuery { Overdue = true, Take = 500 })).Count.ShouldBe(25);
    }

    [Fact]
    public async Task ParallelJoin_OnPostgres_WhenBranchesCompleteAtOnce_JoinsOnce()
    {
        await using var host = await PostgresHostAsync();
        await host.DeployAsync(Defs.Parallel);
        var instance = await host.StartCaseAsync("parallel", "PGP-1");
        var tasks = await host.Api.ListTasksAsync(new TaskQuery { InstanceId = instance.Id });
        var results = await Task.WhenAll(tasks.Select((t, n) => Task.Run(() => host.Api.CompleteAsync(t.Id, new(), Actors.Official($"o-{n}", "370102", "officer")))));
        results.ShouldAllBe(r => r.IsSuccess);
        (await host.Api.GetInstanceAsync(instance.Id)).Value.State.ShouldBe(InstanceState.Completed);
        (await host.EventsAsync(nameof(WorkflowServiceStepReached))).Count.ShouldBe(1);
    }
}
