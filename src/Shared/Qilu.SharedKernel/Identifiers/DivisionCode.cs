using Qilu.SharedKernel.Actors;
using Qilu.SharedKernel.Results;

namespace Qilu.SharedKernel.Identifiers;

/// <summary>
/// 行政区划代码: the 6-digit GB/T 2260 code (province 37 0000, city 3701 00, county 370102) extended by the
/// 统计用区划代码 of the National Bureau of Statistics with 3 digits for towns (370102 001) and 3 more for villages
/// (370102001 002).
/// </summary>
/// <remarks>
/// <para>Input may be 6, 9 or 12 digits; trailing all-zero levels are dropped to a canonical form of 6 digits for
/// province, city and county, 9 for towns and 12 for villages, so 370102000000, 370102000 and 370102 are the same
/// value and print as 370102.</para>
/// <para>Structure: a province prefix from GB/T 2260; below an all-zero level no non-zero level may follow, with one
/// exception: towns directly under a city without counties (不设区的地级市: 东莞 441900, 中山 442000, 儋州 460400,
/// 嘉峪关 620200) have county part 00, e.g. 441900003.</para>
/// <para>Hierarchy is structural: <see cref="Parent"/> strips the last level. GB/T 2260 numbers some city-level
/// slots that are groupings rather than cities: 1101 市辖区 (parent of 110101 is 110100, whose parent is 110000),
/// 5002 县 of Chongqing, and 省直辖县级行政区划 with city part 90 (4190 济源, 4290 仙桃/潜江/天门/神农架,
/// 4690 Hainan, 6590 Xinjiang). For 429004 仙桃市 the parent is therefore 429000 (the grouping listed in GB/T 2260)
/// and its parent 420000; <see cref="IsProvinceAdministeredCounty"/> tells such counties apart so that callers can
/// show them directly under the province.</para>
/// <para>Names and whether a code is in force live in the Identity division registry, not in this type.</para>
/// </remarks>
public readonly struct DivisionCode : IEquatable<DivisionCode>, IComparable<DivisionCode>
{
    private readonly string? _value;

    private DivisionCode(string canonical) => _value = canonical;

    /// <summary>Level of this division.</summary>
    public DivisionLevel Level => _value is null ? default : LevelOf(_value);

    /// <summary>
    /// The enclosing division: village → town (9 digits), town → county, or → city for towns of cities without
    /// counties, county → city (pp cc 00), city → province (pp 0000); null for a province. See the type remarks for
    /// the 市辖区 and 省直辖 groupings.
    /// </summary>
    public DivisionCode? Parent
    {
        get
        {
            if (_value is null) return null;
            return Level switch
            {
                DivisionLevel.Village => new DivisionCode(_value[..9]),
                DivisionLevel.Town => new DivisionCode(_value[4..6] is "00" ? _value[..4] + "00" : _value[..6]),
                DivisionLevel.County => new DivisionCode(_value[..4] + "00"),
                DivisionLevel.City => new DivisionCode(_value[..2] + "0000"),
                _ => null,
            };
        }
    }

    /// <summary>
    /// The significant prefix: the code without its trailing all-zero levels (37, 3701, 370102, 370102001,
    /// 370102001002). Every descendant's code starts with it; <see cref="DivisionScope.PrefixOf"/> computes the same.
    /// </summary>
    public string Prefix => _value is null ? "" : DivisionScope.PrefixOf(_value);

    /// <summary>The 2-digit province part (37).</summary>
    public string ProvinceCode => _value is null ? "" : _value[..2];

    /// <summary>
    /// True for a county-level division administered directly by its province (GB/T 2260 city part 90, e.g.
    /// 429004 仙桃市, 419001 济源市).
    /// </summary>
    public bool IsProvinceAdministeredCounty => Level == DivisionLevel.County && _value![2..4] is "90";

    /// <summary>Parses a 6-, 9- or 12-digit code; see the type remarks.</summary>
    public static Result<DivisionCode> Parse(string? input)
    {
        var s = RegionCodeRules.Normalise(input, upperCase: false);
        if (s is null) return Errors.Required;
        if (s.Length is not (6 or 9 or 12)) return Errors.WrongLength(s.Length);
        if (!RegionCodeRules.AllAsciiDigits(s)) return Errors.Characters;
        if (!RegionCodeRules.IsProvince(s.AsSpan(0, 2))) return Errors.Province(s[..2]);

        var full = s.PadRight(12, '0');
        var city = full.AsSpan(2, 2) is not "00";
        var county = full.AsSpan(4, 2) is not "00";
        var town = full.AsSpan(6, 3) is not "000";
        var village = full.AsSpan(9, 3) is not "000";

        if (!city && (county || town || village)) return Errors.Structure(s, Errors.UnderZeroCity);
        if (!town && village) return Errors.Structure(s, Errors.UnderZeroTown);

        var canonical = village ? full : town ? full[..9] : full[..6];
        return new DivisionCode(canonical);
    }

    /// <summary>True and the value when <paramref name="input"/> parses.</summary>
    public static bool TryParse(string? input, out DivisionCode value)
    {
        var result = Parse(input);
        value = result.IsSuccess ? result.Value : default;
        return result.IsSuccess;
    }

    /// <summary>
    /// True when this division lies inside <paramref name="ancestor"/>'s subtree, including being the same division
    /// (reflexive, as data scopes are): 370102001 is within 370102, 370100, 370000 and itself.
    /// </summary>
    public bool IsWithin(DivisionCode ancestor) =>
        _value is not null && ancestor._value is not null
        && Prefix.StartsWith(ancestor.Prefix, StringComparison.Ordinal);

    /// <summary>The 12-digit statistical form (trailing levels zero-filled): 370102 → 370102000000.</summary>
    public string ToStatisticalCode() => _value is null ? "" : _value.PadRight(12, '0');

    /// <summary>Display form; division codes are public, so this is the code itself.</summary>
    public string Masked() => ToString();

    /// <summary>The canonical form: 6 digits down to county level, 9 for towns, 12 for villages.</summary>
    public override string ToString() => _value ?? "";

    public bool Equals(DivisionCode other) => string.Equals(_value, other._value, StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is DivisionCode other && Equals(other);

    public override int GetHashCode() => _value is null ? 0 : StringComparer.Ordinal.GetHashCode(_value);

    /// <summary>Orders by the 12-digit statistical form, so parents sort before their children.</summary>
    public int CompareTo(DivisionCode other) =>
        string.CompareOrdinal(ToStatisticalCode(), other.ToStatisticalCode());

    public static bool operator ==(DivisionCode left, DivisionCode right) => left.Equals(right);

    public static bool operator !=(DivisionCode left, DivisionCode right) => !left.Equals(right);

    public static bool operator <(DivisionCode left, DivisionCode right) => left.CompareTo(right) < 0;

    public static bool operator <=(DivisionCode left, DivisionCode right) => left.CompareTo(right) <= 0;

    public static bool operator >(DivisionCode left, DivisionCode right) => left.CompareTo(right) > 0;

    public static bool operator >=(DivisionCode left, DivisionCode right) => left.CompareTo(right) >= 0;

    private static DivisionLevel LevelOf(string canonical) => canonical.Length switch
    {
        12 => DivisionLevel.Village,
        9 => DivisionLevel.Town,
        _ when canonical[4..6] is not "00" => DivisionLevel.County,
        _ when canonical[2..4] is not "00" => DivisionLevel.City,
        _ => DivisionLevel.Province,
    };

    private static class Errors
    {
        public const string UnderZeroCity = "city";
        public const string UnderZeroTown = "town";

        public static readonly Error Required = new("division_code.required", "请填写行政区划代码。", "A division code is required.");

        public static readonly Error Characters = new("division_code.characters",
            "行政区划代码只能由数字组成。", "A division code must contain digits only.");

        public static Error WrongLength(int length) => new("division_code.length",
            $"行政区划代码应为6位（县级及以上）、9位（乡级）或12位（村级），当前为{length}位。",
            $"A division code has 6 (county and above), 9 (town) or 12 (village) digits; got {length}.");

        public static Error Province(string province) => new("division_code.province",
            $"行政区划代码前两位“{province}”不是有效的省级代码。",
            $"'{province}' is not a province-level code.");

        public static Error Structure(string code, string reason) => reason == UnderZeroCity
            ? new("division_code.structure",
                $"行政区划代码“{code}”结构错误：地级代码为00时，其下各级代码必须为0。",
                $"Division code '{code}' is malformed: when the city part is 00 every lower level must be zero.")
            : new("division_code.structure",
                $"行政区划代码“{code}”结构错误：乡级代码为000时，村级代码必须为000。",
                $"Division code '{code}' is malformed: when the town part is 000 the village part must be 000.");
    }
}
