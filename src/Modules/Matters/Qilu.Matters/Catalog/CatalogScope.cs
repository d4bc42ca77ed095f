using Qilu.SharedKernel.Actors;

namespace Qilu.Matters.Catalog;

/// <summary>
/// Who may change what: the provincial standard only by officials of the province itself; an implementation by
/// officials whose division subtree contains it (a county its own, a city its own and its counties'). Reads in the
/// admin console: standards by every official, implementations within the subtree.
/// </summary>
internal static class CatalogScope
{
    /// <summary>The province whose catalog this deployment holds.</summary>
    public const string Province = "370000";

    public static bool CanEdit(Actor actor, Matter m) =>
        m.IsStandard ? actor.DivisionCode == m.DivisionCode : actor.CanSeeDivision(m.DivisionCode);

    public static bool CanEditDivision(Actor actor, string divisionCode) => actor.CanSeeDivision(divisionCode);

    public static bool CanRead(Actor actor, Matter m) => m.IsStandard ? actor.DivisionCode is not null : actor.CanSeeDivision(m.DivisionCode);

    /// <summary>The division and its structural ancestors, nearest first (370102001 → 370102, 370100, 370000).</summary>
    public static IReadOnlyList<string> Ancestry(string code)
    {
        var list = new List<string>();
        if (code.Length == 9)
        {
            list.Add(code);
            code = code[..6];
        }
        if (code.Length != 6) return list;
        list.Add(code);
        if (code.EndsWith("0000", StringComparison.Ordinal)) return list;
        if (!code.EndsWith("00", StringComparison.Ordinal)) list.Add(code[..4] + "00");
        list.Add(code[..2] + "0000");
        return list;
    }
}
