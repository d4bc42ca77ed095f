using System.Text.RegularExpressions;

namespace Qilu.Host.Operations;

/// <summary>
/// Masks resident identity numbers and mainland mobile numbers in free text before it leaves the process (logs).
/// The Personal Information Protection Law treats both as sensitive; logs are copied to places with wider access
/// than the database, so the safeguard runs on every message whatever the caller remembered to do.
/// </summary>
internal static partial class PersonalDataMasker
{
    private const int ShortestMaskable = 11;

    /// <summary>Returns <paramref name="text"/> with every ID number and mobile number masked.</summary>
    public static string Mask(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!HasDigitRun(text)) return text;
        var masked = IdNumber().Replace(text, static m => $"{m.Groups["head"].Value}**********{m.Groups["tail"].Value}");
        return Mobile().Replace(masked, static m => $"{m.Groups["head"].Value}****{m.Groups["tail"].Value}");
    }

    /// <summary>
    /// Cheap pre-check: both shapes contain at least 11 digits (a mobile may be split by one space or dash per group),
    /// so text with fewer digits in total skips the regular expressions.
    /// </summary>
    private static bool HasDigitRun(string text)
    {
        var digits = 0;
        foreach (var c in text)
        {
            if (char.IsAsciiDigit(c) && ++digits >= ShortestMaskable) return true;
        }
        return false;
    }

    // GB 11643-1999 shape: 6-digit division code (no leading 0), birth date yyyyMMdd (1800–2099, month 01–12,
    // day 01–31), 3-digit sequence and the ISO 7064 MOD 11-2 check character (0-9 or X). The checksum is not
    // verified on purpose: a mistyped number is still personal data. Keeps the first 4 and the last 4 characters.
    [GeneratedRegex(@"(?<!\d)(?<head>[1-9]\d{3})\d{2}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])(?<tail>\d{3}[0-9Xx])(?![0-9Xx])", RegexOptions.CultureInvariant)]
    private static partial Regex IdNumber();

    // Mainland mobile numbers: 1[3-9] and 9 more digits, optionally with +86/0086 and grouped 3-4-4 by a space or
    // dash. Keeps the prefix, the first 3 and the last 4 digits (138****5678), as GB/T 35273 masking examples do.
    [GeneratedRegex(@"(?<!\d)(?<head>(?:(?:\+|00)86[ -]?)?1[3-9]\d)[ -]?\d{4}[ -]?(?<tail>\d{4})(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex Mobile();
}
