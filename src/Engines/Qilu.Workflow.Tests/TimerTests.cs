using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qilu.SharedKernel.Results;
using Qilu.Workflow.Contracts;
using Qilu.Workflow.Data;
using Qilu.Workflow.Events;
using Qilu.Workflow.Runtime;
using Shouldly;

namespace Qilu.Workflow.Tests;

public sealed class TimerTests
{
    private static DateTimeOffset China(int m, int d, int h = 0, int min = 0) => new(2026, m, d, h, min, 0, TimeSpan.FromHours(8));

    private static void SetClock(EngineHost host, DateTimeOffset at) => host.Clock.SetUtcNow(at.ToUniversalTime());

    [Fact]
    public async Task Timers_AcrossSpringFestival_WarnEscalateAndExpireOnWorkingDays()
    {
        // Thu 12 Feb 10:00; five working days: 13, 14 (调休 Saturday), then 15–23 off, 24, 25, 26 → due at the end of 26 Feb.
        await using var host = await EngineHost.StartAsync(now: China(2, 12, 10));
        await host.DeployAsync(Defs.Licence);
        var instance = await host.StartCaseAsync("licence", "SF-1");
        var task = await host.OnlyTaskAsync(instance.Id);
        task.DueAt.ShouldBe(China(2, 27));

        // Budget 134 working hours: yellow (70 %, 93.8 h) on 25 Feb 07:48, red (90 %, 120.6 h) on 26 Feb 10:36.
        SetClock(host, China(2, 23, 23, 59));
        (await host.Engine.RunDueTimersAsync(default)).ShouldBe(0, "the whole festival passes without a warning");
        SetClock(host, China(2, 25, 7, 47));
        (await host.Engine.RunDueTimersAsync(default)).ShouldBe(0);
        SetClock(host, China(2, 25, 7, 49));
        (await host.Engine.RunDueTimersAsync(default)).ShouldBe(1);
        (await host.Api.GetTaskAsync(task.Id)).Value.WarningLevel.ShouldBe(WarningLevel.Yellow);
        SetClock(host, China(2, 26, 10, 37));
        (await host.Engine.RunDueTimersAsync(default)).ShouldBe(1);
        (await host.Api.GetTaskAsync(task.Id)).Value.WarningLevel.ShouldBe(WarningLevel.Red);
        SetClock(host, China(2, 26, 23, 59));
        (await host.Engine.RunDueTimersAsync(default)).ShouldBe(0);
        SetClock(host, China(2, 27, 0, 1));
        (await host.Engine.RunDueTimersAsync(default)).ShouldBe(2, "escalation at 100 % and the deadline");

        var overdue = (await host.Api.GetTaskAsync(task.Id)).Value;
        overdue.WarningLevel.ShouldBe(WarningLevel.Overdue);
        overdue.EscalatedToDivision.ShouldBe("370100", "历下区 escalates to 济南市 (督办)");
        (await host.Api.ListTasksAsync(new TaskQuery { EscalatedToDivision = "370100" })).Single().Id.ShouldBe(task.Id);
        (await host.Api.ListTasksAsync(new TaskQuery { Overdue = true })).Single().Id.ShouldBe(task.Id);
        var fired = await host.EventsAsync(nameof(WorkflowTimerFired));
        fired.Count.ShouldBe(4);
        fired.Select(e => JsonNode.Parse(e.Payload)!["kind"]!.ToString()).ShouldBe(["0", "1", "2", "3"], ignoreOrder: true);
    }

    [Fact]
    public async Task Timers_StartedOnAdjustedSaturday_CountThatSaturdayAsWorking()
    {
        // Sat 28 Feb is 调休上班: a 1-working-day limit started on Fri 27 Feb ends at the end of that Saturday.
        await using var host = await EngineHost.StartAsync(now: China(2, 27, 16));
        await host.DeployAsync(Defs.Licence.Replace("\"workingDays\": 5", "\"workingDays\": 1"));
        var task = await host.OnlyTaskAsync((await host.StartCaseAsync("licence", "SF-2")).Id);
        task.DueAt.ShouldBe(China(3, 1));
    }

    [Fact]
    public async Task Suspension_ForCorrection_StopsTheClockAndMovesTheDeadline()
    {
        // Mon 2 Mar 09:00, 5 working days → end of Mon 9 Mar.
        await using var host = await EngineHost.StartAsync(now: China(3, 2, 9));
        await host.DeployAsync(Defs.Licence);
        await host.DeployAsync(Defs.ProcessLimit);
        var instance = await host.StartCaseAsync("licence", "S-1");
        var task = await host.OnlyTaskAsync(instance.Id);
        task.DueAt.ShouldBe(China(3, 10));

        SetClock(host, China(3, 3, 9));
        var suspended = await host.Api.SuspendAsync(instance.Id, SuspensionKind.Correction, "请补正营业执照复印件", Actors.Clerk);
        suspended.Value.State.ShouldBe(InstanceState.Suspended);
        (await host.Api.GetTaskAsync(task.Id)).Value.DueAt.ShouldBeNull();
        var blocked = await host.Api.CompleteAsync(task.Id, new("accept"), Actors.Clerk);
        blocked.Kind.ShouldBe(ErrorKind.Conflict);
        blocked.Error.MessageEn.ShouldContain("suspended");
        (await host.Api.AllowedInstanceActionsAsync(instance.Id, Actors.Clerk)).Value.ShouldBe([WorkflowActions.Resume, WorkflowActions.Cancel]);

        // Past the original deadline while suspended: nothing fires.
        SetClock(host, China(3, 10, 0, 30));
        (await host.Engine.RunDueTimersAsync(default)).ShouldBe(0, "a suspended clock fires nothing");

        // The applicant answers on Thu 12 Mar 09:00: seven working days (168 h) excluded; 24 h were used, 111 h remain:
        // 12 Mar 15 h, 13 Mar, 16 Mar, 17 Mar, 18 Mar → the end of Wed 18 Mar.
        SetClock(host, China(3, 12, 9));
        var resumed = await host.Api.ResumeAsync(instance.Id, Actors.Clerk, new JsonObject { ["corrected"] = true });
        resumed.Value.State.ShouldBe(InstanceState.Running);
        resumed.Value.Variables["corrected"]!.GetValue<bool>().ShouldBeTrue();
        (await host.Api.GetTaskAsync(task.Id)).Value.DueAt.ShouldBe(China(3, 19));

        // Red at 90 % (121.5 h used: 24 before, 97.5 after) → 18 Mar 10:30.
        SetClock(host, China(3, 18, 10, 29));
        await host.Engine.RunDueTimersAsync(default);
        (await host.Api.GetTaskAsync(task.Id)).Value.WarningLevel.ShouldBe(WarningLevel.Yellow);
        SetClock(host, China(3, 18, 10, 31));
        await host.Engine.RunDueTimersAsync(default);
        (await host.Api.GetTaskAsync(task.Id)).Value.WarningLevel.ShouldBe(WarningLevel.Red);
        SetClock(host, China(3, 19, 0, 1));
        await host.Engine.RunDueTimersAsync(default);
        (await host.Api.GetTaskAsync(task.Id)).Value.WarningLevel.ShouldBe(WarningLevel.Overdue);
        var history = await host.Api.GetHistoryAsync(instance.Id);
        history.Single(h => h.Action == "instance.resumed").Details!.ShouldContain("\"excludedWorkingHours\":168");
    }

    [Fact]
    public async Task Suspension_SpecialStage_ExcludesTheStageFromTheProcessLimit()
    {
        await using var host = await EngineHost.StartAsync(now: China(3, 2, 9));
        await host.DeployAsync(Defs.ProcessLimit);
        var instance = await host.StartCaseAsync("process-limit", "PL-1");
        instance.DueAt.ShouldBe(China(3, 10));
        SetClock(host, China(3, 4, 9));
        await host.Api.SuspendAsync(instance.Id, SuspensionKind.SpecialStage, "专家评审", Actors.Clerk);
        // Expert review lasts a full working week (Wed 4 Mar 09:00 → Wed 11 Mar 09:00: five working days).
        SetClock(host, China(3, 11, 9));
        (await host.Engine.RunDueTimersAsync(default)).ShouldBe(0);
        var resumed = (await host.Api.ResumeAsync(instance.Id, Actors.Clerk)).Value;
        resumed.DueAt.ShouldBe(China(3, 17));
    }

    [Fact]
    public async Task Timers_AcrossRestart_FireOnceAndNeverTwice()
    {
        await using var host = await EngineHost.StartAsync(now: China(3, 2, 9));
        await host.DeployAsync(Defs.Licence);
        var instance = await host.StartCaseAsync("licence", "R-1");
        var task = await host.OnlyTaskAsync(instance.Id);

        // Process stops before the yellow threshold; the next process starts after it.
        SetClock(host, China(3, 6, 12));
        await host.RestartAsync();
        (await host.Engine.RunDueTimersAsync(default)).ShouldBe(1);
        (await host.Engine.RunDueTimersAsync(default)).ShouldBe(0);

        // A crash between claiming the red timer and committing its effect: nothing is half-applied.
        SetClock(host, China(3, 9, 12));
        await host.RestartAsync(s => s.AddSingleton<IWorkflowEventPublisher>(new CrashingPublisher()));
        await Should.ThrowAsync<IOException>(() => host.Engine.RunDueTimersAsync(default));
        (await host.QueryAsync(db => db.Timers.CountAsync(t => t.TaskId == task.Id && t.State == TimerState.Fired))).ShouldBe(1);
        (await host.Api.GetTaskAsync(task.Id)).Value.WarningLevel.ShouldBe(WarningLevel.Yellow);

        await host.RestartAsync(_ => { });
        (await host.Engine.RunDueTimersAsync(default)).ShouldBe(1);
        (await host.Engine.RunDueTimersAsync(default)).ShouldBe(0);
        (await host.Api.GetTaskAsync(task.Id)).Value.WarningLevel.ShouldBe(WarningLevel.Red);
        (await host.EventsAsync(nameof(WorkflowTimerFired))).Count.ShouldBe(2);
    }

    [Fact]
    public async Task Timers_WhenTwoRunnersRaceOnSqlite_EachTimerFiresOnce()
    {
        await using var host = await EngineHost.StartAsync(now: China(3, 2, 9));
        await host.DeployAsync(Defs.Licence);
        for (var i = 0; i < 20; i++) await host.StartCaseAsync("licence", $"RR-{i}");
        SetClock(host, China(3, 20));
        var counts = await Task.WhenAll(host.Engine.RunDueTimersAsync(default), host.Engine.RunDueTimersAsync(default), host.Engine.RunDueTimersAsync(default));
        var events = await host.EventsAsync(nameof(WorkflowTimerFired));
        events.GroupBy(e => e.Payload).Where(g => g.Count() > 1).Select(g => g.Key).ShouldBeEmpty();
        events.Count.ShouldBe(80);
        counts.Sum().ShouldBe(80);
    }

    [Fact]
    public async Task Timers_OfCompletedTask_AreCancelledNotFired()
    {
        await using var host = await EngineHost.StartAsync(now: China(3, 2, 9));
        await host.DeployAsync(Defs.Licence);
        var instance = await host.StartCaseAsync("licence", "C-1");
        await host.Api.CompleteAsync((await host.OnlyTaskAsync(instance.Id)).Id, new("reject"), Actors.Clerk);
        SetClock(host, China(4, 30));
        (await host.Engine.RunDueTimersAsync(default)).ShouldBe(0);
        (await host.QueryAsync(db => db.Timers.CountAsync(t => t.State == TimerState.Cancelled))).ShouldBe(4);
    }

    /// <summary>Stands for a process dying after the timer was claimed and before the transaction committed.</summary>
    private sealed class CrashingPublisher : IWorkflowEventPublisher
    {
        public void Publish(WorkflowDbContext db, WorkflowEvent evt)
        {
            new OutboxEventPublisher().Publish(db, evt);
            if (evt is WorkflowTimerFired) throw new IOException("simulated crash before commit");
        }
    }
}
