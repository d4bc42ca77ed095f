namespace Qilu.Web.Components.Shared;

/// <summary>Axis arithmetic for <see cref="QiluChart"/>: a "nice" top value so that gridlines fall on round numbers.</summary>
public static class ChartScale
{
    /// <summary>The smallest of 1, 2, 2.5, 5 or 10 times a power of ten that is ≥ <paramref name="max"/>; 1 for max ≤ 0.</summary>
    public static double NiceCeiling(double max)
    {
        if (!(max > 0) || double.IsInfinity(max)) return 1;
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(max)));
        foreach (var step in (ReadOnlySpan<double>)[1, 2, 2.5, 5, 10])
        {
            if (step * magnitude >= max * (1 - 1e-12)) return step * magnitude;
        }
        return 10 * magnitude;
    }

    /// <summary>Formats an axis or value label compactly (no trailing zeros, thousands separators).</summary>
    public static string Format(double value) =>
        Math.Abs(value % 1) < 1e-9 ? value.ToString("#,0", System.Globalization.CultureInfo.InvariantCulture)
                                   : value.ToString("#,0.##", System.Globalization.CultureInfo.InvariantCulture);
}
