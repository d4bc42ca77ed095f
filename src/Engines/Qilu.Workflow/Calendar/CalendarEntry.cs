using Qilu.SharedKernel.Time;

namespace Qilu.Workflow.Calendar;

/// <summary>A dated entry of the administrators' holiday calendar.</summary>
internal sealed class CalendarEntry
{
    public DateOnly Date { get; set; }
    public CalendarDayKind Kind { get; set; }
    public string Name { get; set; } = "";
    public int Year { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public string UpdatedBy { get; set; } = "";
}
