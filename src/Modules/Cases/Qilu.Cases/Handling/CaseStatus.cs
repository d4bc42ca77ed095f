namespace Qilu.Cases.Handling;

/// <summary>
/// Status of a case (办件状态) along 申请 → 受理 → 审查 → 决定 → 办结 → 送达, with the side exits 不予受理, 补正,
/// 撤回. For a bundle parent the status is the join of its sub-cases' statuses.
/// </summary>
internal enum CaseStatus
{
    /// <summary>申请: submitted, waiting for acceptance (待受理).</summary>
    Submitted = 0,
    /// <summary>补正: correction requested; the clock is stopped until the applicant answers.</summary>
    CorrectionRequested = 1,
    /// <summary>审查: accepted and under review.</summary>
    UnderReview = 2,
    /// <summary>决定: review done, waiting for the decision.</summary>
    Deciding = 3,
    /// <summary>办结: decided (approved or denied), waiting for delivery.</summary>
    Concluded = 4,
    /// <summary>送达: the result was delivered; the case is closed.</summary>
    Delivered = 5,
    /// <summary>不予受理: refused at acceptance, with a reason.</summary>
    Refused = 6,
    /// <summary>撤回: withdrawn by the applicant before the decision.</summary>
    Withdrawn = 7,
    /// <summary>Bundle parent only: some sub-cases done, others still in progress or refused (部分办结).</summary>
    PartiallyConcluded = 8,
}

/// <summary>Names and groupings of <see cref="CaseStatus"/>.</summary>
internal static class CaseStatuses
{
    public static string Code(CaseStatus s) => s switch
    {
        CaseStatus.Submitted => "submitted",
        CaseStatus.CorrectionRequested => "correction_requested",
        CaseStatus.UnderReview => "under_review",
        CaseStatus.Deciding => "deciding",
        CaseStatus.Concluded => "concluded",
        CaseStatus.Delivered => "delivered",
        CaseStatus.Refused => "refused",
        CaseStatus.Withdrawn => "withdrawn",
        _ => "partially_concluded",
    };

    public static string Zh(CaseStatus s) => s switch
    {
        CaseStatus.Submitted => "已申请（待受理）",
        CaseStatus.CorrectionRequested => "待补正",
        CaseStatus.UnderReview => "审查中",
        CaseStatus.Deciding => "待决定",
        CaseStatus.Concluded => "已办结（待送达）",
        CaseStatus.Delivered => "已送达",
        CaseStatus.Refused => "不予受理",
        CaseStatus.Withdrawn => "已撤回",
        _ => "部分办结",
    };

    public static string En(CaseStatus s) => s switch
    {
        CaseStatus.Submitted => "Submitted (awaiting acceptance)",
        CaseStatus.CorrectionRequested => "Correction requested",
        CaseStatus.UnderReview => "Under review",
        CaseStatus.Deciding => "Awaiting decision",
        CaseStatus.Concluded => "Concluded (awaiting delivery)",
        CaseStatus.Delivered => "Delivered",
        CaseStatus.Refused => "Refused",
        CaseStatus.Withdrawn => "Withdrawn",
        _ => "Partially concluded",
    };

    /// <summary>No further transition.</summary>
    public static bool IsFinal(CaseStatus s) => s is CaseStatus.Delivered or CaseStatus.Refused or CaseStatus.Withdrawn;

    /// <summary>The decision has been made (办结 or later): withdrawal is no longer possible, rating is.</summary>
    public static bool IsDecided(CaseStatus s) => s is CaseStatus.Concluded or CaseStatus.Delivered;

    /// <summary>Still running against its deadline.</summary>
    public static bool IsOpen(CaseStatus s) => s is CaseStatus.Submitted or CaseStatus.CorrectionRequested or CaseStatus.UnderReview or CaseStatus.Deciding;
}
