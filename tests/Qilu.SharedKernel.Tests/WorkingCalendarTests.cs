using Qilu.SharedKernel.Time;
using Shouldly;

namespace Qilu.SharedKernel.Tests;

public sealed class WorkingCalendarTests
{
    private static readonly WorkingCalendar Cal = new(WorkingCalendar.China2026);

    private static DateOnly D(int m, int d) => new(2026, m, d);

    private static DateTimeOffset China(int m, int d, int h = 0, int min = 0) => new(2026, m, d, h, min, 0, TimeSpan.FromHours(8));

    [Theory]
    [InlineData(2, 14, true)]   // Saturday, 调休上班 for 春节
    [InlineData(2, 15, false)]  // first day of 春节
    [InlineData(2, 23, false)]  // Monday, last day of 春节
    [InlineData(2, 24, true)]
    [InlineData(2, 28, true)]   // Saturday, 调休上班
    [InlineData(3, 1, false)]   // ordinary Sunday
    [InlineData(9, 20, true)]   // Sunday, 调休上班 for 国庆节
    [InlineData(10, 1, false)]
    [InlineData(10, 7, false)]  // Wednesday, last day of 国庆节
    [InlineData(10, 8, true)]
    [InlineData(10, 10, true)]  // Saturday, 调休上班
    [InlineData(1, 4, true)]    // Sunday, 调休上班 for 元旦
    [InlineData(5, 9, true)]    // Saturday, 调休上班 for 劳动节
    [InlineData(5, 5, false)]   // Tuesday, 劳动节
    public void IsWorkingDay_On2026Arrangement_FollowsTheStateCouncilNotice(int month, int day, bool working) =>
        Cal.IsWorkingDay(D(month, day)).ShouldBe(working);

    [Fact]
    public void China2026_Seed_HasTheHolidayAndAdjustedDayCounts()
    {
        WorkingCalendar.China2026.Count(d => d.Kind == CalendarDayKind.Holiday).ShouldBe(3 + 9 + 3 + 5 + 3 + 3 + 7);
        WorkingCalendar.China2026.Count(d => d.Kind == CalendarDayKind.AdjustedWorkingDay).ShouldBe(6);
        WorkingCalendar.China2026.Where(d => d.Kind == CalendarDayKind.AdjustedWorkingDay)
            .ShouldAllBe(d => d.Date.DayOfWeek == DayOfWeek.Saturday || d.Date.DayOfWeek == DayOfWeek.Sunday);
    }

    [Fact]
    public void AddWorkingDays_AcrossSpringFestival_CountsTheAdjustedSaturdayAndSkipsTheHoliday()
    {
        // Thursday 12 Feb: Fri 13, Sat 14 (调休), then 15–23 off, Tue 24, Wed 25, Thu 26.
        Cal.AddWorkingDays(D(2, 12), 1).ShouldBe(D(2, 13));
        Cal.AddWorkingDays(D(2, 12), 2).ShouldBe(D(2, 14));
        Cal.AddWorkingDays(D(2, 12), 3).ShouldBe(D(2, 24));
        Cal.AddWorkingDays(D(2, 12), 5).ShouldBe(D(2, 26));
        Cal.AddWorkingDays(D(2, 12), 7).ShouldBe(D(2, 28)); // Sat 28 Feb is 调休上班
    }

    [Fact]
    public void AddWorkingDays_AcrossNationalDay_CountsSundayTwentiethAndSaturdayTenth()
    {
        Cal.AddWorkingDays(D(9, 18), 1).ShouldBe(D(9, 20));   // Fri 18 → Sun 20 (调休)
        Cal.AddWorkingDays(D(9, 24), 1).ShouldBe(D(9, 28));   // 25–27 中秋节
        Cal.AddWorkingDays(D(9, 30), 1).ShouldBe(D(10, 8));   // 1–7 国庆节
        Cal.AddWorkingDays(D(9, 30), 3).ShouldBe(D(10, 10));  // Sat 10 Oct (调休)
        Cal.AddWorkingDays(D(9, 30), 4).ShouldBe(D(10, 12));
    }

    [Fact]
    public void DeadlineAfterWorkingDays_FromAnyHour_EndsAtChinaMidnightAfterTheNthDay()
    {
        var deadline = Cal.DeadlineAfterWorkingDays(China(2, 12, 10), 5);
        deadline.ShouldBe(China(2, 27));
        deadline.Offset.ShouldBe(TimeSpan.Zero);
        // 23:30 UTC on 11 Feb is already 12 Feb in China.
        Cal.DeadlineAfterWorkingDays(new DateTimeOffset(2026, 2, 11, 23, 30, 0, TimeSpan.Zero), 5).ShouldBe(China(2, 27));
    }

    [Fact]
    public void WorkingDaysBetween_SpringFestivalFortnight_CountsOnlyWorkingDays()
    {
        Cal.WorkingDaysBetween(D(2, 12), D(2, 28)).ShouldBe(7); // 13, 14, 24, 25, 26, 27, 28
        Cal.WorkingDaysBetween(D(2, 28), D(2, 12)).ShouldBe(0);
        Cal.WorkingDaysBetween(D(9, 30), D(10, 10)).ShouldBe(3);
    }

    [Fact]
    public void WorkingTimeBetween_OverHoliday_CountsOnlyWorkingDayHours()
    {
        Cal.WorkingTimeBetween(China(2, 14, 12), China(2, 24, 6)).ShouldBe(TimeSpan.FromHours(12 + 6));
        Cal.WorkingTimeBetween(China(2, 24, 6), China(2, 14, 12)).ShouldBe(TimeSpan.Zero);
    }

    [Fact]
    public void AddWorkingTime_IsTheInverseOfWorkingTimeBetween()
    {
        var start = China(2, 12, 10);
        foreach (var hours in new[] { 0.5, 14, 20, 62, 93.8, 120.6, 134 })
        {
            var at = Cal.AddWorkingTime(start, TimeSpan.FromHours(hours));
            Cal.WorkingTimeBetween(start, at).ShouldBe(TimeSpan.FromHours(hours), TimeSpan.FromMilliseconds(1));
        }
        // 62 h of working time from Thu 10:00 ends at the end of the adjusted Saturday; the next hour is on Tue 24 Feb.
        Cal.AddWorkingTime(start, TimeSpan.FromHours(63)).ShouldBe(China(2, 24, 1));
        Cal.AddWorkingTime(start, TimeSpan.FromHours(134)).ShouldBe(China(2, 27));
    }

    [Fact]
    public void DeadlineAfterWorkingHours_StartedOnHoliday_StartsCountingOnTheNextWorkingDay() =>
        Cal.DeadlineAfterWorkingHours(China(2, 16, 9), 8).ShouldBe(China(2, 24, 8));

    [Fact]
    public void IsWorkingDay_InYearWithoutEntries_KeepsTheStatutoryHolidaysOnMondayToFriday()
    {
        Cal.IsWorkingDay(new DateOnly(2027, 1, 1)).ShouldBeFalse(); // a Friday, 元旦: 2027 arrangement not entered
        Cal.IsWorkingDay(new DateOnly(2027, 1, 4)).ShouldBeTrue();
        Cal.IsWorkingDay(new DateOnly(2027, 1, 2)).ShouldBeFalse(); // Saturday
        Cal.IsWorkingDay(new DateOnly(2027, 2, 8)).ShouldBeFalse(); // Monday, 正月初三
        Cal.IsWorkingDay(new DateOnly(2027, 2, 10)).ShouldBeTrue();  // Wednesday after 春节 (no 调休 known)
        WorkingCalendar.WeekdaysOnly.IsWorkingDay(new DateOnly(2027, 1, 1)).ShouldBeTrue();
        new WorkingCalendar([], statutoryFallback: false).IsWorkingDay(new DateOnly(2027, 2, 8)).ShouldBeTrue();
    }

    [Fact]
    public void IsWorkingDay_InAYearWithEntries_FollowsOnlyTheEntries()
    {
        // An administrator's year replaces the statutory rule for that year (here 2027 with one entry only).
        var cal = new WorkingCalendar([new CalendarDay(new DateOnly(2027, 3, 1), CalendarDayKind.Holiday, "测试")]);
        cal.IsWorkingDay(new DateOnly(2027, 1, 1)).ShouldBeTrue();
        cal.IsWorkingDay(new DateOnly(2027, 3, 1)).ShouldBeFalse();
    }

    // 除夕, 清明, 端午, 中秋 as published in each year's State Council notice; 2020 has a leap 4th month (闰四月) and
    // 2023 a leap 2nd month (闰二月), which shift the later lunar months' indexes.
    [Theory]
    [InlineData(2020, "2020-01-24", "2020-04-04", "2020-06-25", "2020-10-01")]
    [InlineData(2023, "2023-01-21", "2023-04-05", "2023-06-22", "2023-09-29")]
    [InlineData(2024, "2024-02-09", "2024-04-04", "2024-06-10", "2024-09-17")]
    [InlineData(2025, "2025-01-28", "2025-04-04", "2025-05-31", "2025-10-06")]
    [InlineData(2026, "2026-02-16", "2026-04-05", "2026-06-19", "2026-09-25")]
    [InlineData(2027, "2027-02-05", "2027-04-05", "2027-06-09", "2027-09-15")]
    public void StatutoryHolidays_FallOnThePublishedDates(int year, string eve, string qingming, string dragonBoat, string midAutumn)
    {
        var days = WorkingCalendar.StatutoryHolidays(year);
        days.Count.ShouldBe(13);
        days.Where(d => d.Name == "春节").Select(d => d.Date).ShouldBe(Enumerable.Range(0, 4).Select(i => DateOnly.Parse(eve, System.Globalization.CultureInfo.InvariantCulture).AddDays(i)));
        days.Single(d => d.Name == "清明节").Date.ShouldBe(DateOnly.Parse(qingming, System.Globalization.CultureInfo.InvariantCulture));
        days.Single(d => d.Name == "端午节").Date.ShouldBe(DateOnly.Parse(dragonBoat, System.Globalization.CultureInfo.InvariantCulture));
        days.Single(d => d.Name == "中秋节").Date.ShouldBe(DateOnly.Parse(midAutumn, System.Globalization.CultureInfo.InvariantCulture));
        days.Where(d => d.Name is "元旦" or "劳动节" or "国庆节").Select(d => d.Date.ToString("MM-dd", System.Globalization.CultureInfo.InvariantCulture))
            .ShouldBe(["01-01", "05-01", "05-02", "10-01", "10-02", "10-03"]);
        days.ShouldAllBe(d => d.Kind == CalendarDayKind.Holiday);
    }

    [Fact]
    public void StatutoryHolidays_Of2026_AreAllHolidaysOfThePublishedArrangement()
    {
        // The rule and the State Council's 2026 notice agree on every statutory day (the notice adds bridge days and 调休).
        foreach (var day in WorkingCalendar.StatutoryHolidays(2026))
        {
            Cal.Find(day.Date).ShouldNotBeNull($"{day.Date} ({day.Name})");
            Cal.Find(day.Date)!.Kind.ShouldBe(CalendarDayKind.Holiday);
            Cal.Find(day.Date)!.Name.ShouldBe(day.Name);
        }
    }
}
