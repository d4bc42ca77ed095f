using Qilu.Catalog.Contracts;
using Qilu.SharedKernel.Results;

namespace Qilu.Catalog.Grading;

/// <summary>One field as the grading rules see it: its position, name and grade.</summary>
internal sealed record GradedField(int Index, string Name, DataGrade Grade);

/// <summary>
/// The outcome of grading an entry: the grade (就高从严 over fields, declared grade and impact floor) and what drove
/// it, so that a refusal can name the field responsible.
/// </summary>
/// <param name="Grade">The entry grade.</param>
/// <param name="DriverField">The request field that set the grade (<c>items[2].grade</c>, <c>declaredGrade</c>, <c>grading.impactDegree</c>).</param>
/// <param name="DriverLabel">Human label of the driver (信息项“公民身份号码”).</param>
internal sealed record GradingOutcome(DataGrade Grade, string DriverField, string DriverLabel);

/// <summary>
/// Grading rules after GB/T 43697-2024 and the platform policy (<see cref="GradePolicy"/>): combination by maximum
/// (就高从严), and the publication check that an entry's grade permits its share type and open attribute.
/// </summary>
internal static class GradingRules
{
    /// <summary>The entry grade and its driver. Ties go to the first field, then declared grade, then impact.</summary>
    public static GradingOutcome Grade(IReadOnlyList<GradedField> fields, DataGrade? declared, GradingFactors factors)
    {
        ArgumentNullException.ThrowIfNull(fields);
        ArgumentNullException.ThrowIfNull(factors);
        var outcome = new GradingOutcome(DataGrade.L1, "items", "默认 L1");
        foreach (var f in fields)
        {
            if (f.Grade > outcome.Grade) outcome = new(f.Grade, $"items[{f.Index}].grade", $"信息项“{f.Name}”");
        }
        if (declared is { } d && d > outcome.Grade) outcome = new(d, "declaredGrade", "目录整体定级");
        if (GradingVocabulary.Floor(factors.ImpactObject, factors.ImpactDegree) is { } floor && floor > outcome.Grade)
            outcome = new(floor, "grading.impactDegree", $"影响分析（{factors.ImpactObject}·{factors.ImpactDegree}）");
        return outcome;
    }

    /// <summary>
    /// Errors when the grade forbids the share type or the open attribute; each names the field that drove the grade
    /// and quotes the rule. Empty when the entry may be published.
    /// </summary>
    public static IReadOnlyList<Error> PublicationErrors(GradingOutcome outcome, ShareType share, OpenType open)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var rule = GradePolicy.For(outcome.Grade);
        var errors = new List<Error>();
        if (!rule.AllowedShareTypes.Contains(share))
            errors.Add(new Error("grading.share_type_forbidden",
                $"{outcome.DriverLabel}定级为{GradePolicy.Label(outcome.Grade)}，不允许“{GradePolicy.ShareLabel(share)}”。规则：{rule.RuleZh}",
                $"{outcome.DriverLabel} is graded {outcome.Grade}, which forbids share type {share}. Rule: {rule.RuleEn}",
                outcome.DriverField));
        if (!rule.AllowedOpenTypes.Contains(open))
            errors.Add(new Error("grading.open_type_forbidden",
                $"{outcome.DriverLabel}定级为{GradePolicy.Label(outcome.Grade)}，不允许“{GradePolicy.OpenLabel(open)}”。规则：{rule.RuleZh}",
                $"{outcome.DriverLabel} is graded {outcome.Grade}, which forbids open attribute {open}. Rule: {rule.RuleEn}",
                outcome.DriverField));
        return errors;
    }

    /// <summary>A field may be graded above its element's default, never below (the element's grade is a floor).</summary>
    public static Error? BelowElementFloor(int index, string itemName, DataGrade itemGrade, string elementName, DataGrade elementGrade) =>
        itemGrade >= elementGrade ? null : new Error("grading.below_element",
            $"信息项“{itemName}”定级{itemGrade}低于数据元“{elementName}”的最低定级{elementGrade}",
            $"Field '{itemName}' is graded {itemGrade}, below the minimum {elementGrade} of element '{elementName}'",
            $"items[{index}].grade");
}
