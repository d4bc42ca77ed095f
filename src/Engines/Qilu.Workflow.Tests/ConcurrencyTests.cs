using Qilu.SharedKernel.Results;
using Qilu.Workflow.Contracts;
using Shouldly;

namespace Qilu.Workflow.Tests;

public sealed class ConcurrencyTests
{
    internal static async Task TwoOfficialsCompleteAtOnce_OneWinsOtherGets409(EngineHost host)
    {
        await host.DeployAsync(Defs.Licence);
        for (var i = 0; i < 10; i++)
        {
            var instance = await host.StartCaseAsync("licence", $"CC-{i}");
            var task = await host.OnlyTaskAsync(instance.Id);
            var a = Actors.Official("clerk-a", "370102", "acceptor");
            var b = Actors.Official("clerk-b", "370102", "acceptor");
            var results = await Task.WhenAll(
                host.Api.CompleteAsync(task.Id, new("reject"), a, task.Version),
                host.Api.CompleteAsync(task.Id, new("reject"), b, task.Version));
            results.Count(r => r.IsSuccess).ShouldBe(1);
            var loser = results.Single(r => !r.IsSuccess);
            loser.Kind.ShouldBe(ErrorKind.Conflict);
            loser.Error.Code.ShouldBeOneOf(WorkflowActions.NotAllowedCode, "workflow.stale_version");
            loser.Errors.Where(e => e.Code == WorkflowActions.AllowedCode).ShouldBeEmpty("a completed task allows nothing");
        }
        (await host.EventsAsync(nameof(WorkflowTaskCompleted))).Count.ShouldBe(10);
    }

    [Fact]
    public async Task Complete_WhenTwoOfficialsActAtOnce_OneWinsAndTheOtherGets409()
    {
        await using var host = await EngineHost.StartAsync();
        await TwoOfficialsCompleteAtOnce_OneWinsOtherGets409(host);
    }

    [Fact]
    public async Task Claim_WithStaleVersion_Is409ListingWhatIsAllowed()
    {
        await using var host = await EngineHost.StartAsync();
        await host.DeployAsync(Defs.Licence);
        var instance = await host.StartCaseAsync("licence", "ST-1");
        var task = await host.OnlyTaskAsync(instance.Id);
        (await host.Api.ClaimAsync(task.Id, Actors.Clerk, task.Version)).IsSuccess.ShouldBeTrue();
        var stale = await host.Api.CompleteAsync(task.Id, new("accept"), Actors.Clerk, task.Version);
        stale.Kind.ShouldBe(ErrorKind.Conflict);
        stale.Error.Code.ShouldBe("workflow.stale_version");
        stale.Errors.Where(e => e.Code == WorkflowActions.AllowedCode).Select(e => e.Field)
            .ShouldBe([WorkflowActions.Complete, WorkflowActions.Delegate]);
    }
}
