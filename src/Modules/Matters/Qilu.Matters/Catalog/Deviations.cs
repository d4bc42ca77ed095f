using Qilu.Matters.Contracts;

namespace Qilu.Matters.Catalog;

/// <summary>How an implementation's elements differ from the provincial standard (同标准无差别).</summary>
internal static class Deviations
{
    /// <summary>One deviating element.</summary>
    public sealed record Item(string Element, string ElementZh, string ElementEn, string Standard, string Local, string Summary);

    /// <summary>Non-local elements the implementation sets to something other than the standard's value.</summary>
    public static IReadOnlyList<Item> Between(MatterContent standard, MatterContent own)
    {
        var list = new List<Item>();
        foreach (var e in MatterElements.All.Where(e => !e.Local))
        {
            var mine = e.Get(own);
            if (mine is null) continue;
            var theirs = e.Get(standard);
            if (MatterElements.SameValue(mine, theirs)) continue;
            list.Add(new Item(e.Key, e.Zh, e.En, MatterElements.Describe(theirs), MatterElements.Describe(mine), Summarise(e.Key, theirs, mine)));
        }
        return list;
    }

    private static string Summarise(string key, object? standard, object local) => key switch
    {
        "materials" => MaterialsDiff((IReadOnlyList<MaterialDefinition>?)standard ?? [], (IReadOnlyList<MaterialDefinition>)local),
        "form" => FieldsDiff(((FormDefinition?)standard)?.Fields ?? [], ((FormDefinition)local).Fields),
        _ => $"{Short(MatterElements.Describe(standard))} → {Short(MatterElements.Describe(local))}",
    };

    private static string MaterialsDiff(IReadOnlyList<MaterialDefinition> s, IReadOnlyList<MaterialDefinition> l)
    {
        var parts = new List<string>();
        parts.AddRange(l.Where(m => s.All(x => x.Name != m.Name)).Select(m => "+" + m.Name));
        parts.AddRange(s.Where(m => l.All(x => x.Name != m.Name)).Select(m => "−" + m.Name));
        parts.AddRange(l.Where(m => s.Any(x => x.Name == m.Name && x != m)).Select(m => "~" + m.Name));
        return string.Join("；", parts);
    }

    private static string FieldsDiff(IReadOnlyList<FormFieldDefinition> s, IReadOnlyList<FormFieldDefinition> l)
    {
        var parts = new List<string>();
        parts.AddRange(l.Where(f => s.All(x => x.Key != f.Key)).Select(f => "+" + f.Label));
        parts.AddRange(s.Where(f => l.All(x => x.Key != f.Key)).Select(f => "−" + f.Label));
        parts.AddRange(l.Where(f => s.Any(x => x.Key == f.Key && MatterElements.Describe(x) != MatterElements.Describe(f))).Select(f => "~" + f.Label));
        return string.Join("；", parts);
    }

    private static string Short(string s) => s.Length <= 60 ? s : s[..57] + "…";
}
