using System.Text.Json.Serialization;
using Qilu.Catalog.Contracts;

namespace Qilu.Sharing.Applications;

/// <summary>Where an application stands.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ApplicationStatus>))]
internal enum ApplicationStatus
{
    /// <summary>合规性审核: waiting for the big-data bureau.</summary>
    Conformity = 1,
    /// <summary>提供方审批: waiting for the provider at <see cref="SharingApplication.Stage"/>.</summary>
    ProviderApproval = 2,
    /// <summary>已授权: a grant was issued.</summary>
    Granted = 3,
    /// <summary>未通过: refused with a reason at some stage.</summary>
    Refused = 4,
}

/// <summary>
/// 共享申请 (供需对接): a consumer unit asks a provider for fields of a catalog entry, for a purpose under a legal basis.
/// Stage 0 is the big-data bureau's conformity review, stages 1..<see cref="ProviderLevels"/> the provider's approval
/// levels; each stage has a deadline in working days and a refusal must give a reason.
/// </summary>
internal sealed class SharingApplication
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string Number { get; init; }
    public Guid ConsumerUnitId { get; init; }
    public required string ConsumerName { get; init; }
    public required string ConsumerDivision { get; init; }
    public required string ApplicantId { get; init; }
    public required string ApplicantName { get; init; }
    public Guid EntryId { get; init; }
    public required string EntryCode { get; init; }
    public required string EntryName { get; init; }
    public Guid ProviderUnitId { get; init; }
    public required string ProviderName { get; init; }
    public required string ProviderDivision { get; init; }
    public ShareType ShareType { get; init; }
    public DataGrade Grade { get; init; }
    public required string Purpose { get; init; }
    public required string LegalBasis { get; init; }
    public required string Scenario { get; init; }
    /// <summary>Requested fields, newline-separated.</summary>
    public required string Fields { get; init; }
    public int CallsPerDay { get; init; }
    public DateOnly PeriodFrom { get; init; }
    public DateOnly PeriodTo { get; init; }
    /// <summary>Requested row scope (division prefix); null: all rows.</summary>
    public string? RowScope { get; init; }
    /// <summary>调用系统: the applicant unit's systems that will call under the grant, newline-separated (<see cref="Grants.CallingSystems"/>); empty: every system of the unit. The grant starts with them.</summary>
    public string ClientIds { get; init; } = "";
    public ApplicationStatus Status { get; set; }
    public int ProviderLevels { get; init; }
    /// <summary>0 = conformity, 1..n = provider levels.</summary>
    public int Stage { get; set; }
    public DateTimeOffset? DueAt { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? DecidedAt { get; set; }
    public Guid? GrantId { get; set; }
    public uint Version { get; set; }
    public List<ApplicationStep> Steps { get; init; } = [];

    public IReadOnlyList<string> FieldList => Fields.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    public IReadOnlyList<string> ClientIdList => ClientIds.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Whether approving the current stage issues the grant (the provider's last level): only then are grant terms set.</summary>
    public bool ApprovalIssuesGrant => Status == ApplicationStatus.ProviderApproval && Stage >= ProviderLevels;

    /// <summary>Records an approval of the current stage; returns true when the last stage was approved.</summary>
    public bool Approve(string deciderId, string deciderName, string? comment, DateTimeOffset now, Func<DateTimeOffset, DateTimeOffset> nextDue)
    {
        Steps.Add(ApplicationStep.Decided(Id, Stage, "approved", comment, deciderId, deciderName, DueAt ?? now, now));
        if (Stage >= ProviderLevels)
        {
            Status = ApplicationStatus.Granted;
            DecidedAt = now;
            DueAt = null;
            return true;
        }
        Stage++;
        Status = ApplicationStatus.ProviderApproval;
        DueAt = nextDue(now);
        return false;
    }

    public void Refuse(string deciderId, string deciderName, string reason, DateTimeOffset now)
    {
        Steps.Add(ApplicationStep.Decided(Id, Stage, "refused", reason, deciderId, deciderName, DueAt ?? now, now));
        Status = ApplicationStatus.Refused;
        DecidedAt = now;
        DueAt = null;
    }

    /// <summary>Who decided earlier stages: the same person may not approve two stages (separation of duties).</summary>
    public bool AlreadyDecidedBy(string deciderId) => Steps.Any(s => s.DeciderId == deciderId);
}

/// <summary>One decision on an application (审核/审批记录).</summary>
internal sealed class ApplicationStep
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid ApplicationId { get; init; }
    public int Stage { get; init; }
    public required string Decision { get; init; }
    public string? Comment { get; init; }
    public required string DeciderId { get; init; }
    public required string DeciderName { get; init; }
    public DateTimeOffset DueAt { get; init; }
    public DateTimeOffset DecidedAt { get; init; }

    public bool Overdue => DecidedAt > DueAt;

    public static ApplicationStep Decided(Guid applicationId, int stage, string decision, string? comment, string deciderId, string deciderName,
        DateTimeOffset dueAt, DateTimeOffset at) => new()
    {
        ApplicationId = applicationId, Stage = stage, Decision = decision, Comment = comment, DeciderId = deciderId, DeciderName = deciderName,
        DueAt = dueAt, DecidedAt = at,
    };
}
