using System.Collections.Concurrent;
using Qilu.Cases.Catalog;
using Qilu.Matters.Contracts;

namespace Qilu.Cases.Offers;

/// <summary>
/// Which bundles a certificate type can offer in a division, remembered for <see cref="Lifetime"/>. Finding out costs
/// the catalog's published bundles and a merged definition of each, and issuance publishes one
/// <c>CertificateIssued</c> per certificate (thousands a second in bulk), while offers are configured on a handful of
/// types. A bundle withdrawn is noticed at once (the handler still loads each candidate bundle before offering it); a
/// trigger newly published is noticed after at most <see cref="Lifetime"/>.
/// </summary>
internal sealed class CertificateOfferTriggers(TimeProvider clock)
{
    /// <summary>How long a division's triggers are reused.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<string, (DateTimeOffset Until, IReadOnlyList<(string Code, string? Type)> Triggers)> _byDivision =
        new(StringComparer.Ordinal);

    /// <summary>Codes of the bundles offered in <paramref name="divisionCode"/> whose offer a certificate of <paramref name="typeCode"/> triggers.</summary>
    public async Task<IReadOnlyList<string>> BundlesForAsync(ICaseCatalog catalog, string typeCode, string divisionCode, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (!_byDivision.TryGetValue(divisionCode, out var entry) || entry.Until <= now)
        {
            var triggers = new List<(string, string?)>();
            foreach (var code in await catalog.BundlesTriggeredByAsync(ProactiveOfferDefinition.CertificateIssued, ct))
                if ((await catalog.FindBundleAsync(code, divisionCode, ct))?.Offer is { } offer)
                    triggers.Add((code, offer.TriggerCertificateType));
            entry = (now + Lifetime, triggers);
            _byDivision[divisionCode] = entry;
        }
        return [.. entry.Triggers.Where(t => t.Type is null || t.Type == typeCode).Select(t => t.Code)];
    }
}
