namespace Qilu.Cases.Ratings;

/// <summary>好差评: the applicant's rating of a concluded case (一事一评), five levels from 非常满意 (5) to 非常不满意 (1).</summary>
internal sealed class Rating
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid CaseId { get; init; }
    public required string ApplicantId { get; init; }
    public int Level { get; init; }
    public string? Comment { get; init; }
    public DateTimeOffset RatedAt { get; init; }
    public required string MatterCode { get; init; }
    public required string MatterName { get; init; }
    public Guid UnitId { get; init; }
    public required string UnitName { get; init; }
    public required string DivisionCode { get; init; }
}

/// <summary>State of a rectification (差评整改).</summary>
internal enum RectificationStatus
{
    /// <summary>Open: the unit must rectify and reply within 15 working days.</summary>
    Open = 0,
    /// <summary>The unit replied (and called the applicant back).</summary>
    Replied = 1,
    /// <summary>The applicant appealed the reply (申诉); the unit must answer again.</summary>
    Appealed = 2,
    /// <summary>The applicant accepted the reply, or the appeal was answered.</summary>
    Closed = 3,
}

/// <summary>差评整改: a bad rating's rectification task for the unit, on a workflow instance with a 15-working-day limit.</summary>
internal sealed class Rectification
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid RatingId { get; init; }
    public Guid CaseId { get; init; }
    public Guid UnitId { get; init; }
    public required string DivisionCode { get; init; }
    public RectificationStatus Status { get; set; }
    public Guid? InstanceId { get; set; }
    public int Round { get; set; } = 1;
    public DateTimeOffset OpenedAt { get; init; }
    public DateTimeOffset? DueAt { get; set; }
    public string? Reply { get; set; }
    public string? CallbackNote { get; set; }
    public DateTimeOffset? RepliedAt { get; set; }
    public string? Appeal { get; set; }
    public DateTimeOffset? AppealedAt { get; set; }
    public uint Version { get; set; }
}
