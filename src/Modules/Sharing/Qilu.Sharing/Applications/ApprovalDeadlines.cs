using Microsoft.Extensions.Options;
using Qilu.SharedKernel.Time;

namespace Qilu.Sharing.Applications;

/// <summary>
/// Deadlines of review and approval stages in working days, on the platform's working calendar
/// (<see cref="IWorkingCalendarSource"/>: the administrators' calendar, with the statutory holidays of years not entered).
/// </summary>
internal sealed class ApprovalDeadlines(IOptions<SharingOptions> options, IWorkingCalendarSource calendars)
{
    private WorkingCalendar Calendar => calendars.Current;

    public DateTimeOffset ConformityDue(DateTimeOffset from) => Calendar.DeadlineAfterWorkingDays(from, options.Value.ConformityDays);

    public DateTimeOffset ApprovalDue(DateTimeOffset from) => Calendar.DeadlineAfterWorkingDays(from, options.Value.ApprovalDays);

    /// <summary>Working days left until <paramref name="due"/> (negative when overdue).</summary>
    public int WorkingDaysLeft(DateTimeOffset now, DateTimeOffset due)
    {
        var calendar = Calendar;
        var today = WorkingCalendar.ChinaDate(now);
        var last = WorkingCalendar.ChinaDate(due.AddTicks(-1));
        return last >= today ? calendar.WorkingDaysBetween(today, last) : -calendar.WorkingDaysBetween(last, today);
    }
}
