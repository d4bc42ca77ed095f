namespace Qilu.Web.Components.Shared;

/// <summary>One labelled value of a <see cref="QiluChart"/>.</summary>
/// <param name="Label">Category label (unit name, month), already in the current language.</param>
/// <param name="Value">The number; negative values are drawn as zero.</param>
public sealed record ChartPoint(string Label, double Value);

/// <summary>How a <see cref="QiluChart"/> draws its points.</summary>
public enum ChartKind
{
    /// <summary>Vertical bars: comparing categories (units, matters).</summary>
    Bar,
    /// <summary>A line with markers: a quantity over time.</summary>
    Line,
}
