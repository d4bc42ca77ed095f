namespace Qilu.SharedKernel.Identifiers;

/// <summary>
/// Structural rules of GB/T 2260 行政区划代码 shared by the identifier types. They check shape, not existence:
/// whether a code is currently in force lives in the Identity division registry, not here.
/// </summary>
internal static class RegionCodeRules
{
    // GB/T 2260 province-level codes (省、自治区、直辖市、特别行政区): 11-15, 21-23, 31-37, 41-46, 50-54, 61-65, 71, 81, 82.
    private static readonly bool[] Provinces = BuildProvinces();

    private static bool[] BuildProvinces()
    {
        var table = new bool[100];
        foreach (var (from, to) in new[] { (11, 15), (21, 23), (31, 37), (41, 46), (50, 54), (61, 65), (71, 71), (81, 82) })
        {
            for (var i = from; i <= to; i++) table[i] = true;
        }
        return table;
    }

    /// <summary>True when the two ASCII digits name a GB/T 2260 province-level division.</summary>
    public static bool IsProvince(ReadOnlySpan<char> twoDigits) =>
        twoDigits.Length == 2 && char.IsAsciiDigit(twoDigits[0]) && char.IsAsciiDigit(twoDigits[1])
        && Provinces[((twoDigits[0] - '0') * 10) + (twoDigits[1] - '0')];

    /// <summary>
    /// True when a 6-digit code is a structurally valid GB/T 2260 code: digits only, a province prefix, and no county
    /// part under an all-zero city part (37 00 01 is not a code; 37 00 00, 37 01 00 and 37 01 02 are).
    /// </summary>
    public static bool IsStructurallyValid(ReadOnlySpan<char> sixDigits)
    {
        if (sixDigits.Length != 6 || !AllAsciiDigits(sixDigits)) return false;
        if (!IsProvince(sixDigits[..2])) return false;
        return !(sixDigits[2..4] is "00" && sixDigits[4..6] is not "00");
    }

    public static bool AllAsciiDigits(ReadOnlySpan<char> s)
    {
        foreach (var c in s)
        {
            if (!char.IsAsciiDigit(c)) return false;
        }
        return true;
    }

    /// <summary>
    /// Trims and folds full-width ASCII forms (Ｕ+FF01..FF5E, what Chinese IMEs type: "３７０１…", "Ｘ") to ASCII,
    /// optionally upper-casing ASCII letters. Returns null for null or blank input.
    /// </summary>
    public static string? Normalise(string? input, bool upperCase)
    {
        if (string.IsNullOrWhiteSpace(input)) return null;
        var span = input.AsSpan().Trim();
        return string.Create(span.Length, (input, upperCase), static (dest, state) =>
        {
            var src = state.input.AsSpan().Trim();
            for (var i = 0; i < src.Length; i++)
            {
                var c = src[i];
                if (c is >= '\uFF01' and <= '\uFF5E') c = (char)(c - 0xFEE0);
                if (state.upperCase && c is >= 'a' and <= 'z') c = (char)(c - 32);
                dest[i] = c;
            }
        });
    }
}
