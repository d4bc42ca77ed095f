using System.Globalization;

namespace Qilu.Web.Localization;

/// <summary>
/// Picks the Chinese or English variant of a UI text by the current UI culture: <c>L["保存", "Save"]</c>.
/// Two-language literals next to each other keep the translation reviewable in place; resource files are for
/// texts that administrators edit, which the shell has none of.
/// </summary>
public sealed class ShellText
{
    /// <summary>True when the current UI culture is English.</summary>
    public static bool IsEnglish => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    /// <summary>The current culture name the shell uses: <c>zh-CN</c> or <c>en-US</c>.</summary>
    public static string CultureName => IsEnglish ? ShellLocalization.EnglishCulture : ShellLocalization.DefaultCulture;

    /// <summary>Returns <paramref name="zh"/> or <paramref name="en"/> for the current UI culture.</summary>
    public string this[string zh, string en] => IsEnglish ? en : zh;

    /// <summary>Static form of the indexer, for code that has no instance at hand.</summary>
    public static string Pick(string zh, string en) => IsEnglish ? en : zh;
}
