namespace Qilu.Identity.Departments;

/// <summary>
/// A unit (单位/部门) at one level of government: 省大数据局, 济南市公安局, 历下区民政局 … Every official acts for one.
/// </summary>
internal sealed class Department
{
    public Guid Id { get; init; } = Guid.NewGuid();

    public required string Name { get; set; }

    /// <summary>统一社会信用代码 of the unit (机关 codes start with 11).</summary>
    public required string CreditCode { get; set; }

    /// <summary>The division the unit governs; the root of its officials' data scope.</summary>
    public required string DivisionCode { get; set; }

    /// <summary>Functional kind shared by counterparts at every level (bigdata, public_security, market …).</summary>
    public required string Kind { get; set; }

    public int Order { get; set; }

    public bool Active { get; set; } = true;

    public uint Version { get; set; }
}
