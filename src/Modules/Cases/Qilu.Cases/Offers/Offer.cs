using System.Text.Json;
using System.Text.Json.Nodes;

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

    /// <summary>The offer's payload, see <see cref="OfferPayload"/>: prefilled values, keys filled from the recipient's own account, and the origin.</summary>
    public string PrefillJson { get; init; } = "{}";
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset ExpiresAt { get; init; }
    public OfferStatus Status { get; set; }
    public Guid? CaseId { get; set; }
    public DateTimeOffset? AnsweredAt { get; set; }
    public uint Version { get; set; }

    /// <summary>True when the offer is still open but its time is up.</summary>
    public bool IsDue(DateTimeOffset now) => Status == OfferStatus.Open && ExpiresAt <= now;
}

/// <summary>
/// What an offer carries, stored as JSON in <see cref="Offer.PrefillJson"/>: <c>values</c> (merged form key → value from
/// the certificate), <c>fromAccount</c> (keys the confirming holder's own account fills: the identifier never travels in
/// the event) and <c>origin</c> (the certificate and event that triggered it).
/// </summary>
internal sealed record OfferPayload(JsonObject Values, IReadOnlyList<string> FromAccount, OfferOrigin Origin)
{
    public string ToJson() => new JsonObject
    {
        ["values"] = Values.DeepClone(),
        ["fromAccount"] = new JsonArray([.. FromAccount.Select(k => (JsonNode?)JsonValue.Create(k))]),
        ["origin"] = JsonSerializer.SerializeToNode(Origin, OfferJson.Options),
    }.ToJsonString();

    public static OfferPayload Read(string json)
    {
        var root = JsonNode.Parse(json) as JsonObject ?? [];
        var values = root["values"] as JsonObject ?? [];
        var fromAccount = (root["fromAccount"] as JsonArray ?? []).Select(n => (string?)n).OfType<string>().ToList();
        var origin = root["origin"]?.Deserialize<OfferOrigin>(OfferJson.Options) ?? new OfferOrigin("", Guid.Empty, Guid.Empty, "", "", "", "", default, "");
        return new OfferPayload((JsonObject)values.DeepClone(), fromAccount, origin);
    }
}

/// <summary>Where an offer came from: the event and the certificate it reported.</summary>
/// <param name="Event">Trigger event name, e.g. <c>trust.certificate.issued</c>.</param>
/// <param name="EventId">The integration event's id.</param>
/// <param name="CertificateId">The certificate's id in the Trust module.</param>
/// <param name="LicenceId">电子证照标识.</param>
/// <param name="CertificateType">证照类型代码.</param>
/// <param name="CertificateName">Certificate type name, e.g. 出生医学证明.</param>
/// <param name="IssuerName">Issuing unit.</param>
/// <param name="IssuedOn">颁证日期.</param>
/// <param name="HolderIdMasked">Masked holder identifier.</param>
internal sealed record OfferOrigin(string Event, Guid EventId, Guid CertificateId, string LicenceId, string CertificateType, string CertificateName,
    string IssuerName, DateOnly IssuedOn, string HolderIdMasked);

internal static class OfferJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);
}
