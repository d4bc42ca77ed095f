using System.Globalization;
using Qilu.SharedKernel.Results;

namespace Qilu.SharedKernel.Identifiers;

/// <summary>
/// 公民身份号码 (GB 11643-1999): 6-digit address code (GB/T 2260), 8-digit birth date, 3-digit sequence code
/// (odd for men, even for women) and an ISO 7064 MOD 11-2 check character (0-9 or X).
/// </summary>
/// <remarks>
/// <para>Parsing trims the input, folds full-width characters (IME input) to ASCII and upper-cases <c>x</c>.
/// 15-digit numbers issued before 1999 (6 address + YYMMDD + 3 sequence) are upgraded to the 18-digit form by
/// inserting the century "19" and computing the check character; <see cref="WasUpgradedFromLegacy"/> tells so.</para>
/// <para>The address code is checked for shape (province prefix, no county part under a zero city part), not for
/// existence: numbers keep the code of the division at issue time, and divisions are renamed and merged. 830000 is
/// accepted besides the GB/T 2260 provinces: 港澳台居民居住证 carry numbers with 810000, 820000 and 830000.</para>
/// <para><see cref="Parse(string?)"/> does not reject future birth dates because it has no clock; use
/// <see cref="Parse(string?, TimeProvider)"/> or <see cref="Parse(string?, DateOnly)"/> at the edge.</para>
/// <para>Equality compares the canonical 18-character form, so a legacy number equals its upgrade.</para>
/// </remarks>
public readonly struct IdNumber : IEquatable<IdNumber>
{
    /// <summary>Length of the current form.</summary>
    public const int Length = 18;

    /// <summary>Length of the pre-1999 form.</summary>
    public const int LegacyLength = 15;

    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckCharacters = "10X98765432";
    private static readonly TimeSpan ChinaStandardTime = TimeSpan.FromHours(8);

    private readonly string? _value;

    private IdNumber(string value, bool upgraded)
    {
        _value = value;
        WasUpgradedFromLegacy = upgraded;
    }

    /// <summary>True when the input was a 15-digit legacy number and this value is its 18-digit upgrade.</summary>
    public bool WasUpgradedFromLegacy { get; }

    /// <summary>The 6-digit address code (户籍所在地 at issue time, GB/T 2260); empty for <c>default</c>.</summary>
    public string RegionCode => _value is null ? "" : _value[..6];

    /// <summary>Date of birth; <c>default</c> for the <c>default</c> instance.</summary>
    public DateOnly BirthDate => _value is null
        ? default
        : new DateOnly(Digits(_value, 6, 4), Digits(_value, 10, 2), Digits(_value, 12, 2));

    /// <summary>The 3-digit sequence code (顺序码).</summary>
    public string SequenceCode => _value is null ? "" : _value[14..17];

    /// <summary>Gender from the parity of the 17th character: odd is male, even is female.</summary>
    public Gender Gender => _value is null ? Gender.Unknown : (_value[16] - '0') % 2 == 1 ? Gender.Male : Gender.Female;

    /// <summary>The check character (0-9 or X).</summary>
    public char CheckCharacter => _value is null ? '\0' : _value[17];

    /// <summary>Parses without a future-date check (no clock available); see the type remarks.</summary>
    public static Result<IdNumber> Parse(string? input) => ParseCore(input, null);

    /// <summary>Parses and rejects a birth date after <paramref name="today"/>.</summary>
    public static Result<IdNumber> Parse(string? input, DateOnly today) => ParseCore(input, today);

    /// <summary>
    /// Parses and rejects a birth date after today's date in China Standard Time (UTC+8, no daylight saving) according
    /// to <paramref name="timeProvider"/>, whatever the server's own time zone.
    /// </summary>
    public static Result<IdNumber> Parse(string? input, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        var chinaNow = timeProvider.GetUtcNow().ToOffset(ChinaStandardTime);
        return ParseCore(input, DateOnly.FromDateTime(chinaNow.DateTime));
    }

    /// <summary>True and the value when <paramref name="input"/> parses (no future-date check).</summary>
    public static bool TryParse(string? input, out IdNumber value)
    {
        var result = ParseCore(input, null);
        value = result.IsSuccess ? result.Value : default;
        return result.IsSuccess;
    }

    /// <summary>True and the value when <paramref name="input"/> parses with a birth date not after <paramref name="today"/>.</summary>
    public static bool TryParse(string? input, DateOnly today, out IdNumber value)
    {
        var result = ParseCore(input, today);
        value = result.IsSuccess ? result.Value : default;
        return result.IsSuccess;
    }

    /// <summary>
    /// The ISO 7064 MOD 11-2 check character for the first 17 digits: Σ(digit·weight) mod 11 mapped through
    /// "10X98765432". Throws when <paramref name="first17"/> is not 17 ASCII digits.
    /// </summary>
    public static char ComputeCheckCharacter(ReadOnlySpan<char> first17)
    {
        if (first17.Length != 17 || !RegionCodeRules.AllAsciiDigits(first17))
            throw new ArgumentException("Expected 17 ASCII digits.", nameof(first17));
        var sum = 0;
        for (var i = 0; i < 17; i++) sum += (first17[i] - '0') * Weights[i];
        return CheckCharacters[sum % 11];
    }

    /// <summary>Age in whole years on <paramref name="date"/> (a person born on 29 February ages on 1 March in common years).</summary>
    public int AgeOn(DateOnly date)
    {
        var birth = BirthDate;
        var age = date.Year - birth.Year;
        if (date.Month < birth.Month || (date.Month == birth.Month && date.Day < birth.Day)) age--;
        return age;
    }

    /// <summary>Display form keeping the first 4 and last 4 characters: <c>3701**********1234</c>.</summary>
    public string Masked() => _value is null ? "" : string.Concat(_value.AsSpan(0, 4), new string('*', 10), _value.AsSpan(14, 4));

    /// <summary>The canonical 18-character form (upper-case X); empty for <c>default</c>.</summary>
    public override string ToString() => _value ?? "";

    public bool Equals(IdNumber other) => string.Equals(_value, other._value, StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is IdNumber other && Equals(other);

    public override int GetHashCode() => _value is null ? 0 : StringComparer.Ordinal.GetHashCode(_value);

    public static bool operator ==(IdNumber left, IdNumber right) => left.Equals(right);

    public static bool operator !=(IdNumber left, IdNumber right) => !left.Equals(right);

    private static Result<IdNumber> ParseCore(string? input, DateOnly? today)
    {
        var s = RegionCodeRules.Normalise(input, upperCase: true);
        if (s is null) return Errors.Required;
        if (s.Length is not (Length or LegacyLength)) return Errors.WrongLength(s.Length);

        var legacy = s.Length == LegacyLength;
        var digitsPart = legacy ? s.AsSpan() : s.AsSpan(0, 17);
        if (!RegionCodeRules.AllAsciiDigits(digitsPart) || (!legacy && !(char.IsAsciiDigit(s[17]) || s[17] == 'X')))
            return Errors.Characters(legacy);

        if (!IsAcceptedRegion(s.AsSpan(0, 6))) return Errors.Region(s[..6]);

        var full = legacy ? string.Concat(s.AsSpan(0, 6), "19", s.AsSpan(6, 9)) : s[..17];
        var dateError = CheckBirthDate(full.AsSpan(6, 8), today);
        if (dateError is not null) return dateError;

        var expected = ComputeCheckCharacter(full);
        if (legacy) return new IdNumber(full + expected, upgraded: true);
        if (s[17] != expected) return Errors.CheckDigit(expected, s[17]);
        return new IdNumber(s, upgraded: false);
    }

    private static bool IsAcceptedRegion(ReadOnlySpan<char> region) =>
        RegionCodeRules.IsStructurallyValid(region) || region is "830000";

    private static Error? CheckBirthDate(ReadOnlySpan<char> yyyymmdd, DateOnly? today)
    {
        var text = yyyymmdd.ToString();
        if (!DateOnly.TryParseExact(text, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return Errors.BirthDateInvalid(text);
        if (date.Year < 1900) return Errors.BirthDateTooEarly(text);
        if (today is { } t && date > t) return Errors.BirthDateInFuture(text);
        return null;
    }

    private static int Digits(string s, int start, int count)
    {
        var n = 0;
        for (var i = start; i < start + count; i++) n = (n * 10) + (s[i] - '0');
        return n;
    }

    private static class Errors
    {
        public static readonly Error Required = new("id_number.required", "请填写公民身份号码。", "An ID number is required.");

        public static Error WrongLength(int length) => new("id_number.length",
            $"公民身份号码应为18位（或旧版15位），当前为{length}位。",
            $"An ID number has 18 characters (or 15 for the pre-1999 form); got {length}.");

        public static Error Characters(bool legacy) => legacy
            ? new("id_number.characters", "15位公民身份号码只能由数字组成。", "A 15-character ID number must contain digits only.")
            : new("id_number.characters", "公民身份号码前17位应为数字，最后一位应为数字或X。",
                "The first 17 characters of an ID number must be digits and the last a digit or X.");

        public static Error Region(string region) => new("id_number.region",
            $"公民身份号码的地址码“{region}”不是有效的行政区划代码。",
            $"The address code '{region}' of the ID number is not a valid administrative division code.");

        public static Error BirthDateInvalid(string date) => new("id_number.birth_date",
            $"公民身份号码中的出生日期“{date}”不是有效日期。",
            $"The birth date '{date}' in the ID number is not a calendar date.");

        public static Error BirthDateTooEarly(string date) => new("id_number.birth_date",
            $"公民身份号码中的出生日期“{date}”早于1900年。",
            $"The birth date '{date}' in the ID number is before 1900.");

        public static Error BirthDateInFuture(string date) => new("id_number.birth_date",
            $"公民身份号码中的出生日期“{date}”晚于今天。",
            $"The birth date '{date}' in the ID number is in the future.");

        public static Error CheckDigit(char expected, char actual) => new("id_number.check_digit",
            $"公民身份号码校验码错误：按前17位计算应为“{expected}”，实际为“{actual}”。请核对号码是否抄错。",
            $"ID number check character mismatch: the first 17 characters require '{expected}' but the number ends in '{actual}'. Check the number for typos.");
    }
}
