namespace Qilu.SharedKernel.Identifiers;

/// <summary>Level of a 行政区划 in the GB/T 2260 + statistical-code hierarchy; values grow downwards so they compare.</summary>
public enum DivisionLevel
{
    /// <summary>省级 (省、自治区、直辖市、特别行政区), e.g. 370000.</summary>
    Province = 1,
    /// <summary>地级 (地级市、地区、自治州、盟) and the groupings 市辖区 (1101), 县 (5002), 省直辖县级行政区划 (4290).</summary>
    City = 2,
    /// <summary>县级 (市辖区、县级市、县、旗…), e.g. 370102.</summary>
    County = 3,
    /// <summary>乡级 (街道、镇、乡…), 9-digit statistical code, e.g. 370102001.</summary>
    Town = 4,
    /// <summary>村级 (社区居委会、村委会), 12-digit statistical code, e.g. 370102001002.</summary>
    Village = 5,
}
