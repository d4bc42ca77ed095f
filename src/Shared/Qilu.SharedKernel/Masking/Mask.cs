using System.Globalization;
using System.Text;
using Qilu.SharedKernel.Identifiers;

namespace Qilu.SharedKernel.Masking;

/// <summary>
/// Masking of personal data for display, logs and exports (脱敏). Every method accepts any string, never throws, and
/// never returns more of the input than the masked form of a well-formed value would: malformed input is masked at
/// least as hard as valid input, and input too short to mask safely becomes all asterisks.
/// </summary>
public static class Mask
{
    private const char Star = '*';

    /// <summary>
    /// 公民身份号码: <c>3701**********1234</c> (first 4, last 4). A valid 15-digit number is masked in its 18-digit
    /// upgrade. Malformed input of 15 or more characters keeps 4 + 4 around asterisks; shorter input is all asterisks.
    /// </summary>
    public static string IdNumber(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return "";
        if (Identifiers.IdNumber.TryParse(value, out var id)) return id.Masked();
        var s = value.Trim();
        return s.Length >= 15 ? KeepEnds(s, 4, 4) : new string(Star, s.Length);
    }

    /// <summary>
    /// Phone numbers: mobiles <c>138****5678</c>, landlines <c>0531-****6666</c>. Malformed input of 8 or more
    /// characters keeps only its last 4; shorter input is all asterisks.
    /// </summary>
    public static string Phone(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return "";
        if (PhoneNumber.TryParse(value, out var phone)) return phone.Masked();
        var s = value.Trim();
        return s.Length >= 8 ? KeepEnds(s, 0, 4) : new string(Star, s.Length);
    }

    /// <summary>
    /// Personal names: keep the first character, one asterisk per further character (张三 → 张*, 欧阳修 → 欧**,
    /// 买买提·艾力 → 买*****). Characters are user-perceived characters, so names with rare CJK characters outside the
    /// BMP (𠮷) are not split. A one-character name becomes <c>*</c>.
    /// </summary>
    public static string Name(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return "";
        var s = value.Trim();
        var enumerator = StringInfo.GetTextElementEnumerator(s);
        var builder = new StringBuilder(s.Length);
        var count = 0;
        while (enumerator.MoveNext())
        {
            builder.Append(count == 0 ? enumerator.GetTextElement() : Star.ToString());
            count++;
        }
        return count == 1 ? Star.ToString() : builder.ToString();
    }

    /// <summary>
    /// E-mail addresses: the first character of the local part, three asterisks (hiding the length), and the domain:
    /// <c>z***@example.com</c>. A one-character local part gives <c>***@example.com</c>. Input without exactly one
    /// '@' between a local part and a domain becomes <c>***</c>.
    /// </summary>
    public static string Email(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return "";
        var s = value.Trim();
        var at = s.IndexOf('@', StringComparison.Ordinal);
        if (at <= 0 || at != s.LastIndexOf('@') || at == s.Length - 1) return "***";
        var local = s[..at];
        var first = StringInfo.GetNextTextElementLength(local);
        var shown = first < local.Length ? local[..first] : "";
        return shown + "***" + s[at..];
    }

    /// <summary>
    /// 统一社会信用代码: <c>923701********123X</c> (first 6, last 4), for 个体工商户 in logs. Malformed input of 18 or
    /// more characters keeps 6 + 4; shorter input is all asterisks.
    /// </summary>
    public static string CreditCode(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return "";
        if (Identifiers.CreditCode.TryParse(value, out var code)) return code.Masked();
        var s = value.Trim();
        return s.Length >= 18 ? KeepEnds(s, 6, 4) : new string(Star, s.Length);
    }

    private static string KeepEnds(string s, int head, int tail) =>
        string.Concat(s.AsSpan(0, head), new string(Star, s.Length - head - tail), s.AsSpan(s.Length - tail));
}
