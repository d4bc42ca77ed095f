namespace Qilu.Web.Components.Shared;

/// <summary>
/// Masking of personal data for display, in the customary Chinese shapes: ID numbers keep the first 6 (division)
/// and last 4 characters, mobile numbers the first 3 and last 4, names the first character.
/// </summary>
public static class PersonalDataMask
{
    /// <summary>身份证号: 370102********1234. Short or empty input is masked whole.</summary>
    public static string IdNumber(string? value) => Keep(value, 6, 4);

    /// <summary>手机号: 138****5678.</summary>
    public static string Phone(string? value) => Keep(value, 3, 4);

    /// <summary>姓名: 张*, 欧阳**; a one-character name becomes *.</summary>
    public static string Name(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        var chars = System.Globalization.StringInfo.ParseCombiningCharacters(value).Length;
        if (chars <= 1) return "*";
        var first = System.Globalization.StringInfo.GetNextTextElement(value, 0);
        return first + new string('*', chars - 1);
    }

    /// <summary>Keeps <paramref name="head"/> leading and <paramref name="tail"/> trailing characters and stars the rest.</summary>
    public static string Keep(string? value, int head, int tail)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(head);
        ArgumentOutOfRangeException.ThrowIfNegative(tail);
        if (string.IsNullOrEmpty(value)) return "";
        // Too short to hide anything while keeping both ends: hide all of it rather than leak it.
        if (value.Length <= head + tail) return new string('*', value.Length);
        return string.Concat(value.AsSpan(0, head), new string('*', value.Length - head - tail), value.AsSpan(value.Length - tail));
    }
}
