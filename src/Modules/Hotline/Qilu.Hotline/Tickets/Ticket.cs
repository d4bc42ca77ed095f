namespace Qilu.Hotline.Tickets;

/// <summary>
/// 工单: one citizen request from any channel. The caller's name and phone are stored encrypted (platform field
/// encryption) with masked copies for lists; a 保密件 (<see cref="Confidential"/>) hides even those from handling units.
/// State changes go through <see cref="TicketMachine"/>, which refuses anything the state does not allow.
/// </summary>
internal sealed class Ticket
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string Number { get; init; }
    public TicketChannel Channel { get; init; }
    public string? CallerNameProtected { get; set; }
    public string? CallerPhoneProtected { get; set; }
    public string? CallerPhoneIndex { get; set; }
    public string CallerNameMasked { get; set; } = "";
    public string CallerPhoneMasked { get; set; } = "";
    /// <summary>Account of the citizen who submitted it online (sees it under 我的诉求), null for calls.</summary>
    public string? CitizenId { get; init; }
    public required string Content { get; init; }
    public required string DivisionCode { get; init; }
    public string? Address { get; init; }
    public double? Latitude { get; init; }
    public double? Longitude { get; init; }
    public required string CategoryCode { get; set; }
    public Urgency Urgency { get; init; }
    public bool Confidential { get; init; }
    public string? SuggestedCategory { get; init; }
    public double? SuggestedConfidence { get; init; }
    public string? SuggestionModel { get; init; }
    public TicketStatus Status { get; set; }
    public Guid? LeadUnitId { get; set; }
    public string? LeadUnitName { get; set; }
    public string? LeadUnitDivision { get; set; }
    /// <summary>协办 units, comma-separated ids (queried with LIKE for the co-units' inbox).</summary>
    public string CoUnitIds { get; set; } = "";
    public string CoUnitNames { get; set; } = "";
    public DateTimeOffset CreatedAt { get; init; }
    public required string CreatedById { get; init; }
    public required string CreatedByName { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? DispatchedAt { get; set; }
    public DateTimeOffset? SignDueAt { get; set; }
    public DateTimeOffset? SignedAt { get; set; }
    public DateTimeOffset? DueAt { get; set; }
    public DateTimeOffset? RepliedAt { get; set; }
    public string? Reply { get; set; }
    /// <summary>Evidence of the handling (photo/file references or descriptions), JSON array of strings.</summary>
    public string? EvidenceJson { get; set; }
    public DateTimeOffset? ReviewedAt { get; set; }
    public Satisfaction? Satisfaction { get; set; }
    public string? CallbackNote { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    public bool ClosedDirectly { get; set; }
    /// <summary>直办 from the knowledge base: the article answered from, and its version at the time.</summary>
    public Guid? KnowledgeArticleId { get; set; }
    public uint? KnowledgeArticleVersion { get; set; }
    public bool AutoClosed { get; set; }
    public bool OnTime { get; set; }
    public int ReopenCount { get; set; }
    public string? ReturnReason { get; set; }
    public DateTimeOffset? ExtensionUntil { get; set; }
    public string? ExtensionReason { get; set; }
    public int ExtensionCount { get; set; }
    public int EscalationLevel { get; set; }
    public string? EscalatedTo { get; set; }
    public int SupervisionCount { get; set; }
    /// <summary>并单: the ticket this one was merged into (handled and answered with it).</summary>
    public Guid? MergedIntoId { get; set; }
    /// <summary>How many tickets were merged into this one.</summary>
    public int MergedCount { get; set; }
    /// <summary>Open311 token of the request (GeoReport v2 <c>tokens/{token}</c>).</summary>
    public string? Token { get; init; }
    public uint Version { get; set; }

    public bool IsOpen => Status != TicketStatus.Closed;

    /// <summary>The deadline that runs now: sign-for while dispatched, handling afterwards.</summary>
    public DateTimeOffset? CurrentDeadline => Status switch
    {
        TicketStatus.Dispatched => SignDueAt,
        TicketStatus.Handling => DueAt,
        _ => null,
    };

    public IReadOnlyList<Guid> CoUnits() =>
        CoUnitIds.Length == 0 ? [] : [.. CoUnitIds.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Guid.Parse)];
}

/// <summary>One line of a ticket's timeline: who did what, when, and why.</summary>
internal sealed class TicketEntry
{
    public long Id { get; set; }
    public Guid TicketId { get; init; }
    public DateTimeOffset At { get; init; }
    public required string Action { get; init; }
    public required string Title { get; init; }
    public required string ActorId { get; init; }
    public required string ActorName { get; init; }
    public string? Note { get; init; }
    /// <summary>False for internal notes that the citizen does not see on 我的诉求.</summary>
    public bool Public { get; init; }
}
