namespace Qilu.Sharing.Applications;

/// <summary>An application as the API and the pages show it, with its deadline and decisions.</summary>
internal sealed record ApplicationView(Guid Id, string Number, Guid ConsumerUnitId, string ConsumerName, string ApplicantName, Guid EntryId, string EntryCode,
    string EntryName, Guid ProviderUnitId, string ProviderName, string ShareType, string Grade, string Purpose, string LegalBasis, string Scenario,
    IReadOnlyList<string> Fields, int CallsPerDay, DateOnly PeriodFrom, DateOnly PeriodTo, string? RowScope, ApplicationStatus Status, string StageName,
    int Stage, int ProviderLevels, DateTimeOffset? DueAt, int? WorkingDaysLeft, bool Overdue, Guid? GrantId, DateTimeOffset CreatedAt, uint Version,
    IReadOnlyList<StepView> Steps, IReadOnlyList<string> ClientIds)
{
    public static ApplicationView Of(SharingApplication a, DateTimeOffset now, ApprovalDeadlines deadlines) => new(a.Id, a.Number, a.ConsumerUnitId, a.ConsumerName, a.ApplicantName,
        a.EntryId, a.EntryCode, a.EntryName, a.ProviderUnitId, a.ProviderName, a.ShareType.ToString(), a.Grade.ToString(), a.Purpose, a.LegalBasis, a.Scenario,
        a.FieldList, a.CallsPerDay, a.PeriodFrom, a.PeriodTo, a.RowScope, a.Status, NameOf(a), a.Stage, a.ProviderLevels, a.DueAt,
        a.DueAt is { } due ? deadlines.WorkingDaysLeft(now, due) : null, a.DueAt is { } d && now > d, a.GrantId, a.CreatedAt, a.Version,
        [.. a.Steps.OrderBy(s => s.DecidedAt).Select(s => new StepView(s.Stage, StageLabel(s.Stage, a.ProviderLevels), s.Decision, s.Comment, s.DeciderName, s.DueAt, s.DecidedAt, s.Overdue))], a.ClientIdList)
    {
        ApprovalIssuesGrant = a.ApprovalIssuesGrant,
    };

    /// <summary>Approving the current stage issues the grant, so the approver sets its terms (<see cref="DraftGrantTerms"/>).</summary>
    public bool ApprovalIssuesGrant { get; init; }

    public static string NameOf(SharingApplication a) => a.Status switch
    {
        ApplicationStatus.Granted => "已授权",
        ApplicationStatus.Refused => "未通过",
        _ => StageLabel(a.Stage, a.ProviderLevels),
    };

    public static string StageLabel(int stage, int levels) => stage == 0 ? "大数据局合规性审核" : levels == 1 ? "提供方审批" : $"提供方第{stage}级审批";
}

/// <summary>One decision.</summary>
internal sealed record StepView(int Stage, string StageName, string Decision, string? Comment, string DeciderName, DateTimeOffset DueAt, DateTimeOffset DecidedAt, bool Overdue);
