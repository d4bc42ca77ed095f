namespace Qilu.Hotline.Classification;

/// <summary>
/// Character n-gram keys of a text (n = 1..3) after normalisation. Chinese has no spaces, and a word segmenter's
/// dictionary would miss the hotline's vocabulary (网约车, 渣土车, 加梯); overlapping character 1–3-grams cover words of
/// any segmentation, at no dictionary cost. N-grams never span punctuation or spaces. Keys pack the n UTF-16 units
/// and n into a long, so extraction allocates nothing.
/// </summary>
internal static class TextFeatures
{
    /// <summary>Longest prefix of a text that is looked at: the Open311 description limit; longer texts are cut.</summary>
    public const int MaxChars = 4000;

    public const int MaxN = 3;

    /// <summary>Upper bound of keys a text of <paramref name="length"/> characters yields.</summary>
    public static int MaxKeys(int length) => Math.Min(length, MaxChars) * MaxN;

    /// <summary>Writes the n-gram keys of <paramref name="text"/> to <paramref name="keys"/>; returns how many.</summary>
    public static int Extract(ReadOnlySpan<char> text, Span<long> keys)
    {
        if (text.Length > MaxChars)
        {
            text = text[..MaxChars];
        }

        var count = 0;
        char a = '\0', b = '\0'; // the previous two normalised characters of the current run
        var run = 0;
        foreach (var raw in text)
        {
            var c = Normalise(raw);
            if (c == '\0')
            {
                run = 0;
                continue;
            }

            run++;
            keys[count++] = Key(1, c, '\0', '\0');
            if (run >= 2)
            {
                keys[count++] = Key(2, b, c, '\0');
            }

            if (run >= 3)
            {
                keys[count++] = Key(3, a, b, c);
            }

            a = b;
            b = c;
        }

        return count;
    }

    private static long Key(int n, char c1, char c2, char c3) => ((long)n << 48) | ((long)c1 << 32) | ((long)c2 << 16) | c3;

    /// <summary>Folds full-width forms and case, maps every digit to '0', and turns anything that is not a letter or
    /// digit into a break ('\0'). Digits are folded because house numbers and phone numbers say nothing about the
    /// category, while their presence (e.g. "3号楼") still does a little.</summary>
    internal static char Normalise(char c)
    {
        if (c is >= '\uFF01' and <= '\uFF5E')
        {
            c = (char)(c - 0xFEE0);
        }

        if (c is >= '0' and <= '9')
        {
            return '0';
        }

        if (c is >= 'A' and <= 'Z')
        {
            return (char)(c + 32);
        }

        return char.IsLetter(c) || char.IsDigit(c) ? c : '\0';
    }
}
