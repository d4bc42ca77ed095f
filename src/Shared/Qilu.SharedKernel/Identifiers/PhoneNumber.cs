using Qilu.SharedKernel.Results;

namespace Qilu.SharedKernel.Identifiers;

/// <summary>Kind of a Chinese phone number.</summary>
public enum PhoneNumberKind
{
    /// <summary>移动电话: 11 digits 1[3-9]xxxxxxxxx.</summary>
    Mobile = 1,
    /// <summary>固定电话: area code (010, 02x, or 0xxx) and a 7- or 8-digit local number.</summary>
    Landline = 2,
}

/// <summary>
/// A mainland-China phone number: a mobile number (<c>13812345678</c>) or a landline with its area code
/// (<c>0531-88886666</c>).
/// </summary>
/// <remarks>
/// <para>Parsing trims, folds full-width characters and ignores the separators space, '-', '(' and ')'. A leading
/// +86 / 0086 / 86 country code is accepted; for landlines written internationally (+86 531 88886666) the trunk 0
/// is restored.</para>
/// <para>Area codes are split by the national numbering plan: 010 and 020-029 have 3 digits, all others 4
/// (0531, 0532). The local number has 7 or 8 digits and starts with 2-9. Short service numbers (12345, 110),
/// 400/800 numbers and extensions are not accepted.</para>
/// </remarks>
public readonly struct PhoneNumber : IEquatable<PhoneNumber>
{
    private readonly string? _value;
    private readonly int _areaLength;

    private PhoneNumber(string value, PhoneNumberKind kind, int areaLength)
    {
        _value = value;
        Kind = kind;
        _areaLength = areaLength;
    }

    /// <summary>Mobile or landline.</summary>
    public PhoneNumberKind Kind { get; }

    /// <summary>Landline area code with its leading 0 (0531); null for mobiles.</summary>
    public string? AreaCode => Kind == PhoneNumberKind.Landline ? _value![.._areaLength] : null;

    /// <summary>The subscriber number: the 11 mobile digits, or the landline's local number without area code.</summary>
    public string SubscriberNumber => _value is null ? "" : Kind == PhoneNumberKind.Landline ? _value[(_areaLength + 1)..] : _value;

    /// <summary>Parses a mobile or landline number; see the type remarks.</summary>
    public static Result<PhoneNumber> Parse(string? input)
    {
        var s = RegionCodeRules.Normalise(input, upperCase: false);
        if (s is null) return Errors.Required;

        Span<char> buffer = stackalloc char[Math.Min(s.Length, 64)];
        var n = 0;
        var plus = false;
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (c is ' ' or '-' or '(' or ')') continue;
            if (c == '+' && n == 0 && !plus) { plus = true; continue; }
            if (!char.IsAsciiDigit(c)) return Errors.Characters(c);
            if (n == buffer.Length) return Errors.Format;
            buffer[n++] = c;
        }
        ReadOnlySpan<char> digits = buffer[..n];

        var international = false;
        if (plus || digits.StartsWith("0086"))
        {
            if (digits.StartsWith("0086")) digits = digits[4..];
            else if (digits.StartsWith("86")) digits = digits[2..];
            else return Errors.Format;
            international = true;
        }
        else if (digits.Length == 13 && digits.StartsWith("861"))
        {
            digits = digits[2..];
            international = true;
        }

        if (digits.IsEmpty) return Errors.Format;
        if (digits[0] == '1') return ParseMobile(digits);

        // Written internationally the trunk 0 is dropped (+86 531 …); "+86 (0)531 …" keeps it.
        if (digits[0] == '0') return ParseLandline(digits.ToString());
        return international ? ParseLandline("0" + digits.ToString()) : Errors.Format;
    }

    /// <summary>True and the value when <paramref name="input"/> parses.</summary>
    public static bool TryParse(string? input, out PhoneNumber value)
    {
        var result = Parse(input);
        value = result.IsSuccess ? result.Value : default;
        return result.IsSuccess;
    }

    /// <summary>
    /// Display form: mobiles keep the first 3 and last 4 digits (<c>138****5678</c>); landlines keep the area code and
    /// the last 4 digits (<c>0531-****6666</c>, 7-digit locals <c>0531-***6666</c>).
    /// </summary>
    public string Masked()
    {
        if (_value is null) return "";
        if (Kind == PhoneNumberKind.Mobile) return string.Concat(_value.AsSpan(0, 3), "****", _value.AsSpan(7, 4));
        var local = SubscriberNumber;
        return string.Concat(_value.AsSpan(0, _areaLength + 1), new string('*', local.Length - 4), local.AsSpan(local.Length - 4));
    }

    /// <summary>Canonical form: 11 digits for mobiles, <c>area-local</c> for landlines; empty for <c>default</c>.</summary>
    public override string ToString() => _value ?? "";

    public bool Equals(PhoneNumber other) => string.Equals(_value, other._value, StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is PhoneNumber other && Equals(other);

    public override int GetHashCode() => _value is null ? 0 : StringComparer.Ordinal.GetHashCode(_value);

    public static bool operator ==(PhoneNumber left, PhoneNumber right) => left.Equals(right);

    public static bool operator !=(PhoneNumber left, PhoneNumber right) => !left.Equals(right);

    private static Result<PhoneNumber> ParseMobile(ReadOnlySpan<char> digits)
    {
        if (digits.Length != 11 || digits[1] is < '3' or > '9') return Errors.Mobile;
        return new PhoneNumber(digits.ToString(), PhoneNumberKind.Mobile, 0);
    }

    private static Result<PhoneNumber> ParseLandline(string digits)
    {
        // Numbering plan: 010 (Beijing) and 020-029 are the only 3-digit area codes; the others are 03xx-09xx.
        // 00 is the international prefix and 01x other than 010 is unassigned.
        if (digits.Length < 4 || digits[1] == '0' || (digits[1] == '1' && digits[2] != '0')) return Errors.Landline;
        var areaLength = digits[1] is '1' or '2' ? 3 : 4;
        var local = digits.AsSpan(areaLength);
        if (local.Length is not (7 or 8) || local[0] is '0' or '1') return Errors.Landline;
        return new PhoneNumber(string.Concat(digits.AsSpan(0, areaLength), "-", local), PhoneNumberKind.Landline, areaLength);
    }

    private static class Errors
    {
        public static readonly Error Required = new("phone_number.required", "请填写电话号码。", "A phone number is required.");

        public static readonly Error Format = new("phone_number.format",
            "电话号码格式不正确：请填写11位手机号码，或带区号的固定电话（如0531-88886666）。",
            "Not a phone number: enter an 11-digit mobile number or a landline with its area code (e.g. 0531-88886666).");

        public static readonly Error Mobile = new("phone_number.mobile",
            "手机号码应为以13-19开头的11位数字。", "A mobile number has 11 digits and starts with 13-19.");

        public static readonly Error Landline = new("phone_number.landline",
            "固定电话应为区号（010、02X或4位区号）加7至8位号码，号码不以0或1开头。",
            "A landline is an area code (010, 02X or 4 digits) followed by a 7- or 8-digit number not starting with 0 or 1.");

        public static Error Characters(char c) => new("phone_number.characters",
            $"电话号码中含有不允许的字符“{c}”。", $"The phone number contains the character '{c}', which is not allowed.");
    }
}
