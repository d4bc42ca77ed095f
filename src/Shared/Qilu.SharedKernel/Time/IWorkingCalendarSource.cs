namespace Qilu.SharedKernel.Time;

/// <summary>
/// The working calendar in force, for every module that counts statutory time limits in working days (case and ticket
/// limits, sharing approvals, data objections, open-data requests): one calendar, so that a holiday an administrator
/// enters counts the same everywhere. The Workflow engine provides the administrators' calendar (edited on the admin
/// page 工作日历); without it, <see cref="StatutoryCalendarSource"/>.
/// </summary>
public interface IWorkingCalendarSource
{
    /// <summary>The calendar now (replaced as a whole when an administrator edits it; read it per use, do not keep it).</summary>
    WorkingCalendar Current { get; }
}

/// <summary>The published arrangements the platform ships (<see cref="WorkingCalendar.China2026"/>) and, for other years, the statutory holidays.</summary>
public sealed class StatutoryCalendarSource : IWorkingCalendarSource
{
    public WorkingCalendar Current { get; } = new(WorkingCalendar.China2026);
}
