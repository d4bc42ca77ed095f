using System.Text.Json.Nodes;
using Qilu.SharedKernel.Results;
using Qilu.Workflow.Contracts;
using Shouldly;

namespace Qilu.Workflow.Tests;

public sealed class InstanceTests
{
    [Fact]
    public async Task Start_SameBusinessKeyTwiceAndConcurrently_ReturnsTheOneInstance()
    {
        await using var host = await EngineHost.StartAsync();
        await host.DeployAsync(Defs.Licence);
        var first = await host.StartCaseAsync("licence", "SD-2026-0001");
        first.AlreadyExisted.ShouldBeFalse();
        var again = await host.StartCaseAsync("licence", "SD-2026-0001");
        again.Id.ShouldBe(first.Id);
        again.AlreadyExisted.ShouldBeTrue();

        var racing = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => host.Api.StartAsync("licence", "SD-2026-0002", new JsonObject { ["divisionCode"] = "370102" }, Actors.Clerk)));
        racing.ShouldAllBe(r => r.IsSuccess);
        racing.Select(r => r.Value.Id).Distinct().Count().ShouldBe(1);
        (await host.QueryAsync(db => Task.FromResult(db.Instances.Count(i => i.BusinessKey == "SD-2026-0002")))).ShouldBe(1);
        (await host.QueryAsync(db => Task.FromResult(db.Tasks.Count(t => t.BusinessKey == "SD-2026-0002")))).ShouldBe(1);
    }

    [Fact]
    public async Task Complete_ThroughGatewayRuleAndServiceStep_RoutesAndPublishes()
    {
        await using var host = await EngineHost.StartAsync();
        await host.DeployAsync(Defs.Licence);
        var instance = await host.StartCaseAsync("licence", "L-1", new JsonObject { ["divisionCode"] = "370102", ["risk"] = "high" });
        var accept = await host.OnlyTaskAsync(instance.Id);
        accept.UnitKind.ShouldBe("market");
        accept.DivisionCode.ShouldBe("370102");
        accept.Role.ShouldBe("acceptor");

        var bad = await host.Api.CompleteAsync(accept.Id, new("maybe"), Actors.Clerk);
        bad.Kind.ShouldBe(ErrorKind.Validation);
        bad.Error.Field.ShouldBe("outcome");

        (await host.Api.CompleteAsync(accept.Id, new("accept", Comment: "材料齐全"), Actors.Clerk)).Value.State.ShouldBe(WorkTaskState.Completed);
        var review = await host.OnlyTaskAsync(instance.Id);
        review.NodeId.ShouldBe("review", "risk == high routes to 审查");
        var reviewer = Actors.Official("rev-1", "370102", "reviewer");
        (await host.Api.CompleteAsync(review.Id, new(Variables: new JsonObject { ["opinion"] = "同意" }), reviewer)).IsSuccess.ShouldBeTrue();
        var decide = await host.OnlyTaskAsync(instance.Id);
        (await host.Api.CompleteAsync(decide.Id, new(), Actors.Official("app-1", "370102", "approver"))).IsSuccess.ShouldBeTrue();

        var done = (await host.Api.GetInstanceAsync(instance.Id)).Value;
        done.State.ShouldBe(InstanceState.Completed);
        done.Variables["opinion"]!.GetValue<string>().ShouldBe("同意");
        var steps = await host.EventsAsync(nameof(WorkflowServiceStepReached));
        steps.Single().Payload.ShouldContain("licence.decided");
        (await host.EventsAsync(nameof(WorkflowInstanceCompleted))).Count.ShouldBe(1);
        (await host.EventsAsync(nameof(WorkflowTaskCreated))).Count.ShouldBe(3);
        var history = await host.Api.GetHistoryAsync(instance.Id);
        history.Select(h => h.Action).ShouldBe([
            "instance.started", "task.created", "task.completed", "gateway.decided", "task.created", "task.completed", "task.created",
            "task.completed", "service.reached", "instance.completed"]);
    }

    [Fact]
    public async Task Return_FromReview_RecreatesTheAcceptTask()
    {
        await using var host = await EngineHost.StartAsync();
        await host.DeployAsync(Defs.Licence);
        var instance = await host.StartCaseAsync("licence", "L-2", new JsonObject { ["divisionCode"] = "370102", ["risk"] = "high" });
        var accept = await host.OnlyTaskAsync(instance.Id);
        (await host.Api.AllowedTaskActionsAsync(accept.Id, Actors.Clerk)).Value.ShouldBe([WorkflowActions.Claim, WorkflowActions.Complete, WorkflowActions.Delegate]);
        await host.Api.CompleteAsync(accept.Id, new("accept"), Actors.Clerk);
        var review = await host.OnlyTaskAsync(instance.Id);
        var reviewer = Actors.Official("rev-1", "370102", "reviewer");
        (await host.Api.AllowedTaskActionsAsync(review.Id, reviewer)).Value.ShouldContain(WorkflowActions.Return);
        (await host.Api.ReturnAsync(review.Id, "材料需补充说明", reviewer)).Value.State.ShouldBe(WorkTaskState.Returned);
        var again = await host.OnlyTaskAsync(instance.Id);
        again.NodeId.ShouldBe("accept");
        again.Id.ShouldNotBe(accept.Id);
    }

    [Fact]
    public async Task Claim_ByOfficialOfAnotherDivisionOrRole_Is409WithNoActions()
    {
        await using var host = await EngineHost.StartAsync();
        await host.DeployAsync(Defs.Licence);
        var instance = await host.StartCaseAsync("licence", "L-3");
        var task = await host.OnlyTaskAsync(instance.Id);
        var elsewhere = await host.Api.ClaimAsync(task.Id, Actors.Official("x", "370202", "acceptor"));
        elsewhere.Kind.ShouldBe(ErrorKind.Conflict);
        elsewhere.Errors.Count.ShouldBe(1, "nothing is allowed for an official outside the unit");
        (await host.Api.ClaimAsync(task.Id, Actors.Official("y", "370102", "reviewer"))).Kind.ShouldBe(ErrorKind.Conflict);

        var claimed = await host.Api.ClaimAsync(task.Id, Actors.Clerk);
        claimed.Value.Assignee.ShouldBe("clerk-1");
        var colleague = Actors.Official("clerk-2", "370102", "acceptor");
        var late = await host.Api.CompleteAsync(task.Id, new("accept"), colleague);
        late.Kind.ShouldBe(ErrorKind.Conflict);
        late.Error.MessageEn.ShouldContain("another official has claimed");

        (await host.Api.DelegateAsync(task.Id, "clerk-2", Actors.Clerk)).Value.Assignee.ShouldBe("clerk-2");
        (await host.Api.CompleteAsync(task.Id, new("reject"), colleague)).IsSuccess.ShouldBeTrue();
        (await host.Api.GetInstanceAsync(instance.Id)).Value.State.ShouldBe(InstanceState.Completed);
    }

    [Fact]
    public async Task ParallelJoin_WaitsForEveryBranch_ThenContinuesOnce()
    {
        await using var host = await EngineHost.StartAsync();
        await host.DeployAsync(Defs.Parallel);
        var instance = await host.StartCaseAsync("parallel", "P-1");
        var tasks = await host.Api.ListTasksAsync(new TaskQuery { InstanceId = instance.Id });
        tasks.Select(t => t.UnitKind).Order().ShouldBe(["market", "public_security"]);
        var officer = Actors.Official("o-1", "370102", "officer");

        await host.Api.CompleteAsync(tasks.Single(t => t.NodeId == "police").Id, new(), officer);
        var waiting = (await host.Api.GetInstanceAsync(instance.Id)).Value;
        waiting.State.ShouldBe(InstanceState.Running);
        waiting.ActiveNodes.Order().ShouldBe(["join", "market"]);
        (await host.EventsAsync(nameof(WorkflowServiceStepReached))).ShouldBeEmpty();

        await host.Api.CompleteAsync(tasks.Single(t => t.NodeId == "market").Id, new(), officer);
        (await host.Api.GetInstanceAsync(instance.Id)).Value.State.ShouldBe(InstanceState.Completed);
        (await host.EventsAsync(nameof(WorkflowServiceStepReached))).Count.ShouldBe(1);
    }

    [Fact]
    public async Task ParallelJoin_WhenBothBranchesCompleteAtOnce_BothSucceedAndJoinFiresOnce()
    {
        await using var host = await EngineHost.StartAsync();
        await host.DeployAsync(Defs.Parallel);
        for (var i = 0; i < 5; i++)
        {
            var instance = await host.StartCaseAsync("parallel", $"PC-{i}");
            var tasks = await host.Api.ListTasksAsync(new TaskQuery { InstanceId = instance.Id });
            var results = await Task.WhenAll(tasks.Select((t, n) => host.Api.CompleteAsync(t.Id, new(), Actors.Official($"o-{n}", "370102", "officer"))));
            results.ShouldAllBe(r => r.IsSuccess);
            (await host.Api.GetInstanceAsync(instance.Id)).Value.State.ShouldBe(InstanceState.Completed);
        }
        (await host.EventsAsync(nameof(WorkflowServiceStepReached))).Count.ShouldBe(5);
    }

    [Fact]
    public async Task SubProcess_FansOutOneChildPerMatter_AndJoinsWhenAllComplete()
    {
        await using var host = await EngineHost.StartAsync();
        await host.DeployAsync(Defs.Matter);
        await host.DeployAsync(Defs.Bundle);
        var matters = JsonNode.Parse("""[ { "code": "出生医学证明", "unitKind": "health" }, { "code": "户口登记", "unitKind": "public_security" }, { "code": "医保参保", "unitKind": "medical_insurance" } ]""")!;
        var parent = await host.StartCaseAsync("bundle", "B-1", new JsonObject { ["divisionCode"] = "370102", ["matters"] = matters });
        var children = await host.Api.ListChildrenAsync(parent.Id);
        children.Count.ShouldBe(3);
        children.Select(c => c.BusinessKey).ShouldBe(["B-1/fanout/1", "B-1/fanout/2", "B-1/fanout/3"]);
        parent.ActiveNodes.ShouldBe(["fanout"]);

        var handler = Actors.Official("h", "370102", "handler");
        var childTasks = new List<TaskView>();
        foreach (var c in children) childTasks.Add(await host.OnlyTaskAsync(c.Id));
        childTasks.Select(t => t.UnitKind).ShouldBe(["health", "public_security", "medical_insurance"]);
        for (var i = 0; i < 2; i++)
            (await host.Api.CompleteAsync(childTasks[i].Id, new(Variables: new JsonObject { ["certificate"] = $"C{i}" }), handler)).IsSuccess.ShouldBeTrue();
        (await host.Api.GetInstanceAsync(parent.Id)).Value.State.ShouldBe(InstanceState.Running);
        (await host.EventsAsync(nameof(WorkflowServiceStepReached))).ShouldBeEmpty();

        (await host.Api.CompleteAsync(childTasks[2].Id, new(Variables: new JsonObject { ["certificate"] = "C2" }), handler)).IsSuccess.ShouldBeTrue();
        var done = (await host.Api.GetInstanceAsync(parent.Id)).Value;
        done.State.ShouldBe(InstanceState.Completed);
        var results = done.Variables["results"]!.AsArray();
        results.Select(r => r!["certificate"]!.GetValue<string>()).ShouldBe(["C0", "C1", "C2"]);
        (await host.EventsAsync(nameof(WorkflowServiceStepReached))).Single().Payload.ShouldContain("bundle.delivered");
    }

    [Fact]
    public async Task Cancel_WithRunningChildren_CancelsTheWholeTree()
    {
        await using var host = await EngineHost.StartAsync();
        await host.DeployAsync(Defs.Matter);
        await host.DeployAsync(Defs.Bundle);
        var parent = await host.StartCaseAsync("bundle", "B-2", new JsonObject { ["divisionCode"] = "370102", ["matters"] = JsonNode.Parse("""[ { "unitKind": "tax" }, { "unitKind": "hrss" } ]""") });
        (await host.Api.CancelAsync(parent.Id, "申请人撤回", Actors.Clerk)).Value.State.ShouldBe(InstanceState.Cancelled);
        (await host.Api.ListChildrenAsync(parent.Id)).ShouldAllBe(c => c.State == InstanceState.Cancelled);
        (await host.Api.ListTasksAsync(new TaskQuery())).ShouldBeEmpty();
        var again = await host.Api.CancelAsync(parent.Id, "again", Actors.Clerk);
        again.Kind.ShouldBe(ErrorKind.Conflict);
        again.Errors.Count.ShouldBe(1);
    }
}
