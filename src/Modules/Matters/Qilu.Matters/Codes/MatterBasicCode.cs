using System.Globalization;
using Qilu.Matters.Contracts;
using Qilu.SharedKernel.Results;

namespace Qilu.Matters.Codes;

/// <summary>
/// 基本编码 of a matter in the basic catalog (GB/T 39554.1-2020, as used by the national platform): 12 digits =
/// 2 setting region (00 set nationally, or the province's GB/T 2260 prefix for a locally set matter, e.g. 37) +
/// 2 事项类型代码 (01–12, see <see cref="MatterType"/>) + 5 主项编码 (00001–99999) + 3 子项编码 (000 for the main
/// item itself, 001–999 for its sub-items).
/// </summary>
/// <remarks>
/// The standard's full text was not available while this was written; the layout follows the codes published by
/// provincial portals (e.g. 370117009000). The basic code carries no check character; the check characters that do
/// exist live in the implementation code's components (GB 32100 credit code, GB/T 2260 structure).
/// </remarks>
internal readonly record struct MatterBasicCode(string Value)
{
    public const int Length = 12;

    /// <summary>Region part: "00" (national) or a province prefix.</summary>
    public string Region => Value[..2];

    public MatterType Type => (MatterType)int.Parse(Value.AsSpan(2, 2), CultureInfo.InvariantCulture);

    public string MainItem => Value.Substring(4, 5);

    public string SubItem => Value.Substring(9, 3);

    /// <summary>True for a sub-item code (子项编码 not 000).</summary>
    public bool IsSubItem => SubItem != "000";

    /// <summary>The main item's code (子项编码 000).</summary>
    public string MainCode => Value[..9] + "000";

    private static readonly string[] ProvincePrefixes =
        ["11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37", "41", "42", "43", "44", "45",
         "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65", "71", "81", "82"];

    public static Result<MatterBasicCode> Parse(string? input)
    {
        var s = input?.Trim();
        if (string.IsNullOrEmpty(s))
            return new Error("basic_code.required", "请填写事项基本编码", "A basic code is required");
        if (s.Length != Length || !s.All(char.IsAsciiDigit))
            return new Error("basic_code.format", $"事项基本编码应为12位数字，当前为“{s}”", $"A basic code has 12 digits; got '{s}'");
        var region = s[..2];
        if (region != "00" && !ProvincePrefixes.Contains(region))
            return new Error("basic_code.region", $"基本编码第1-2位“{region}”应为00（国家设定）或省级行政区划代码前两位",
                $"Positions 1-2 ('{region}') must be 00 (set nationally) or a province's division prefix");
        var type = int.Parse(s.AsSpan(2, 2), CultureInfo.InvariantCulture);
        if (type is < 1 or > 12)
            return new Error("basic_code.type", $"基本编码第3-4位“{s.Substring(2, 2)}”不是有效的事项类型代码（01-12）",
                $"Positions 3-4 ('{s.Substring(2, 2)}') are not a matter type code (01-12)");
        if (s.Substring(4, 5) == "00000")
            return new Error("basic_code.main_item", "基本编码第5-9位主项编码不能为00000", "Positions 5-9 (main item) cannot be 00000");
        return new MatterBasicCode(s);
    }

    public override string ToString() => Value;
}
