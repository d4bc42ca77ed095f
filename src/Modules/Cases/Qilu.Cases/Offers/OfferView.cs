namespace Qilu.Cases.Offers;

/// <summary>An offer as its recipient sees it: what is offered, what is already filled in, where it came from, until when.</summary>
internal sealed record OfferView(Guid Id, string BundleCode, string BundleName, string Status, string StatusName, DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt, DateTimeOffset? AnsweredAt, Guid? CaseId, OfferOrigin Origin, IReadOnlyDictionary<string, string> Prefill,
    IReadOnlyList<string> FromAccount, uint Version)
{
    public static OfferView From(Offer o)
    {
        var payload = OfferPayload.Read(o.PrefillJson);
        return new(o.Id, o.BundleCode, o.BundleName, Code(o.Status), Zh(o.Status), o.CreatedAt, o.ExpiresAt, o.AnsweredAt, o.CaseId, payload.Origin,
            payload.Values.ToDictionary(p => p.Key, p => p.Value?.ToString() ?? "", StringComparer.Ordinal), payload.FromAccount, o.Version);
    }

    public static string Code(OfferStatus s) => s switch
    {
        OfferStatus.Confirmed => "confirmed",
        OfferStatus.Declined => "declined",
        OfferStatus.Expired => "expired",
        _ => "open",
    };

    public static string Zh(OfferStatus s) => s switch
    {
        OfferStatus.Confirmed => "已确认办理",
        OfferStatus.Declined => "已谢绝",
        OfferStatus.Expired => "已过期",
        _ => "待确认",
    };
}
