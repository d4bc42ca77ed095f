using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qilu.Platform.Audit;
using Qilu.Workflow.Contracts;
using Qilu.Workflow.Data;
using Qilu.Workflow.Runtime;
using Shouldly;

namespace Qilu.Workflow.Tests;

/// <summary>ADR 0014: SQLite group commit and one audit record per transition.</summary>
public sealed class GroupCommitTests
{
    [Fact]
    public async Task Start_WhenManyAtOnceWithDuplicates_SharesCommitsAndTheDuplicatesDoNotSinkTheirBatch()
    {
        await using var host = await EngineHost.StartAsync();
        await host.DeployAsync(Defs.Licence);
        var group = host.Services.GetRequiredService<SqliteGroupCommit>();
        var (batches, saves) = (group.BatchesCommitted, group.SavesCommitted);

        // 40 distinct cases and 8 starts of one business key, all at once: the duplicates lose a unique-key race
        // inside some batch (rolled back to their own savepoint) and answer with the winner's instance.
        var distinct = Enumerable.Range(0, 40).Select(i => host.Api.StartAsync("licence", $"GC-{i}", new JsonObject { ["divisionCode"] = "370102" }, Actors.Clerk));
        var duplicates = Enumerable.Range(0, 8).Select(_ => host.Api.StartAsync("licence", "GC-DUP", new JsonObject { ["divisionCode"] = "370102" }, Actors.Clerk));
        var results = await Task.WhenAll(distinct.Concat(duplicates));

        results.ShouldAllBe(r => r.IsSuccess);
        results.Take(40).Select(r => r.Value.Id).Distinct().Count().ShouldBe(40);
        results.Skip(40).Select(r => r.Value.Id).Distinct().Count().ShouldBe(1, "every start of one business key answers with the same instance");
        (await host.Api.ListTasksAsync(new TaskQuery { Take = 500 })).Count.ShouldBe(41, "each committed instance has its one open task, nothing half-written");
        await using (var scope = host.Services.CreateAsyncScope())
        {
            // History rows are written by the writer's own statement after the entity save, under the unit's savepoint:
            // the losers' rows went with their rolled-back save (two steps per start: instance.started, task.created).
            var history = await scope.ServiceProvider.GetRequiredService<WorkflowDbContext>().History.AsNoTracking().ToListAsync();
            history.Count.ShouldBe(41 * 2);
            history.GroupBy(h => h.InstanceId).ShouldAllBe(g => g.Select(h => h.Action).SequenceEqual(new[] { "instance.started", "task.created" }));
        }
        (group.SavesCommitted - saves).ShouldBe(41);
        (group.BatchesCommitted - batches).ShouldBeLessThan(41, "concurrent operations share commits");
    }

    [Fact]
    public async Task Complete_WritesOneAuditRecordListingEveryStepOfTheTransition()
    {
        await using var host = await EngineHost.StartAsync();
        await host.DeployAsync(Defs.Licence);
        var instance = await host.StartCaseAsync("licence", "AU-1");
        var task = await host.OnlyTaskAsync(instance.Id);
        (await host.Api.CompleteAsync(task.Id, new("accept", Comment: "材料齐全"), Actors.Clerk, task.Version)).IsSuccess.ShouldBeTrue();

        var log = host.Services.GetRequiredService<IAuditLog>();
        var entries = (await log.QueryAsync(new AuditQuery { ActionPrefix = "workflow.", Page = new(1, 50) })).Items
            .Where(e => e.Target?.Id == instance.Id.ToString()).OrderBy(e => e.Sequence).ToList();
        entries.Select(e => e.Action).ShouldBe(["workflow.instance.started", "workflow.task.completed"]);
        static List<string> Steps(AuditEntry e) =>
            [.. e.Details!.Value.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("action").GetString()!)];
        Steps(entries[0]).ShouldBe(["instance.started", "task.created"]);
        Steps(entries[1]).ShouldBe(["task.completed", "gateway.decided", "task.created"]);
        var completed = entries[1].Details!.Value.GetProperty("steps")[0];
        completed.GetProperty("task").GetGuid().ShouldBe(task.Id);
        JsonDocument.Parse(completed.GetProperty("details").GetString()!).RootElement.GetProperty("comment").GetString().ShouldBe("材料齐全");
        entries[1].Details!.Value.GetProperty("businessKey").GetString().ShouldBe("AU-1");
    }
}
