using Qilu.Catalog.Contracts;

namespace Qilu.Catalog.Grading;

/// <summary>
/// The recorded basis of a grade (GB/T 43697-2024 §5–6): which grading factors were considered, the object the harm
/// would fall on and how bad it would be. Stored with the entry version so a reviewer sees why, not just what.
/// </summary>
/// <param name="Factors">Considered factors, from <see cref="GradingVocabulary.Factors"/> (领域、群体、区域、精度、规模、深度、覆盖度、重要性).</param>
/// <param name="ImpactObject">影响对象, from <see cref="GradingVocabulary.ImpactObjects"/>.</param>
/// <param name="ImpactDegree">影响程度, from <see cref="GradingVocabulary.ImpactDegrees"/>.</param>
/// <param name="Note">Free-text reasoning.</param>
internal sealed record GradingFactors(string[] Factors, string? ImpactObject, string? ImpactDegree, string? Note)
{
    public static GradingFactors Empty { get; } = new([], null, null, null);
}

/// <summary>The closed vocabularies of grading and the impact floor: the least grade an impact analysis implies.</summary>
internal static class GradingVocabulary
{
    public static readonly string[] Factors = ["领域", "群体", "区域", "精度", "规模", "深度", "覆盖度", "重要性"];

    public static readonly string[] ImpactObjects = ["国家安全", "经济运行", "社会秩序", "公共利益", "组织权益", "个人权益"];

    public static readonly string[] ImpactDegrees = ["特别严重危害", "严重危害", "一般危害", "轻微危害", "无危害"];

    /// <summary>
    /// The least grade an impact (object × degree) implies, after GB/T 43697 §6: serious harm to national security or
    /// particularly serious harm to the economy, social order or public interest is 核心; harm to national security
    /// or serious harm to the public sphere is 重要; harm only to organisations or individuals stays 一般 and sets the
    /// L-level by degree. Null when nothing was recorded.
    /// </summary>
    public static DataGrade? Floor(string? impactObject, string? impactDegree)
    {
        if (impactObject is null || impactDegree is null) return null;
        var degree = Array.IndexOf(ImpactDegrees, impactDegree);
        if (degree < 0) return null;
        return impactObject switch
        {
            "国家安全" => degree switch { 0 or 1 => DataGrade.Core, 2 or 3 => DataGrade.Important, _ => DataGrade.L1 },
            "经济运行" or "社会秩序" or "公共利益" => degree switch { 0 => DataGrade.Core, 1 => DataGrade.Important, 2 => DataGrade.L4, 3 => DataGrade.L2, _ => DataGrade.L1 },
            "组织权益" or "个人权益" => degree switch { 0 => DataGrade.L4, 1 => DataGrade.L3, 2 => DataGrade.L2, _ => DataGrade.L1 },
            _ => null,
        };
    }
}
