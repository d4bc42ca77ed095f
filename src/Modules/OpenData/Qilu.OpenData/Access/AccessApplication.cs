using System.Text.Json.Serialization;

namespace Qilu.OpenData.Access;

/// <summary>State of an application for a 有条件开放 dataset.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ApplicationStatus>))]
internal enum ApplicationStatus
{
    /// <summary>待审核.</summary>
    Pending = 1,

    /// <summary>已批准: an API key was issued.</summary>
    Approved = 2,

    /// <summary>未通过, with a reason.</summary>
    Refused = 3,

    /// <summary>已撤销 (key revoked).</summary>
    Revoked = 4,
}

/// <summary>
/// An application (申请) by a signed-in citizen or enterprise for a 有条件开放 dataset: purpose and scenario; the
/// provider answers within <see cref="DueAt"/> (10 working days, as Shandong's rules set for conditional requests).
/// Approval sets the usage terms; the applicant then takes an API key (shown to the applicant once, only its SM3 hash
/// is stored: the provider never sees it) and reports use (成果).
/// </summary>
internal sealed class AccessApplication
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid DatasetId { get; set; }

    public Guid ProviderUnitId { get; set; }

    public string ApplicantId { get; set; } = "";

    public string ApplicantName { get; set; } = "";

    public string? EnterpriseCreditCode { get; set; }

    public string Purpose { get; set; } = "";

    public string Scenario { get; set; } = "";

    /// <summary>The fields applied for, joined by <c>|</c>; empty means every field the dataset publishes. An approved
    /// key opens only these (the 最小必要 principle of PIPL art. 6 applied to what the applicant said it needs).</summary>
    public string FieldsText { get; set; } = "";

    /// <summary>The fields applied for (empty: all published fields).</summary>
    public IReadOnlyList<string> Fields => FieldsText.Length == 0 ? [] : FieldsText.Split('|');

    public ApplicationStatus Status { get; set; } = ApplicationStatus.Pending;

    public DateTimeOffset SubmittedAt { get; set; }

    public DateTimeOffset DueAt { get; set; }

    public DateTimeOffset? DecidedAt { get; set; }

    public string? DecidedBy { get; set; }

    public string? Reason { get; set; }

    public string? Terms { get; set; }

    public DateTimeOffset? ValidUntil { get; set; }

    /// <summary>SM3 of the API key (hex); the key itself is shown once.</summary>
    public string? KeyHash { get; set; }

    /// <summary>First characters of the key, to recognise it in lists.</summary>
    public string? KeyPrefix { get; set; }

    public long Calls { get; set; }

    public uint Version { get; set; }

    public List<UsageReport> Reports { get; set; } = [];
}

/// <summary>A report of use (成果) the terms require from an approved applicant.</summary>
internal sealed class UsageReport
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid ApplicationId { get; set; }

    public string Title { get; set; } = "";

    public string Description { get; set; } = "";

    public string? Link { get; set; }

    public DateTimeOffset ReportedAt { get; set; }
}
