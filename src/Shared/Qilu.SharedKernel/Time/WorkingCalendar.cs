using System.Collections.Frozen;
using System.Globalization;

namespace Qilu.SharedKernel.Time;

/// <summary>
/// Working days (工作日) for statutory time limits: Monday to Friday, minus statutory holidays, plus adjusted working
/// days (调休上班). Dates are China dates (UTC+8, no daylight saving); instants are converted before any date test,
/// so a limit never shifts with the server's time zone. A year without entries (its arrangement not yet published or
/// entered) keeps the statutory holidays themselves (<see cref="StatutoryHolidays"/>) on Monday–Friday: the 调休 days
/// are decided each year and cannot be known in advance, the holidays can.
/// </summary>
/// <remarks>
/// Two kinds of limit are supported. <b>Working days</b>: <see cref="AddWorkingDays"/> gives the Nth working day
/// after the start (the start day itself is not counted) and <see cref="DeadlineAfterWorkingDays"/> the end of that
/// day. <b>Working time</b>: the part of an interval that lies on working days, counted in whole 24-hour days, which
/// the workflow engine uses to stop the clock during suspensions and to place warning thresholds
/// (<see cref="WorkingTimeBetween"/>, <see cref="AddWorkingTime"/>). Whether the day of acceptance counts is a matter
/// rule and must be stated there; this type implements "day after the start".
/// </remarks>
public sealed class WorkingCalendar
{
    /// <summary>China Standard Time offset.</summary>
    public static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    private static readonly TimeSpan Day = TimeSpan.FromDays(1);
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<int, FrozenSet<DateOnly>> StatutoryByYear = new();
    private static readonly ChineseLunisolarCalendar Lunar = new();
    private readonly Dictionary<DateOnly, CalendarDay> _days;
    private readonly HashSet<int> _yearsEntered;
    private readonly bool _statutoryFallback;

    /// <summary>
    /// A calendar over the given entries (later entries for the same date win); years without any entry keep their
    /// statutory holidays unless <paramref name="statutoryFallback"/> is false.
    /// </summary>
    public WorkingCalendar(IEnumerable<CalendarDay> days, bool statutoryFallback = true)
    {
        ArgumentNullException.ThrowIfNull(days);
        _days = [];
        foreach (var d in days) _days[d.Date] = d;
        _yearsEntered = [.. _days.Keys.Select(d => d.Year)];
        _statutoryFallback = statutoryFallback;
    }

    /// <summary>Plain Monday–Friday with no holidays at all (for tests and limits counted in plain weekdays).</summary>
    public static WorkingCalendar WeekdaysOnly { get; } = new([], statutoryFallback: false);

    /// <summary>The entries, in date order.</summary>
    public IReadOnlyList<CalendarDay> Days => [.. _days.Values.OrderBy(d => d.Date)];

    /// <summary>The entry for a date, if any.</summary>
    public CalendarDay? Find(DateOnly date) => _days.GetValueOrDefault(date);

    /// <summary>True on a working day.</summary>
    public bool IsWorkingDay(DateOnly date)
    {
        if (_days.TryGetValue(date, out var entry)) return entry.Kind == CalendarDayKind.AdjustedWorkingDay;
        if (_statutoryFallback && !_yearsEntered.Contains(date.Year) && StatutoryDates(date.Year).Contains(date)) return false;
        return date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);
    }

    /// <summary>
    /// The statutory holidays of <paramref name="year"/> by《全国年节及纪念日放假办法》(2024 revision, art. 2), without the
    /// year's 调休 arrangement: 元旦 (1 January), 春节 (农历除夕 and 正月初一 to 初三), 清明节 (the day of the solar term),
    /// 劳动节 (1–2 May), 端午节 (农历五月初五), 中秋节 (农历八月十五), 国庆节 (1–3 October). Lunar dates come from
    /// <see cref="ChineseLunisolarCalendar"/>; 清明 from the solar-term formula for 2000–2099. Empty outside 1901–2099.
    /// </summary>
    public static IReadOnlyList<CalendarDay> StatutoryHolidays(int year)
    {
        if (year is < 1901 or > 2099) return [];
        var list = new List<CalendarDay>();
        void Add(string name, DateOnly date) => list.Add(new CalendarDay(date, CalendarDayKind.Holiday, name));
        Add("元旦", new DateOnly(year, 1, 1));
        var newYear = LunarDate(year, 1, 1);
        Add("春节", newYear.AddDays(-1));
        for (var i = 0; i < 3; i++) Add("春节", newYear.AddDays(i));
        Add("清明节", new DateOnly(year, 4, QingmingDay(year)));
        Add("劳动节", new DateOnly(year, 5, 1));
        Add("劳动节", new DateOnly(year, 5, 2));
        Add("端午节", LunarDate(year, 5, 5));
        Add("中秋节", LunarDate(year, 8, 15));
        for (var d = 1; d <= 3; d++) Add("国庆节", new DateOnly(year, 10, d));
        return [.. list.OrderBy(d => d.Date)];
    }

    private static FrozenSet<DateOnly> StatutoryDates(int year) =>
        StatutoryByYear.GetOrAdd(year, y => StatutoryHolidays(y).Select(d => d.Date).ToFrozenSet());

    /// <summary>The Gregorian date of lunar <paramref name="month"/>/<paramref name="day"/> of lunar year <paramref name="year"/> (a leap month before it shifts its index).</summary>
    private static DateOnly LunarDate(int year, int month, int day)
    {
        // GetLeapMonth gives the 1-based index of the leap month, which repeats the month before it: a leap month at
        // or before our month's position pushes our month one index later.
        var leap = Lunar.GetLeapMonth(year);
        var index = leap != 0 && leap <= month ? month + 1 : month;
        return DateOnly.FromDateTime(Lunar.ToDateTime(year, index, day, 0, 0, 0, 0));
    }

    /// <summary>Day of April of 清明 (the sun at 15° longitude): [Y·0.2422 + C] − [Y/4], Y the year in its century, C 4.81 (2000s) or 5.59 (1900s).</summary>
    private static int QingmingDay(int year)
    {
        var y = year % 100;
        var c = year >= 2000 ? 4.81 : 5.59;
        return (int)Math.Floor(y * 0.2422 + c) - y / 4;
    }

    /// <summary>The China date of an instant.</summary>
    public static DateOnly ChinaDate(DateTimeOffset instant) => DateOnly.FromDateTime(instant.ToOffset(ChinaOffset).DateTime);

    /// <summary>Midnight (start) of a China date, as an instant in UTC.</summary>
    public static DateTimeOffset StartOfChinaDay(DateOnly date) =>
        new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), ChinaOffset).ToUniversalTime();

    /// <summary>The Nth working day after <paramref name="start"/> (n ≥ 1); n = 0 gives the start itself.</summary>
    public DateOnly AddWorkingDays(DateOnly start, int n)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        var d = start;
        for (var counted = 0; counted < n;)
        {
            d = d.AddDays(1);
            if (IsWorkingDay(d)) counted++;
        }
        return d;
    }

    /// <summary>
    /// Deadline of a limit of <paramref name="n"/> working days started at <paramref name="from"/>: the end (24:00
    /// China time) of the Nth working day after the start day, in UTC.
    /// </summary>
    public DateTimeOffset DeadlineAfterWorkingDays(DateTimeOffset from, int n) =>
        StartOfChinaDay(AddWorkingDays(ChinaDate(from), n).AddDays(1));

    /// <summary>Working days after <paramref name="from"/> up to and including <paramref name="to"/> (0 if to ≤ from).</summary>
    public int WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        var count = 0;
        for (var d = from.AddDays(1); d <= to; d = d.AddDays(1))
            if (IsWorkingDay(d)) count++;
        return count;
    }

    /// <summary>The part of [<paramref name="from"/>, <paramref name="to"/>) that falls on working days.</summary>
    public TimeSpan WorkingTimeBetween(DateTimeOffset from, DateTimeOffset to)
    {
        if (to <= from) return TimeSpan.Zero;
        var total = TimeSpan.Zero;
        var date = ChinaDate(from);
        var cursor = from;
        while (cursor < to)
        {
            var next = StartOfChinaDay(date.AddDays(1));
            var end = next < to ? next : to;
            if (IsWorkingDay(date)) total += end - cursor;
            cursor = end;
            date = date.AddDays(1);
        }
        return total;
    }

    /// <summary>
    /// The instant at which <paramref name="amount"/> of working time has elapsed after <paramref name="from"/>:
    /// non-working days are skipped. A zero or negative amount returns <paramref name="from"/>.
    /// </summary>
    public DateTimeOffset AddWorkingTime(DateTimeOffset from, TimeSpan amount)
    {
        var cursor = from.ToUniversalTime();
        var left = amount;
        if (left <= TimeSpan.Zero) return cursor;
        var date = ChinaDate(cursor);
        for (var guard = 0; guard < 36_600; guard++)
        {
            var next = StartOfChinaDay(date.AddDays(1));
            if (IsWorkingDay(date))
            {
                var available = next - cursor;
                if (left <= available) return cursor + left;
                left -= available;
            }
            cursor = next;
            date = date.AddDays(1);
        }
        throw new ArgumentOutOfRangeException(nameof(amount), "Working time reaches beyond a century.");
    }

    /// <summary>Working time of a limit in hours: the hours are counted on working days only.</summary>
    public DateTimeOffset DeadlineAfterWorkingHours(DateTimeOffset from, double hours) => AddWorkingTime(from, TimeSpan.FromHours(hours));

    /// <summary>
    /// The 2026 arrangement (国务院办公厅关于2026年部分节假日安排的通知, 2025-11-04): seed data; administrators maintain
    /// later years.
    /// </summary>
    public static IReadOnlyList<CalendarDay> China2026 { get; } = BuildChina2026();

    private static List<CalendarDay> BuildChina2026()
    {
        var list = new List<CalendarDay>();
        void Off(string name, int month, int from, int to)
        {
            for (var d = from; d <= to; d++) list.Add(new CalendarDay(new DateOnly(2026, month, d), CalendarDayKind.Holiday, name));
        }
        void Work(string name, int month, int day) => list.Add(new CalendarDay(new DateOnly(2026, month, day), CalendarDayKind.AdjustedWorkingDay, name));
        Off("元旦", 1, 1, 3); Work("元旦", 1, 4);
        Off("春节", 2, 15, 23); Work("春节", 2, 14); Work("春节", 2, 28);
        Off("清明节", 4, 4, 6);
        Off("劳动节", 5, 1, 5); Work("劳动节", 5, 9);
        Off("端午节", 6, 19, 21);
        Off("中秋节", 9, 25, 27);
        Off("国庆节", 10, 1, 7); Work("国庆节", 9, 20); Work("国庆节", 10, 10);
        return [.. list.OrderBy(d => d.Date)];
    }
}
