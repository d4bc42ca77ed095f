using System.Globalization;

namespace Qilu.Hotline.Classification;

/// <summary>
/// The hotline category taxonomy shipped with the module (Data/taxonomy.csv): 12 level-1, 32 level-2 and 113 level-3
/// categories with 6-digit codes laid out as GB/T 39666-2020 does (2 digits per level: level 1 ends in 0000, level 2 in
/// 00). The categories are the project's own; the standard's text was not available to copy from.
/// </summary>
internal sealed class HotlineTaxonomy : IHotlineTaxonomy
{
    private static readonly Lazy<HotlineTaxonomy> EmbeddedInstance =
        new(() => Parse(EmbeddedData.ReadBytes("taxonomy.csv")), LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly Dictionary<string, HotlineCategory> byCode;
    private readonly Dictionary<string, List<HotlineCategory>> children;

    private HotlineTaxonomy(List<HotlineCategory> categories, string sha256)
    {
        All = categories;
        Sha256 = sha256;
        byCode = categories.ToDictionary(c => c.Code, StringComparer.Ordinal);
        children = categories.Where(c => c.ParentCode is not null)
            .GroupBy(c => c.ParentCode!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        Leaves = [.. categories.Where(c => c.Level == 3)];
    }

    /// <summary>The taxonomy embedded in the assembly (parsed once per process).</summary>
    public static HotlineTaxonomy Embedded => EmbeddedInstance.Value;

    /// <inheritdoc />
    public IReadOnlyList<HotlineCategory> All { get; }

    /// <summary>The level-3 categories, which tickets are classified and dispatched by, in code order.</summary>
    public IReadOnlyList<HotlineCategory> Leaves { get; }

    /// <summary>SHA-256 of the taxonomy file (lower-case hex), part of the classifier's model version.</summary>
    public string Sha256 { get; }

    /// <inheritdoc />
    public HotlineCategory? Find(string code) => code is not null && byCode.TryGetValue(code, out var c) ? c : null;

    /// <summary>The direct children of a category, in code order; empty for level 3 or unknown codes.</summary>
    public IReadOnlyList<HotlineCategory> ChildrenOf(string code) =>
        code is not null && children.TryGetValue(code, out var list) ? list : [];

    /// <inheritdoc />
    public IReadOnlyList<HotlineCategory> PathOf(string code)
    {
        var path = new List<HotlineCategory>(3);
        for (var current = Find(code); current is not null; current = current.ParentCode is null ? null : Find(current.ParentCode))
        {
            path.Insert(0, current);
        }

        return path;
    }

    /// <summary>The level-1 code of any code of the taxonomy's shape (first two digits + "0000").</summary>
    public static string Level1Of(string code) => code.Length == 6 ? string.Concat(code.AsSpan(0, 2), "0000") : code;

    internal static HotlineTaxonomy Parse(byte[] csv)
    {
        var categories = new List<HotlineCategory>();
        foreach (var row in EmbeddedData.ReadRows(csv))
        {
            if (row.Length != 5)
            {
                throw new FormatException($"taxonomy row '{string.Join(',', row)}' has {row.Length} fields, expected 5");
            }

            categories.Add(new HotlineCategory(
                row[0],
                int.Parse(row[1], CultureInfo.InvariantCulture),
                row[2],
                row[3].Length == 0 ? null : row[3],
                row[4].Length == 0 ? null : row[4]));
        }

        categories.Sort((a, b) => a.Level != b.Level ? a.Level.CompareTo(b.Level) : string.CompareOrdinal(a.Code, b.Code));
        return new HotlineTaxonomy(categories, EmbeddedData.Sha256Hex(csv));
    }
}
