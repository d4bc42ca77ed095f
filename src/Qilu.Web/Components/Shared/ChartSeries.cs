namespace Qilu.Web.Components.Shared;

/// <summary>One line of a <see cref="QiluTrendChart"/>: a name for the legend and one value per label, in order.</summary>
/// <param name="Name">Legend text (a unit, a resource), already in the current language.</param>
/// <param name="Values">One value per label of the chart; negative values are drawn as zero.</param>
public sealed record ChartSeries(string Name, IReadOnlyList<double> Values);
