using Qilu.SharedKernel.Time;

namespace Qilu.Workflow.Runtime;

/// <summary>
/// A time limit measured in working time (<see cref="WorkingCalendar.WorkingTimeBetween"/>): a budget, the part
/// already consumed before the last suspension, and the instant the clock last started. Suspension adds the running
/// part to <see cref="LimitConsumedTicks"/> and stops the clock; resumption starts it again, so the deadline moves by
/// exactly the working time spent suspended (补正, 特殊环节).
/// </summary>
internal interface ILimitClock
{
    long? LimitBudgetTicks { get; set; }
    long LimitConsumedTicks { get; set; }
    DateTimeOffset? LimitRunningSince { get; set; }
    DateTimeOffset? DueAt { get; set; }
}

/// <summary>Arithmetic over <see cref="ILimitClock"/>.</summary>
internal static class LimitClock
{
    public static void Start(ILimitClock c, DateTimeOffset now, TimeSpan budget, WorkingCalendar cal)
    {
        c.LimitBudgetTicks = budget.Ticks;
        c.LimitConsumedTicks = 0;
        c.LimitRunningSince = now;
        c.DueAt = cal.AddWorkingTime(now, budget);
    }

    /// <summary>The budget of a limit started now: to the end of the Nth working day, or N working hours.</summary>
    public static TimeSpan Budget(Definitions.TimeLimit limit, DateTimeOffset now, WorkingCalendar cal) =>
        limit.WorkingDays is { } days
            ? cal.WorkingTimeBetween(now, cal.DeadlineAfterWorkingDays(now, days))
            : TimeSpan.FromHours(limit.Hours!.Value);

    public static void Pause(ILimitClock c, DateTimeOffset now, WorkingCalendar cal)
    {
        if (c.LimitBudgetTicks is null || c.LimitRunningSince is null) return;
        c.LimitConsumedTicks += cal.WorkingTimeBetween(c.LimitRunningSince.Value, now).Ticks;
        c.LimitRunningSince = null;
        c.DueAt = null;
    }

    public static void Resume(ILimitClock c, DateTimeOffset now, WorkingCalendar cal)
    {
        if (c.LimitBudgetTicks is null || c.LimitRunningSince is not null) return;
        c.LimitRunningSince = now;
        c.DueAt = At(c, 1.0, cal);
    }

    /// <summary>When the running clock reaches <paramref name="fraction"/> of its budget (null while stopped).</summary>
    public static DateTimeOffset? At(ILimitClock c, double fraction, WorkingCalendar cal)
    {
        if (c.LimitBudgetTicks is not { } budget || c.LimitRunningSince is not { } since) return null;
        var left = TimeSpan.FromTicks((long)(budget * fraction) - c.LimitConsumedTicks);
        return cal.AddWorkingTime(since, left);
    }
}
