namespace Qilu.Hotline.Dispatch;

/// <summary>
/// One line of the 派单目录 (dispatch catalogue): tickets whose category starts with <see cref="Category"/> in a
/// division starting with <see cref="Division"/> go to the unit of <see cref="Lead"/> kind as 主办, with the units
/// of <see cref="CoUnits"/> kinds as 协办. The most specific line wins (longest category, then longest division).
/// </summary>
internal sealed class DispatchRule
{
    /// <summary>Category code or prefix (<c>0101</c> = 市容环境, <c>010101</c> = 占道经营, empty = any).</summary>
    public string Category { get; set; } = "";

    /// <summary>Division code prefix (<c>3701</c> = 济南, empty = anywhere).</summary>
    public string Division { get; set; } = "";

    /// <summary>Unit kind of the 主办 unit.</summary>
    public string Lead { get; set; } = "";

    /// <summary>Unit kinds of the 协办 units.</summary>
    public string[] CoUnits { get; set; } = [];
}
