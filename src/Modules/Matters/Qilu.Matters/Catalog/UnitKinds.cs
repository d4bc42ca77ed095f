namespace Qilu.Matters.Catalog;

/// <summary>Department kinds of the Identity directory that routing may name (the demo province has each at every level).</summary>
internal static class UnitKinds
{
    public static IReadOnlyList<(string Kind, string Zh)> All { get; } =
    [
        ("bigdata", "大数据局"), ("public_security", "公安"), ("market", "市场监管"), ("hrss", "人力资源社会保障"),
        ("health", "卫生健康"), ("medical_insurance", "医疗保障"), ("civil_affairs", "民政"), ("tax", "税务"),
        ("natural_resources", "自然资源"), ("ecology", "生态环境"), ("housing", "住房城乡建设"),
    ];

    public static bool IsKnown(string? kind) => All.Any(k => k.Kind == kind);

    public static string Zh(string? kind) => All.FirstOrDefault(k => k.Kind == kind).Zh ?? kind ?? "";
}
