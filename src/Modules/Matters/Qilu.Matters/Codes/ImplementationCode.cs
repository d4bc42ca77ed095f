using Qilu.SharedKernel.Results;

namespace Qilu.Matters.Codes;

/// <summary>
/// 实施编码: which body implements a basic-catalog matter where. Written
/// <c>{basic code 12}-{division 12}-{implementing unit's 统一社会信用代码 18}</c>, e.g.
/// <c>000107001000-370102000000-11370102MA3C4X7Y2K</c>; a 业务办理项 appends <c>-{NN}</c> (01–99).
/// </summary>
/// <remarks>
/// The division is the GB/T 2260 code padded to 12 digits (county 370102 → 370102000000, town 370102001 → 370102001000).
/// The credit code is checked with its GB 32100 MOD 31 and GB 11714 check characters, which are the only check
/// characters in the composite. Provincial portals insert further fixed segments (Sichuan: <c>-000-</c> before the
/// credit code and <c>-1-00</c> after it) whose meaning the standard text available to us does not define; they are
/// not reproduced.
/// </remarks>
internal readonly record struct ImplementationCode(string Value)
{
    public static string Compose(MatterBasicCode basic, string divisionCode, string creditCode, int? businessItem = null)
    {
        var code = $"{basic.Value}-{Pad(divisionCode)}-{creditCode}";
        return businessItem is { } n ? $"{code}-{n:00}" : code;
    }

    /// <summary>GB/T 2260 code padded to the 12 digits of the statistical division code.</summary>
    public static string Pad(string divisionCode) => divisionCode.PadRight(12, '0');

    public static Result<ImplementationCode> Parse(string? input)
    {
        var s = input?.Trim().ToUpperInvariant();
        if (string.IsNullOrEmpty(s))
            return new Error("implementation_code.required", "请填写实施编码", "An implementation code is required");
        var parts = s.Split('-');
        if (parts.Length is not (3 or 4))
            return new Error("implementation_code.format", "实施编码应为“基本编码-12位区划代码-统一社会信用代码[-业务办理项序号]”",
                "An implementation code is 'basic code-12-digit division-credit code[-item number]'");
        var basic = MatterBasicCode.Parse(parts[0]);
        if (!basic.IsSuccess) return basic.Error;
        var division = parts[1];
        if (division.Length != 12 || !division.All(char.IsAsciiDigit) || !IsStructural(division))
            return new Error("implementation_code.division", $"实施编码中的区划代码“{division}”不是有效的12位行政区划代码",
                $"'{division}' is not a valid 12-digit division code");
        var credit = Qilu.SharedKernel.Identifiers.CreditCode.Parse(parts[2]);
        if (!credit.IsSuccess) return credit.Error with { Code = "implementation_code." + credit.Error.Code };
        if (parts.Length == 4 && (parts[3].Length != 2 || !parts[3].All(char.IsAsciiDigit) || parts[3] == "00"))
            return new Error("implementation_code.item", "业务办理项序号应为01-99", "The business item number must be 01-99");
        return new ImplementationCode(s);
    }

    public string BasicCode => Value.Split('-')[0];

    public string Division => Value.Split('-')[1];

    public string CreditCode => Value.Split('-')[2];

    private static bool IsStructural(string d12)
    {
        // GB/T 2260 county code (6) + town (3) + village (3); the county part must be a valid code or its padding.
        var county = d12[..6];
        if (county[..2] == "00" || county == "000000") return false;
        if (county.Substring(2, 2) == "00" && county.Substring(4, 2) != "00") return false;
        if (d12.Substring(6, 3) == "000" && d12.Substring(9, 3) != "000") return false;
        return true;
    }

    public override string ToString() => Value;
}
