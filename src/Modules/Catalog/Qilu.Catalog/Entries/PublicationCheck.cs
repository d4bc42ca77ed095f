using Qilu.Catalog.Grading;
using Qilu.SharedKernel.Results;

namespace Qilu.Catalog.Entries;

/// <summary>
/// What must hold before a version may go to review and be published: an impact analysis recorded (GB/T 43697 grades
/// by impact object × degree) and a grade that permits the share type and open attribute.
/// </summary>
internal static class PublicationCheck
{
    public static IReadOnlyList<Error> Errors(EntryVersion version)
    {
        var errors = new List<Error>();
        var factors = EntryInputRules.FactorsOf(version);
        if (factors.ImpactObject is null)
            errors.Add(new Error("grading.impact_object.required", "提交前须记录定级的影响对象（GB/T 43697）", "Record the impact object of the grading before submitting", "grading.impactObject"));
        if (factors.ImpactDegree is null)
            errors.Add(new Error("grading.impact_degree.required", "提交前须记录定级的影响程度（GB/T 43697）", "Record the impact degree of the grading before submitting", "grading.impactDegree"));
        errors.AddRange(GradingRules.PublicationErrors(EntryInputRules.Outcome(version), version.ShareType, version.OpenType));
        return errors;
    }
}
