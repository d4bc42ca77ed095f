namespace Qilu.Rules;

/// <summary>
/// Facts fixed for one evaluation, so that a rule's answer depends only on its inputs: date operators read
/// <see cref="Today"/> and never the clock (which keeps decisions reproducible and explainable afterwards).
/// </summary>
/// <param name="Today">The reference date for <c>today</c> and one-argument <c>age</c>; usually the decision date in the
/// administration's time zone (China Standard Time), supplied by the caller from an injected <see cref="TimeProvider"/>.</param>
public sealed record RuleContext(DateOnly? Today = null)
{

    /// <summary>A context for the calendar date of <paramref name="time"/> at UTC+8 (China Standard Time, no DST).</summary>
    public static RuleContext At(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        return new RuleContext(DateOnly.FromDateTime(time.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).DateTime));
    }
}
