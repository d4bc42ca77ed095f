namespace Qilu.Catalog.Contracts;

/// <summary>
/// Identifiers of the seeded standard data elements (<c>Elements/StandardElements</c>) that other modules act on by
/// meaning: masking picks its form by element, 核验 validates its inputs against them, open data generalises division
/// codes. One place, so that a module never spells an element's identifier by hand.
/// </summary>
public static class StandardElementIds
{
    /// <summary>DE0001 公民身份号码 (GB 11643).</summary>
    public const string IdNumber = "DE0001";

    /// <summary>DE0002 姓名.</summary>
    public const string PersonName = "DE0002";

    /// <summary>DE0006 统一社会信用代码 (GB 32100).</summary>
    public const string CreditCode = "DE0006";

    /// <summary>DE0008 法定代表人 (a person's name).</summary>
    public const string LegalRepresentative = "DE0008";

    /// <summary>DE0009 行政区划代码 (GB/T 2260).</summary>
    public const string DivisionCode = "DE0009";

    /// <summary>DE0011 联系电话.</summary>
    public const string Phone = "DE0011";

    /// <summary>DE0013 电子邮箱.</summary>
    public const string Email = "DE0013";
}
