using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Qilu.Catalog.Contracts;
using Qilu.Catalog.Data;
using Qilu.Catalog.Grading;
using Qilu.Platform.Http;

namespace Qilu.Catalog.Entries;

/// <summary>One information item as a client sends it; the grade defaults to the element's.</summary>
internal sealed record ItemInput(string? Name, string? ElementIdentifier, DataGrade? Grade, string? Remark);

/// <summary>Grading factors as a client sends them.</summary>
internal sealed record GradingInput(string[]? Factors, string? ImpactObject, string? ImpactDegree, string? Note);

/// <summary>The editable metadata of an entry version (create and update share it).</summary>
internal sealed record EntryInput(string? Name, CatalogCategory? Category, string? Theme, string? Abstract, ShareType? ShareType,
    string? ShareCondition, string? LegalBasis, ShareMethod[]? ShareMethods, OpenType? OpenType, ResourceFormat? Format,
    string? UpdateCycle, string? InformationSystem, DataGrade? DeclaredGrade, GradingInput? Grading, ItemInput[]? Items);

/// <summary>Validation of <see cref="EntryInput"/> and its application to a version (grade recomputed).</summary>
internal static class EntryInputRules
{
    public static readonly string[] UpdateCycles = ["实时", "每日", "每周", "每月", "每季度", "每半年", "每年", "不定期"];

    /// <summary>基础 classes and 主题 themes of the national catalog (政务信息资源目录编制指南).</summary>
    public static readonly string[] Themes =
    [
        "人口", "法人单位", "自然资源和空间地理", "社会信用", "电子证照",
        "公共服务", "健康保障", "社会保障", "食品药品安全", "安全生产", "价格监管", "能源安全", "信用体系", "城乡建设", "社区治理", "生态环保", "应急维稳",
    ];

    /// <summary>Validates shape and binding (elements exist, grades not below element floors) and writes it into <paramref name="version"/>.</summary>
    public static async Task<Validation> ApplyAsync(EntryInput input, EntryVersion version, CatalogDbContext db, CancellationToken ct)
    {
        var v = new Validation()
            .Required("name", input.Name, "目录名称").MaxLength("name", input.Name, 200, "目录名称")
            .Required("abstract", input.Abstract, "摘要").MaxLength("abstract", input.Abstract, 2000, "摘要")
            .Rule(input.Category is not null, "category", "required", "资源分类不能为空", "category is required")
            .Rule(input.ShareType is not null, "shareType", "required", "共享类型不能为空", "shareType is required")
            .Rule(input.OpenType is not null, "openType", "required", "开放属性不能为空", "openType is required")
            .Rule(input.Format is not null, "format", "required", "资源格式不能为空", "format is required")
            .Rule(input.UpdateCycle is not null && UpdateCycles.Contains(input.UpdateCycle), "updateCycle", "update_cycle.unknown",
                $"更新周期须为：{string.Join("、", UpdateCycles)}", $"updateCycle must be one of {string.Join(", ", UpdateCycles)}")
            .Rule(input.Theme is null || Themes.Contains(input.Theme), "theme", "theme.unknown",
                $"主题须为：{string.Join("、", Themes)}", "theme is not in the catalog's theme list")
            .Rule(input.Category != CatalogCategory.Theme || !string.IsNullOrWhiteSpace(input.Theme), "theme", "theme.required",
                "主题类目录须选择主题", "A theme entry needs a theme")
            .Rule(input.ShareMethods is { Length: > 0 } || input.ShareType == ShareType.NotShared, "shareMethods", "required",
                "共享方式不能为空", "shareMethods is required unless the entry is not shared")
            .MaxLength("shareCondition", input.ShareCondition, 1000, "共享条件").MaxLength("legalBasis", input.LegalBasis, 1000, "依据")
            .MaxLength("informationSystem", input.InformationSystem, 200, "关联信息系统");
        // 国发〔2016〕51号: 有条件共享 and 不予共享 must cite a law, regulation or central policy.
        if (input.ShareType is Contracts.ShareType.Conditional or Contracts.ShareType.NotShared)
            v.Rule(!string.IsNullOrWhiteSpace(input.LegalBasis), "legalBasis", "legal_basis.required",
                "有条件共享或不予共享须注明法律、行政法规或党中央、国务院政策依据", "Conditional or no sharing requires a cited legal basis");
        if (input.ShareType == Contracts.ShareType.Conditional)
            v.Rule(!string.IsNullOrWhiteSpace(input.ShareCondition), "shareCondition", "share_condition.required",
                "有条件共享须写明共享条件", "Conditional sharing requires the conditions");
        var grading = input.Grading ?? new GradingInput([], null, null, null);
        foreach (var f in grading.Factors ?? [])
            v.Rule(GradingVocabulary.Factors.Contains(f), "grading.factors", "grading.factor_unknown", $"定级要素“{f}”不在 GB/T 43697 要素之列",
                $"'{f}' is not a GB/T 43697 grading factor");
        v.Rule(grading.ImpactObject is null || GradingVocabulary.ImpactObjects.Contains(grading.ImpactObject), "grading.impactObject",
            "grading.impact_object_unknown", "影响对象不在 GB/T 43697 列举之列", "Unknown impact object");
        v.Rule(grading.ImpactDegree is null || GradingVocabulary.ImpactDegrees.Contains(grading.ImpactDegree), "grading.impactDegree",
            "grading.impact_degree_unknown", "影响程度不在 GB/T 43697 列举之列", "Unknown impact degree");

        var items = input.Items ?? [];
        v.Rule(items.Length > 0, "items", "items.required", "至少需要一个信息项", "At least one information item is required");
        v.Rule(items.Length <= 300, "items", "items.too_many", "信息项不能超过300个", "At most 300 information items");
        var ids = items.Select(i => i.ElementIdentifier).Where(i => i is not null).Distinct().ToList();
        var elements = await db.Elements.AsNoTracking().Where(e => ids.Contains(e.Identifier)).ToDictionaryAsync(e => e.Identifier, ct);
        var graded = new List<InformationItem>();
        for (var i = 0; i < items.Length; i++)
        {
            var item = items[i];
            var name = item.Name?.Trim();
            v.Required($"items[{i}].name", name, "信息项名称").MaxLength($"items[{i}].name", name, 100, "信息项名称");
            if (item.ElementIdentifier is null || !elements.TryGetValue(item.ElementIdentifier, out var element) || element.Status != "active")
            {
                v.Add(new($"items.element_unknown", $"信息项须绑定已启用的数据元（“{item.ElementIdentifier}”不存在）",
                    $"Each item must be bound to an active data element ('{item.ElementIdentifier}' is unknown)", $"items[{i}].elementIdentifier"));
                continue;
            }
            var grade = item.Grade ?? element.DefaultGrade;
            if (GradingRules.BelowElementFloor(i, name ?? element.NameZh, grade, element.NameZh, element.DefaultGrade) is { } low) v.Add(low);
            graded.Add(new InformationItem { Seq = i, Name = name ?? element.NameZh, ElementIdentifier = element.Identifier, DataType = element.DataType, Grade = grade, Remark = item.Remark });
        }
        if (!v.IsValid) return v;

        var factors = new GradingFactors([.. grading.Factors ?? []], grading.ImpactObject, grading.ImpactDegree, grading.Note);
        version.Name = input.Name!.Trim();
        version.Category = input.Category!.Value;
        version.Theme = input.Theme;
        version.Abstract = input.Abstract!.Trim();
        version.ShareType = input.ShareType!.Value;
        version.ShareCondition = input.ShareCondition;
        version.LegalBasis = input.LegalBasis;
        version.ShareMethods = string.Join(',', (input.ShareMethods ?? []).Distinct().Order());
        version.OpenType = input.OpenType!.Value;
        version.Format = input.Format!.Value;
        version.UpdateCycle = input.UpdateCycle!;
        version.InformationSystem = input.InformationSystem;
        version.DeclaredGrade = input.DeclaredGrade;
        version.GradingFactorsJson = JsonSerializer.Serialize(factors);
        version.Items.Clear();
        version.Items.AddRange(graded);
        Regrade(version);
        return v;
    }

    public static GradingFactors FactorsOf(EntryVersion version) =>
        JsonSerializer.Deserialize<GradingFactors>(version.GradingFactorsJson) ?? GradingFactors.Empty;

    public static GradingOutcome Outcome(EntryVersion version) => GradingRules.Grade(
        [.. version.Items.OrderBy(i => i.Seq).Select(i => new GradedField(i.Seq, i.Name, i.Grade))], version.DeclaredGrade, FactorsOf(version));

    /// <summary>Recomputes the grade (就高从严) and the search text.</summary>
    public static void Regrade(EntryVersion version)
    {
        version.Grade = Outcome(version).Grade;
        version.SearchText = string.Join(' ', [version.Name, version.Abstract, version.Theme ?? "", version.ProviderName, .. version.Items.Select(i => i.Name)]);
    }
}
