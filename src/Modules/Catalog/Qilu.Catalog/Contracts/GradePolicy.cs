namespace Qilu.Catalog.Contracts;

/// <summary>What a grade allows: the share types and open attributes an entry of that grade may carry, and the
/// default masking of a field of that grade.</summary>
/// <param name="Grade">The grade.</param>
/// <param name="AllowedShareTypes">共享类型 permitted at this grade.</param>
/// <param name="AllowedOpenTypes">开放属性 permitted at this grade.</param>
/// <param name="DefaultMasking">Masking applied to a field of this grade unless a grant says otherwise.</param>
/// <param name="RuleZh">The rule in words (Chinese), quoted in refusals.</param>
/// <param name="RuleEn">The rule in words (English).</param>
public sealed record GradeRule(DataGrade Grade, IReadOnlyList<ShareType> AllowedShareTypes, IReadOnlyList<OpenType> AllowedOpenTypes,
    MaskingRule DefaultMasking, string RuleZh, string RuleEn);

/// <summary>
/// The platform's grading policy (ADR 0009). GB/T 43697-2024 fixes the three levels and the 就高从严 principle; the
/// mapping of levels to share/open attributes and masking is this platform's policy, aligned with common provincial
/// practice: the more sensitive, the fewer ways out.
/// </summary>
public static class GradePolicy
{
    private static readonly ShareType[] AnyShare = [ShareType.Unconditional, ShareType.Conditional, ShareType.NotShared];
    private static readonly ShareType[] Restricted = [ShareType.Conditional, ShareType.NotShared];

    private static readonly Dictionary<DataGrade, GradeRule> Rules = new()
    {
        [DataGrade.L1] = new(DataGrade.L1, AnyShare, [OpenType.Unconditional, OpenType.Conditional, OpenType.NotOpen], MaskingRule.None,
            "L1 一般数据可无条件共享、无条件开放", "L1 data may be shared and opened without conditions"),
        [DataGrade.L2] = new(DataGrade.L2, AnyShare, [OpenType.Conditional, OpenType.NotOpen], MaskingRule.None,
            "L2 一般数据可无条件共享，最多有条件开放", "L2 data may be shared without conditions and opened at most conditionally"),
        [DataGrade.L3] = new(DataGrade.L3, Restricted, [OpenType.NotOpen], MaskingRule.Partial,
            "L3 敏感数据只能有条件共享或不予共享，不予开放，共享时默认部分脱敏",
            "L3 sensitive data may be shared only conditionally, never opened, and is partially masked by default"),
        [DataGrade.L4] = new(DataGrade.L4, Restricted, [OpenType.NotOpen], MaskingRule.Partial,
            "L4 高敏感数据只能有条件共享或不予共享，不予开放，共享时默认部分脱敏",
            "L4 highly sensitive data may be shared only conditionally, never opened, and is partially masked by default"),
        [DataGrade.Important] = new(DataGrade.Important, Restricted, [OpenType.NotOpen], MaskingRule.Redact,
            "重要数据只能有条件共享或不予共享，不予开放，共享时默认屏蔽",
            "Important data may be shared only conditionally, never opened, and is withheld by default"),
        [DataGrade.Core] = new(DataGrade.Core, [ShareType.NotShared], [OpenType.NotOpen], MaskingRule.Redact,
            "核心数据不予共享、不予开放", "Core data is neither shared nor opened"),
    };

    /// <summary>The rule of <paramref name="grade"/>.</summary>
    public static GradeRule For(DataGrade grade) => Rules.TryGetValue(grade, out var rule)
        ? rule : throw new ArgumentOutOfRangeException(nameof(grade), grade, "Unknown grade.");

    /// <summary>Default masking of a field of <paramref name="grade"/> (for the Sharing gateway).</summary>
    public static MaskingRule MaskingFor(DataGrade grade) => For(grade).DefaultMasking;

    /// <summary>就高从严: the grade of data combined from fields of these grades is the highest of them.</summary>
    public static DataGrade Combine(IEnumerable<DataGrade> grades)
    {
        ArgumentNullException.ThrowIfNull(grades);
        var max = DataGrade.L1;
        foreach (var g in grades) if (g > max) max = g;
        return max;
    }

    /// <summary>Chinese label (核心数据, 重要数据, 一般数据（L3）).</summary>
    public static string Label(DataGrade grade) => grade switch
    {
        DataGrade.Core => "核心数据",
        DataGrade.Important => "重要数据",
        _ => $"一般数据（{grade}）",
    };

    /// <summary>Chinese label of a 共享类型 (无条件共享, 有条件共享, 不予共享).</summary>
    public static string ShareLabel(ShareType s) => s switch
    {
        ShareType.Unconditional => "无条件共享",
        ShareType.Conditional => "有条件共享",
        _ => "不予共享",
    };

    /// <summary>Chinese label of a 开放属性 (无条件开放, 有条件开放, 不予开放).</summary>
    public static string OpenLabel(OpenType o) => o switch
    {
        OpenType.Unconditional => "无条件开放",
        OpenType.Conditional => "有条件开放",
        _ => "不予开放",
    };
}
