using Microsoft.Extensions.DependencyInjection;
using Qilu.Hotline.Classification;

namespace Qilu.Hotline.Categories;

/// <summary>
/// The taxonomy as the ticket work reads it: the classifier work's <see cref="IHotlineTaxonomy"/> when it is registered,
/// otherwise the shipped <c>taxonomy.csv</c> read here (a private loader, so tickets work before the two are merged).
/// </summary>
internal sealed class CategoryCatalog
{
    private readonly IReadOnlyList<HotlineCategory> _all;
    private readonly Dictionary<string, HotlineCategory> _byCode;

    public CategoryCatalog(IServiceProvider services)
    {
        _all = services.GetService<IHotlineTaxonomy>()?.All ?? ReadEmbedded();
        _byCode = _all.ToDictionary(c => c.Code, StringComparer.Ordinal);
    }

    public IReadOnlyList<HotlineCategory> All => _all;

    /// <summary>Level-3 categories, the ones tickets are filed under.</summary>
    public IEnumerable<HotlineCategory> Leaves => _all.Where(c => c.Level == 3);

    public HotlineCategory? Find(string? code) => code is not null && _byCode.TryGetValue(code, out var c) ? c : null;

    /// <summary>城乡建设 › 市容环境 › 占道经营 style path.</summary>
    public string PathName(string code)
    {
        var names = new List<string>();
        for (var c = Find(code); c is not null; c = Find(c.ParentCode)) names.Insert(0, c.Name);
        return string.Join(" › ", names);
    }

    /// <summary>The level-1 ancestor's name (Open311 <c>group</c>).</summary>
    public string GroupOf(string code)
    {
        var c = Find(code);
        while (c?.ParentCode is { } p) c = Find(p);
        return c?.Name ?? "";
    }

    private static List<HotlineCategory> ReadEmbedded()
    {
        var assembly = typeof(CategoryCatalog).Assembly;
        var name = assembly.GetManifestResourceNames().Single(n => n.EndsWith("taxonomy.csv", StringComparison.Ordinal));
        using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
        reader.ReadLine();
        var list = new List<HotlineCategory>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0) continue;
            var f = line.Split(',');
            list.Add(new HotlineCategory(f[0], int.Parse(f[1], System.Globalization.CultureInfo.InvariantCulture), f[2],
                f[3].Length == 0 ? null : f[3], f.Length > 4 && f[4].Length > 0 ? f[4] : null));
        }
        return [.. list.OrderBy(c => c.Code, StringComparer.Ordinal)];
    }
}
