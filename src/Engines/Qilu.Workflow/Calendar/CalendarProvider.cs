using Microsoft.EntityFrameworkCore;
using Qilu.SharedKernel.Time;
using Qilu.Workflow.Data;

namespace Qilu.Workflow.Calendar;

/// <summary>
/// The current working calendar, built from the administrators' table and replaced atomically after each edit
/// (deadlines already computed keep their instants; new limits and resumptions use the new calendar). Registered as the
/// platform's <see cref="IWorkingCalendarSource"/>, so modules' deadlines follow the same edits.
/// </summary>
internal sealed class CalendarProvider : IWorkingCalendarSource
{
    private volatile WorkingCalendar _current = new(WorkingCalendar.China2026);

    public WorkingCalendar Current => _current;

    public async Task ReloadAsync(WorkflowDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var entries = await db.Calendar.AsNoTracking().ToListAsync(ct);
        _current = new WorkingCalendar(entries.Select(e => new CalendarDay(e.Date, e.Kind, e.Name)));
    }
}
