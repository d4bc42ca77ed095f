namespace Qilu.Cases.Handling;

/// <summary>Whether a case is a single-matter case, a bundle's parent, or one member's sub-case.</summary>
internal enum CaseKind
{
    Matter = 0,
    Bundle = 1,
    Member = 2,
}

/// <summary>
/// 办件: one application for a matter (or a bundle's parent, or one bundle member's sub-case). Its lifecycle runs on a
/// workflow instance; <see cref="Status"/>, <see cref="DueAt"/> and the decision are projected from that instance after
/// every transition. Form values and material references are kept as JSON; personal identifiers in them are the
/// applicant's own and are only shown to the applicant and the handling unit.
/// </summary>
internal sealed class Case
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string Number { get; init; }
    public CaseKind Kind { get; init; }
    public Guid? ParentId { get; init; }
    public string? MatterCode { get; init; }
    public required string Title { get; init; }
    public string? BundleCode { get; init; }
    public required string DivisionCode { get; init; }
    public required string ApplicantId { get; init; }
    public required string ApplicantName { get; init; }
    public Guid? UnitId { get; set; }
    public string? UnitName { get; set; }
    public string? UnitKind { get; set; }
    public string? UnitDivision { get; set; }
    public string? UnitCreditCode { get; set; }
    public CaseStatus Status { get; set; }
    public string? WorkflowKey { get; init; }
    public Guid? InstanceId { get; set; }
    public string FormJson { get; set; } = "{}";
    public string MaterialsJson { get; set; } = "[]";
    public string SourcesJson { get; set; } = "{}";
    public bool ConsentGiven { get; init; }
    public int FieldsTotal { get; init; }
    public int FieldsPrefilled { get; init; }
    public int MaterialsTotal { get; init; }
    public int MaterialsExempted { get; init; }
    public DateTimeOffset SubmittedAt { get; init; }
    public DateTimeOffset? DueAt { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    public string? Decision { get; set; }
    public string? Reason { get; set; }
    public string? CorrectionNote { get; set; }
    public string? IdempotencyKey { get; init; }
    public string? LicenceType { get; init; }
    public bool LicencePublished { get; set; }
    public uint InstanceVersion { get; set; }
    public uint Version { get; set; }
}

/// <summary>One line of a case's timeline (申请, 受理, 补正, 审查 …): who did what, when, and why.</summary>
internal sealed class CaseEntry
{
    public long Id { get; set; }
    public Guid CaseId { get; init; }
    public DateTimeOffset At { get; init; }
    public required string Action { get; init; }
    public required string Title { get; init; }
    public required string ActorId { get; init; }
    public required string ActorName { get; init; }
    public string? Note { get; init; }
}
