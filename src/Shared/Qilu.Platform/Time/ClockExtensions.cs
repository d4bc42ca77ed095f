namespace Qilu.Platform.Time;

/// <summary>China Standard Time (UTC+8, no daylight saving) for display and for date arithmetic on working days.</summary>
public static class ChinaTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static DateTimeOffset Now(this TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return clock.GetUtcNow().ToOffset(Offset);
    }
}
