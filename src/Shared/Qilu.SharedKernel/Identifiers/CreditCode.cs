using Qilu.SharedKernel.Results;

namespace Qilu.SharedKernel.Identifiers;

/// <summary>
/// 统一社会信用代码 (GB 32100-2015): 1 登记管理部门码, 1 机构类别码, 6 登记管理机关行政区划码, 9 主体标识码
/// (GB 11714 组织机构代码 with its own check character) and a MOD 31 check character, over the 31 symbols
/// <see cref="Alphabet"/> (no I, O, S, V, Z).
/// </summary>
/// <remarks>
/// <para>Parsing trims, folds full-width characters and upper-cases. Checks run in this order, and the first
/// failure is reported: length, characters, authority, type (for that authority), region, embedded organisation
/// code check, overall check character.</para>
/// <para>Accepted authority/type pairs are those of GB 32100-2015 table A.1 with the A and N amendments:
/// 1{1,2,3,9} 2{1,9} 3{1,2,3,4,5,9} 4{1,9} 5{1,2,3,9} 6{1,2,9} 7{1,2,9} 8{1,9} 9{1,2,3} A{1,9} N{1,2,3,9} Y{1}.
/// The region part must be 100000 (national registration) or a structurally valid GB/T 2260 code.</para>
/// </remarks>
public readonly struct CreditCode : IEquatable<CreditCode>
{
    /// <summary>The GB 32100 code alphabet; a character's value is its index here.</summary>
    public const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    /// <summary>Length of a code.</summary>
    public const int Length = 18;

    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
    private static readonly int[] OrganizationWeights = [3, 7, 9, 10, 5, 8, 4, 2];

    private readonly string? _value;

    private CreditCode(string value) => _value = value;

    /// <summary>登记管理部门码 (position 1), e.g. '9' for 工商/市场监管.</summary>
    public char AuthorityCode => _value is null ? '\0' : _value[0];

    /// <summary>机构类别码 (position 2), meaningful together with <see cref="AuthorityCode"/>.</summary>
    public char TypeCode => _value is null ? '\0' : _value[1];

    /// <summary>Chinese name of the registration authority, e.g. 工商.</summary>
    public string AuthorityDescription =>
        _value is null ? "" : CreditCodeCategories.Authorities[_value[0]].Name;

    /// <summary>Chinese name of the institution type, e.g. 企业, 个体工商户, 事业单位.</summary>
    public string TypeDescription =>
        _value is null ? "" : CreditCodeCategories.Authorities[_value[0]].Types[_value[1]];

    /// <summary>True for 个体工商户 (92…), whose code identifies a natural person's business and so is personal data.</summary>
    public bool IsIndividualBusiness => _value is not null && _value[0] == '9' && _value[1] == '2';

    /// <summary>登记管理机关行政区划码 (positions 3-8); 100000 for national-level registration.</summary>
    public string RegionCode => _value is null ? "" : _value[2..8];

    /// <summary>主体标识码 (positions 9-17): the 9-character GB 11714 organisation code, without a hyphen.</summary>
    public string OrganizationCode => _value is null ? "" : _value[8..17];

    /// <summary>The check character (position 18).</summary>
    public char CheckCharacter => _value is null ? '\0' : _value[17];

    /// <summary>Parses a credit code; see the type remarks for normalisation and the order of checks.</summary>
    public static Result<CreditCode> Parse(string? input)
    {
        var s = RegionCodeRules.Normalise(input, upperCase: true);
        if (s is null) return Errors.Required;
        if (s.Length != Length) return Errors.WrongLength(s.Length);

        for (var i = 0; i < s.Length; i++)
        {
            if (Alphabet.IndexOf(s[i], StringComparison.Ordinal) < 0) return Errors.Characters(i + 1, s[i]);
        }

        if (!CreditCodeCategories.Authorities.TryGetValue(s[0], out var authority)) return Errors.Authority(s[0]);
        if (!authority.Types.ContainsKey(s[1])) return Errors.Type(s[0], authority.Name, s[1]);

        var region = s.AsSpan(2, 6);
        if (!(region is "100000" || RegionCodeRules.IsStructurallyValid(region))) return Errors.Region(region.ToString());

        var org = s.AsSpan(8, 9);
        if (!TryComputeOrganizationCheckCharacter(org[..8], out var orgCheck) || org[8] != orgCheck)
            return Errors.OrganizationCode(org.ToString(), orgCheck);

        var expected = ComputeCheckCharacter(s.AsSpan(0, 17));
        if (s[17] != expected) return Errors.CheckCharacter(expected, s[17]);

        return new CreditCode(s);
    }

    /// <summary>True and the value when <paramref name="input"/> parses.</summary>
    public static bool TryParse(string? input, out CreditCode value)
    {
        var result = Parse(input);
        value = result.IsSuccess ? result.Value : default;
        return result.IsSuccess;
    }

    /// <summary>
    /// The GB 32100 check character for the first 17 characters: 31 − (Σ value·3^(i−1) mod 31) mod 31, mapped through
    /// <see cref="Alphabet"/>. Throws when a character is outside the alphabet or the length is not 17.
    /// </summary>
    public static char ComputeCheckCharacter(ReadOnlySpan<char> first17)
    {
        if (first17.Length != 17) throw new ArgumentException("Expected 17 characters.", nameof(first17));
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            var v = Alphabet.IndexOf(first17[i], StringComparison.Ordinal);
            if (v < 0) throw new ArgumentException($"'{first17[i]}' is not a credit-code character.", nameof(first17));
            sum += v * Weights[i];
        }
        return Alphabet[(31 - (sum % 31)) % 31];
    }

    /// <summary>
    /// The GB 11714 check character for an 8-character organisation-code body (digits and upper-case letters,
    /// A=10 … Z=35): 11 − (Σ value·weight mod 11), where 10 is written X and 11 is written 0.
    /// Throws when the body is not 8 digits or upper-case ASCII letters.
    /// </summary>
    public static char ComputeOrganizationCheckCharacter(ReadOnlySpan<char> body8) =>
        TryComputeOrganizationCheckCharacter(body8, out var check)
            ? check
            : throw new ArgumentException("Expected 8 digits or upper-case letters.", nameof(body8));

    /// <summary>
    /// Display form keeping the first 6 and last 4 characters (<c>923701********123X</c>). Enterprise codes are public
    /// (国家企业信用信息公示系统); this is meant for logs and lists that show 个体工商户, whose code stands for a person.
    /// </summary>
    public string Masked() => _value is null ? "" : string.Concat(_value.AsSpan(0, 6), new string('*', 8), _value.AsSpan(14, 4));

    /// <summary>The canonical 18-character upper-case form; empty for <c>default</c>.</summary>
    public override string ToString() => _value ?? "";

    public bool Equals(CreditCode other) => string.Equals(_value, other._value, StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is CreditCode other && Equals(other);

    public override int GetHashCode() => _value is null ? 0 : StringComparer.Ordinal.GetHashCode(_value);

    public static bool operator ==(CreditCode left, CreditCode right) => left.Equals(right);

    public static bool operator !=(CreditCode left, CreditCode right) => !left.Equals(right);

    private static bool TryComputeOrganizationCheckCharacter(ReadOnlySpan<char> body8, out char check)
    {
        check = '\0';
        if (body8.Length != 8) return false;
        var sum = 0;
        for (var i = 0; i < 8; i++)
        {
            var c = body8[i];
            int v;
            if (char.IsAsciiDigit(c)) v = c - '0';
            else if (c is >= 'A' and <= 'Z') v = c - 'A' + 10;
            else return false;
            sum += v * OrganizationWeights[i];
        }
        var c9 = 11 - (sum % 11);
        check = c9 switch { 10 => 'X', 11 => '0', _ => (char)('0' + c9) };
        return true;
    }

    private static class Errors
    {
        public static readonly Error Required = new("credit_code.required", "请填写统一社会信用代码。", "A unified social credit code is required.");

        public static Error WrongLength(int length) => new("credit_code.length",
            $"统一社会信用代码应为18位，当前为{length}位。",
            $"A unified social credit code has 18 characters; got {length}.");

        public static Error Characters(int position, char c) => new("credit_code.characters",
            $"统一社会信用代码第{position}位“{c}”不是允许的字符（只能使用数字和除I、O、S、V、Z以外的大写字母）。",
            $"Character {position} ('{c}') is not allowed: only digits and upper-case letters other than I, O, S, V and Z.");

        public static Error Authority(char c) => new("credit_code.authority",
            $"统一社会信用代码第1位“{c}”不是有效的登记管理部门代码。",
            $"'{c}' (position 1) is not a registration authority code.");

        public static Error Type(char authority, string authorityName, char type) => new("credit_code.type",
            $"统一社会信用代码第2位“{type}”不是登记管理部门“{authority}（{authorityName}）”下的机构类别代码。",
            $"'{type}' (position 2) is not an institution type of registration authority '{authority}'.");

        public static Error Region(string region) => new("credit_code.region",
            $"统一社会信用代码第3-8位“{region}”不是有效的行政区划代码。",
            $"'{region}' (positions 3-8) is not a valid administrative division code.");

        public static Error OrganizationCode(string org, char expected) => expected == '\0'
            ? new("credit_code.organization_code",
                $"统一社会信用代码第9-17位主体标识码“{org}”格式不正确。",
                $"The organisation code '{org}' (positions 9-17) is malformed.")
            : new("credit_code.organization_code",
                $"统一社会信用代码第9-17位主体标识码“{org}”校验位错误：应为“{expected}”，实际为“{org[^1]}”。请核对代码是否抄错。",
                $"The organisation code '{org}' (positions 9-17) fails its GB 11714 check: its last character should be '{expected}', not '{org[^1]}'. Check the code for typos.");

        public static Error CheckCharacter(char expected, char actual) => new("credit_code.check_character",
            $"统一社会信用代码校验码错误：按前17位计算应为“{expected}”，实际为“{actual}”。请核对代码是否抄错。",
            $"Check character mismatch: the first 17 characters require '{expected}' but the code ends in '{actual}'. Check the code for typos.");
    }
}
