namespace Qilu.Hotline.Tickets;

/// <summary>
/// Configuration of the hotline (<c>Qilu:Hotline</c>): deadlines by urgency and category, the escalation ladder,
/// the callback and reopen windows and the auto-close period. Hours are calendar hours (the hotline works 7×24).
/// </summary>
internal sealed class HotlineOptions
{
    public const string Section = "Qilu:Hotline";

    /// <summary>签收 deadline after dispatch, by urgency (一般, 紧急, 特急).</summary>
    public double[] SignHours { get; set; } = [2, 1, 0.5];

    /// <summary>Handling deadline after dispatch, by urgency (一般 5 days, 紧急 3 days, 特急 1 day).</summary>
    public double[] HandleHours { get; set; } = [120, 72, 24];

    /// <summary>Handling hours for a category (level-3 code, or a level-1/2 prefix such as <c>05</c>), overriding <see cref="HandleHours"/> for 一般.</summary>
    public Dictionary<string, double> CategoryHandleHours { get; set; } = new(StringComparer.Ordinal)
    {
        ["0502"] = 48,     // 食品药品: health risk
        ["040101"] = 72,   // 拖欠工资: wages before the holidays cannot wait a week
        ["070102"] = 24,   // 消防安全
    };

    /// <summary>Escalation ladder: hours past the running deadline after which a ticket goes up one supervising level.</summary>
    public double[] EscalationHours { get; set; } = [1, 4, 24];

    /// <summary>Tickets awaiting a callback close by themselves after this many hours (no answer from the citizen).</summary>
    public double AutoCloseHours { get; set; } = 72;

    /// <summary>不满意 at the callback reopens (重办) while the reply is at most this many days old (DIGIT PGR: 10 days).</summary>
    public double ReopenWindowDays { get; set; } = 10;

    /// <summary>How many times a ticket can be reopened before 不满意 simply closes it.</summary>
    public int MaxReopens { get; set; } = 2;

    /// <summary>How often the timer sweep runs, in seconds (0 turns the background sweep off; tests call it directly).</summary>
    public double SweepSeconds { get; set; } = 30;

    /// <summary>Longest extension a unit may ask for, in days.</summary>
    public double MaxExtensionDays { get; set; } = 15;

    public TimeSpan SignWindow(Urgency u) => TimeSpan.FromHours(SignHours[Math.Min((int)u, SignHours.Length - 1)]);

    public TimeSpan HandleWindow(string category, Urgency u)
    {
        var byUrgency = HandleHours[Math.Min((int)u, HandleHours.Length - 1)];
        // The most specific category rule wins; urgency can only shorten it.
        var byCategory = CategoryHandleHours.Where(kv => category.StartsWith(kv.Key, StringComparison.Ordinal))
            .OrderByDescending(kv => kv.Key.Length).Select(kv => (double?)kv.Value).FirstOrDefault();
        return TimeSpan.FromHours(byCategory is { } c ? Math.Min(c, byUrgency) : byUrgency);
    }
}
