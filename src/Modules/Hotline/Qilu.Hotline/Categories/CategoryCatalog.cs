using Qilu.Hotline.Classification;

namespace Qilu.Hotline.Categories;

/// <summary>
/// The taxonomy as the ticket work reads it (leaves, paths, Open311 groups), over the shipped <see cref="IHotlineTaxonomy"/>.
/// </summary>
internal sealed class CategoryCatalog
{
    private readonly IReadOnlyList<HotlineCategory> _all;
    private readonly Dictionary<string, HotlineCategory> _byCode;

    public CategoryCatalog(IHotlineTaxonomy taxonomy)
    {
        _all = taxonomy.All;
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
}
