namespace Qilu.Cases.Offers;

/// <summary>State of a proactive offer.</summary>
internal enum OfferStatus
{
    Open = 0,
    Confirmed = 1,
    Declined = 2,
    Expired = 3,
}

/// <summary>
/// 主动服务: a bundle offered, prefilled, to a person because a register event concerned them (a birth certificate
/// issued offers 新生儿出生一件事 to the parents). Traceable to the triggering event; expires.
/// </summary>
internal sealed class Offer
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string BundleCode { get; init; }
    public required string BundleName { get; init; }
    public required string DivisionCode { get; init; }
    public required string RecipientId { get; init; }
    public required string RecipientName { get; init; }
    public required string TriggerEvent { get; init; }
    public Guid TriggerEventId { get; init; }
    public string PrefillJson { get; init; } = "{}";
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset ExpiresAt { get; init; }
    public OfferStatus Status { get; set; }
    public Guid? CaseId { get; set; }
    public DateTimeOffset? AnsweredAt { get; set; }
    public uint Version { get; set; }
}
