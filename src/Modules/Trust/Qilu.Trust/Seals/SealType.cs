namespace Qilu.Trust.Seals;

/// <summary>
/// Seal types (印章类型). The numeric value is the <c>type</c> INTEGER written into SES_ESPropertyInfo (GB/T 38540 leaves
/// the code list to the deployment; these follow the common 单位印章 classification).
/// </summary>
internal enum SealType
{
    /// <summary>公章 (法定名称章).</summary>
    Official = 1,
    /// <summary>业务专用章.</summary>
    Business = 2,
    /// <summary>合同专用章.</summary>
    Contract = 3,
    /// <summary>财务专用章.</summary>
    Finance = 4,
    /// <summary>法定代表人名章.</summary>
    LegalRepresentative = 5,
    /// <summary>发票专用章.</summary>
    Invoice = 6,
}

internal static class SealTypes
{
    public static string Zh(SealType t) => t switch
    {
        SealType.Official => "公章",
        SealType.Business => "业务专用章",
        SealType.Contract => "合同专用章",
        SealType.Finance => "财务专用章",
        SealType.LegalRepresentative => "法定代表人名章",
        SealType.Invoice => "发票专用章",
        _ => t.ToString(),
    };

    public static string En(SealType t) => t switch
    {
        SealType.Official => "Official seal",
        SealType.Business => "Business seal",
        SealType.Contract => "Contract seal",
        SealType.Finance => "Finance seal",
        SealType.LegalRepresentative => "Legal representative seal",
        SealType.Invoice => "Invoice seal",
        _ => t.ToString(),
    };

    public static bool TryParse(string? value, out SealType type)
    {
        type = default;
        if (string.IsNullOrWhiteSpace(value)) return false;
        foreach (var t in Enum.GetValues<SealType>())
        {
            if (string.Equals(value, t.ToString(), StringComparison.OrdinalIgnoreCase) || value == Zh(t)
                || value == ((int)t).ToString(System.Globalization.CultureInfo.InvariantCulture))
            {
                type = t;
                return true;
            }
        }
        return false;
    }
}
