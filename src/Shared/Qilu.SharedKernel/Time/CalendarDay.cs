namespace Qilu.SharedKernel.Time;

/// <summary>How an entry of the holiday calendar changes a date.</summary>
public enum CalendarDayKind
{
    /// <summary>法定节假日 / 放假: a day off, whatever weekday it falls on.</summary>
    Holiday = 0,

    /// <summary>调休上班: a Saturday or Sunday worked in exchange for a bridged holiday.</summary>
    AdjustedWorkingDay = 1,
}

/// <summary>One dated entry of the holiday calendar (国务院办公厅 annual 节假日安排).</summary>
/// <param name="Date">The calendar date in China time.</param>
/// <param name="Kind">Holiday or adjusted working day.</param>
/// <param name="Name">The festival it belongs to, e.g. 春节.</param>
public sealed record CalendarDay(DateOnly Date, CalendarDayKind Kind, string Name);
