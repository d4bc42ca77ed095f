using Microsoft.EntityFrameworkCore;
using Qilu.Catalog.Contracts;
using Qilu.SharedKernel.Results;
using Qilu.Sharing.Data;

namespace Qilu.Sharing.Applications;

/// <summary>
/// 审批级数设置: how many approval levels a provider unit's 有条件共享 applications go through, per grade of the entry.
/// The platform sets the floor (<see cref="MinimumFor"/>: two levels for L4 and above, one otherwise); a unit may require
/// more (up to <see cref="MaxLevels"/>), never fewer, and a more sensitive grade never has fewer levels than a lesser
/// one. An application takes the levels in force when it is made: a change applies to later applications only.
/// </summary>
internal sealed class ApprovalPolicy
{
    public const int MaxLevels = 3;

    /// <summary>The grades a policy covers, in order of sensitivity.</summary>
    public static readonly IReadOnlyList<DataGrade> Grades = [DataGrade.L1, DataGrade.L2, DataGrade.L3, DataGrade.L4, DataGrade.Important, DataGrade.Core];

    public Guid ProviderUnitId { get; init; }

    /// <summary>Levels per grade of <see cref="Grades"/>, one digit each ("111222" is the platform's floor).</summary>
    public string Levels { get; set; } = Floor;

    public string? UpdatedBy { get; set; }

    public DateTimeOffset? UpdatedAt { get; set; }

    public uint Version { get; set; }

    public static string Floor { get; } = string.Concat(Grades.Select(g => MinimumFor(g)));

    /// <summary>The platform's minimum: sensitive personal data (L4), 重要数据 and 核心数据 are approved at two levels.</summary>
    public static int MinimumFor(DataGrade grade) => grade >= DataGrade.L4 ? 2 : 1;

    public int LevelsFor(DataGrade grade)
    {
        var i = IndexOf(grade);
        // A stored value below the floor (edited by hand) never weakens the approval.
        return i < 0 || i >= Levels.Length || !char.IsAsciiDigit(Levels[i]) ? MinimumFor(grade) : Math.Max(MinimumFor(grade), Levels[i] - '0');
    }

    public static int IndexOf(DataGrade grade)
    {
        for (var i = 0; i < Grades.Count; i++)
            if (Grades[i] == grade) return i;
        return -1;
    }

    /// <summary>A policy belongs to a unit: an account of none has no policy to read or change.</summary>
    public static Result<ApprovalPolicyView> NoUnit() => Outcomes.Forbidden<ApprovalPolicyView>("unit.required",
        "审批级数按单位设置，您的账号不属于任何单位", "Approval levels are set per unit; your account belongs to none");

    /// <summary>The provider unit's levels for an entry of <paramref name="grade"/>: its policy, or the floor without one.</summary>
    public static async Task<int> LevelsForAsync(SharingDbContext db, Guid providerUnitId, DataGrade grade, CancellationToken ct)
    {
        var policy = await db.ApprovalPolicies.AsNoTracking().FirstOrDefaultAsync(p => p.ProviderUnitId == providerUnitId, ct);
        return policy?.LevelsFor(grade) ?? MinimumFor(grade);
    }
}

/// <summary>One grade's row of a unit's approval policy.</summary>
internal sealed record GradeLevels(string Grade, string GradeName, string GradeNameEn, int Levels, int Minimum);

/// <summary>A provider unit's approval policy as shown and edited (<see cref="GetApprovalPolicy"/>, <see cref="ChangeApprovalPolicy"/>).</summary>
internal sealed record ApprovalPolicyView(Guid ProviderUnitId, string ProviderName, IReadOnlyList<GradeLevels> Grades, int MaxLevels, uint Version,
    string? UpdatedBy, DateTimeOffset? UpdatedAt, bool CanEdit)
{
    internal static ApprovalPolicyView Of(Guid unitId, string unitName, ApprovalPolicy? policy, bool canEdit)
    {
        var p = policy ?? new ApprovalPolicy { ProviderUnitId = unitId };
        return new ApprovalPolicyView(unitId, unitName,
            [.. ApprovalPolicy.Grades.Select(g => new GradeLevels(g.ToString(), NameOf(g).Zh, NameOf(g).En, p.LevelsFor(g), ApprovalPolicy.MinimumFor(g)))],
            ApprovalPolicy.MaxLevels, policy?.Version ?? 0, policy?.UpdatedBy, policy?.UpdatedAt, canEdit);
    }

    internal static (string Zh, string En) NameOf(DataGrade g) => g switch
    {
        DataGrade.L1 => ("一般数据 L1", "General L1"),
        DataGrade.L2 => ("一般数据 L2", "General L2"),
        DataGrade.L3 => ("一般数据 L3", "General L3"),
        DataGrade.L4 => ("一般数据 L4（敏感）", "General L4 (sensitive)"),
        DataGrade.Important => ("重要数据", "Important data"),
        _ => ("核心数据", "Core data"),
    };
}
