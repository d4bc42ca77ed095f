using System.Globalization;

namespace Qilu.Rules.Semantics;

/// <summary>
/// Qilu's date operators. JSON has no date type, so a date is a canonical ISO-8601 calendar date string
/// <c>yyyy-MM-dd</c>; canonical strings also compare correctly with <c>&lt;</c>, <c>==</c> (same width, year 0001–9999).
/// Invalid or absent dates make date operators return null (values) or false (comparisons), never throw.
/// </summary>
internal static class Dates
{
    public const string Format = "yyyy-MM-dd";

    /// <summary>Day number (<see cref="DateOnly.DayNumber"/>) of <c>yyyy-MM-dd</c>, optionally followed by <c>T…</c> (ignored).</summary>
    public static int? Parse(object? v)
    {
        if (v is not string s || s.Length < 10 || (s.Length > 10 && s[10] != 'T') || s[4] != '-' || s[7] != '-') return null;
        // Hand-parsed: this runs for every date comparison of every entity.
        var year = Digits(s, 0, 4);
        var month = Digits(s, 5, 2);
        var day = Digits(s, 8, 2);
        if (year < 1 || month < 1 || month > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)) return null;
        return new DateOnly(year, month, day).DayNumber;
    }

    private static int Digits(string s, int start, int count)
    {
        var n = 0;
        for (var i = start; i < start + count; i++)
        {
            var c = s[i];
            if (c is < '0' or > '9') return -1;
            n = n * 10 + (c - '0');
        }
        return n;
    }

    public static string ToText(int dayNumber) => DateOnly.FromDayNumber(dayNumber).ToString(Format, CultureInfo.InvariantCulture);

    public static string ToText(DateOnly date) => date.ToString(Format, CultureInfo.InvariantCulture);

    public static bool IsCanonical(object? v) => v is string { Length: 10 } s && Parse(s) is not null;

    public static object? Date(object? v) => Parse(v) is { } d ? ToText(d) : null;

    public static string Today(RuleContext? context)
    {
        var today = context?.Today ?? throw new InvalidOperationException(
            "The rule uses 'today' or 'age' without a reference date: pass a RuleContext with Today (the clock is never read).");
        // One formatted date per thread: date operators ask for it on every evaluation.
        if (_lastToday is not { } last || last.Day != today.DayNumber) _lastToday = last = (today.DayNumber, ToText(today));
        return last.Text;
    }

    [ThreadStatic]
    private static (int Day, string Text)? _lastToday;

    public static int TodayNumber(RuleContext? context) => Parse(Today(context))!.Value;

    public static object? AddDays(object? date, object? days) =>
        Parse(date) is { } d ? AddDays(d, Js.ToNumber(days)) is { } r ? ToText(r) : null : null;

    public static int? AddDays(int day, double days)
    {
        if (!double.IsFinite(days)) return null;
        var result = day + Math.Truncate(days);
        return result >= DateOnly.MinValue.DayNumber && result <= DateOnly.MaxValue.DayNumber ? (int)result : null;
    }

    public static object? DaysBetween(object? from, object? to) =>
        Parse(from) is { } a && Parse(to) is { } b ? (double)(b - a) : null;

    /// <summary>Full years from <paramref name="birth"/> to <paramref name="at"/>; a 29 February birthday falls on 1 March in common years.</summary>
    public static object? Age(object? birth, object? at) =>
        Parse(birth) is { } b && Parse(at) is { } a ? (double)Age(b, a) : null;

    public static int Age(int birth, int at)
    {
        DateOnly.FromDayNumber(birth).Deconstruct(out var by, out var bm, out var bd);
        DateOnly.FromDayNumber(at).Deconstruct(out var ay, out var am, out var ad);
        var years = ay - by;
        if (am < bm || (am == bm && ad < bd)) years--;
        return years;
    }

    public static bool Compare(object? a, object? b, Cmp op) =>
        Parse(a) is { } x && Parse(b) is { } y && Js.CompareNumbers(x, y, op);
}
