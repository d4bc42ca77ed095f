namespace Qilu.SharedKernel.Actors;

/// <summary>
/// Division-subtree arithmetic on 行政区划代码. Province 370000 covers every code starting "37"; city 370100 covers
/// "3701"; county 370102 covers "370102"; town 370102001 (9 digits) covers itself and its villages.
/// </summary>
public static class DivisionScope
{
    /// <summary>The significant prefix of a division code: the code without its trailing all-zero levels.</summary>
    public static string PrefixOf(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        // Level boundaries: 2 (province), 4 (city), 6 (county), 9 (town), 12 (village).
        ReadOnlySpan<int> boundaries = [12, 9, 6, 4, 2];
        var significant = code;
        foreach (var b in boundaries)
        {
            if (significant.Length <= b) continue;
            var tail = significant.AsSpan(b);
            if (tail.IndexOfAnyExcept('0') >= 0) break;
            significant = significant[..b];
        }
        return significant;
    }

    /// <summary>The SQL LIKE pattern that selects the subtree of <paramref name="code"/>.</summary>
    public static string LikePattern(string code) => PrefixOf(code) + "%";
}
