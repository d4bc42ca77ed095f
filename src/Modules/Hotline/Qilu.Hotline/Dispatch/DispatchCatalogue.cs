using Microsoft.Extensions.Options;
using Qilu.Hotline.Categories;
using Qilu.Identity.Contracts;

namespace Qilu.Hotline.Dispatch;

/// <summary>
/// 派单目录: category × division → 主办 and 协办 units. Configured lines (<c>Qilu:Hotline:DispatchRules</c>, plus the
/// defaults below) are tried most specific first; failing any, the category's own unit kind from the taxonomy. Units
/// are found through Identity's directory: the unit of that kind at the ticket's division or its nearest ancestor.
/// </summary>
internal sealed class DispatchCatalogue(CategoryCatalog categories, IOrganisationDirectory directory, IOptions<DispatchCatalogueOptions> options)
{
    /// <summary>The proposal with the reason it was chosen.</summary>
    public sealed record Proposal(UnitInfo? Lead, IReadOnlyList<UnitInfo> CoUnits, string Explanation);

    public async Task<Proposal> ProposeAsync(string categoryCode, string divisionCode, CancellationToken ct)
    {
        var rule = options.Value.Rules.Concat(DispatchCatalogueOptions.Defaults)
            .Where(r => categoryCode.StartsWith(r.Category, StringComparison.Ordinal) && divisionCode.StartsWith(r.Division, StringComparison.Ordinal))
            .OrderByDescending(r => r.Category.Length).ThenByDescending(r => r.Division.Length).FirstOrDefault();
        string leadKind;
        string[] coKinds;
        string why;
        if (rule is not null)
        {
            leadKind = rule.Lead;
            coKinds = rule.CoUnits;
            why = $"派单目录：类别{(rule.Category.Length == 0 ? "（任意）" : rule.Category)}、区划{(rule.Division.Length == 0 ? "（任意）" : rule.Division)} → 主办{leadKind}"
                + (coKinds.Length > 0 ? $"，协办{string.Join("、", coKinds)}" : "");
        }
        else if (categories.Find(categoryCode)?.UnitKind is { } kind)
        {
            leadKind = kind;
            coKinds = [];
            why = $"分类“{categories.PathName(categoryCode)}”的主管部门类型 {kind}";
        }
        else
        {
            return new Proposal(null, [], "派单目录中没有该类别的承办部门，请人工指定");
        }
        var lead = await directory.FindResponsibleUnitAsync(leadKind, divisionCode, ct);
        var co = new List<UnitInfo>();
        foreach (var k in coKinds)
        {
            if (await directory.FindResponsibleUnitAsync(k, divisionCode, ct) is { } u && u.Id != lead?.Id) co.Add(u);
        }
        return new Proposal(lead, co, lead is null ? why + "；但该区划及上级均无此类部门" : why + $"；区划 {divisionCode} 的承办单位：{lead.Name}");
    }
}

/// <summary>Configured lines of the dispatch catalogue.</summary>
internal sealed class DispatchCatalogueOptions
{
    public List<DispatchRule> Rules { get; set; } = [];

    /// <summary>Lines every deployment starts with: the joint-handling cases the taxonomy's single kind cannot express.</summary>
    public static readonly IReadOnlyList<DispatchRule> Defaults =
    [
        // 占道经营 is enforced by 城管 but licensing of the stalls is 市场监管's.
        new() { Category = "010101", Lead = "urban_management", CoUnits = ["market"] },
        // 施工噪音 at night: 城管 enforces, 生态环境 measures.
        new() { Category = "010201", Lead = "urban_management", CoUnits = ["ecology"] },
        // 拖欠工资 on building sites: 人社 leads, 住建 holds the wage deposit of the contractor.
        new() { Category = "040101", Lead = "hrss", CoUnits = ["housing"] },
        // 食品安全 in school canteens is joint with 教育.
        new() { Category = "050201", Lead = "market", CoUnits = ["education"] },
    ];
}
