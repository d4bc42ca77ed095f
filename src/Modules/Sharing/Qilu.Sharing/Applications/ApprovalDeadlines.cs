using Microsoft.Extensions.Options;
using Qilu.SharedKernel.Time;

namespace Qilu.Sharing.Applications;

/// <summary>
/// Deadlines of review and approval stages in working days. The Workflow engine's administrator-maintained calendar is
/// internal to that engine (no contract exposes it), so this uses the shared kernel's statutory calendar
/// (<see cref="WorkingCalendar.China2026"/>: 2026 holidays and 调休 days; other years Monday–Friday).
/// </summary>
internal sealed class ApprovalDeadlines(IOptions<SharingOptions> options)
{
    private static readonly WorkingCalendar Calendar = new(WorkingCalendar.China2026);

    public DateTimeOffset ConformityDue(DateTimeOffset from) => Calendar.DeadlineAfterWorkingDays(from, options.Value.ConformityDays);

    public DateTimeOffset ApprovalDue(DateTimeOffset from) => Calendar.DeadlineAfterWorkingDays(from, options.Value.ApprovalDays);

    /// <summary>Working days left until <paramref name="due"/> (negative when overdue).</summary>
    public static int WorkingDaysLeft(DateTimeOffset now, DateTimeOffset due)
    {
        var today = WorkingCalendar.ChinaDate(now);
        var last = WorkingCalendar.ChinaDate(due.AddTicks(-1));
        return last >= today ? Calendar.WorkingDaysBetween(today, last) : -Calendar.WorkingDaysBetween(last, today);
    }
}
