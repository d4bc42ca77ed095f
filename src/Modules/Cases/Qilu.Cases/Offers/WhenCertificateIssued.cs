using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Qilu.Cases.Catalog;
using Qilu.Cases.Data;
using Qilu.Identity.Contracts;
using Qilu.Matters.Contracts;
using Qilu.Platform.Audit;
using Qilu.Platform.Events;
using Qilu.Trust.Contracts;

namespace Qilu.Cases.Offers;

/// <summary>
/// 主动服务: a certificate was issued (Trust's <see cref="CertificateIssued"/>); every published bundle whose offer is
/// triggered by that certificate type is offered, prefilled from the certificate, to the people it names who have an
/// account (the holder: for a 出生医学证明 the parent it is held under). Idempotent by event id (inbox) and by the unique
/// (event, recipient, bundle) index. A certificate that a case of the same bundle asked for offers nothing: that
/// person is already doing it.
/// </summary>
internal sealed class WhenCertificateIssued(CasesDbContext db, ICaseCatalog catalog, IPersonDirectory people, IAuditWriter audit, TimeProvider clock,
    CertificateOfferTriggers triggers)
    : IIntegrationEventHandler<CertificateIssued>
{
    private const string Handler = "cases.offers.certificate_issued";

    private static readonly HashSet<string> HolderAudiences = ["subject", "parents", "applicant", "household"];

    public async Task HandleAsync(CertificateIssued integrationEvent, CancellationToken cancellationToken)
    {
        var e = integrationEvent;
        var ct = cancellationToken;
        // Every audience offered is a person the certificate names who has an account. A holder without one (every
        // organisation, most people) can be offered nothing, and deciding that needs no database: issuance publishes
        // one event per certificate, and this handler runs on the same cores and SQLite writer as the issuance.
        if (e.HolderSubjectId is not { } subject) return;
        var profile = await people.FindAsync(subject, ct);
        if (profile is null) return;
        var division = profile.DivisionCode ?? e.IssuerDivisionCode;
        var codes = await triggers.BundlesForAsync(catalog, e.TypeCode, division, ct);
        if (codes.Count == 0) return;
        if (await db.AlreadyProcessedAsync(e, Handler, ct)) return;
        var now = clock.GetUtcNow();
        var created = new List<Offer>();
        var origin = new OfferOrigin(ProactiveOfferDefinition.CertificateIssued, e.EventId, e.CertificateId, e.LicenceId, e.TypeCode, e.TypeName,
            e.IssuerName, e.IssuedOn, e.HolderIdMasked);
        foreach (var code in codes)
        {
            var bundle = await catalog.FindBundleAsync(code, division, ct);
            if (bundle?.Offer is not { } config || (config.TriggerCertificateType is { } type && type != e.TypeCode)) continue;
            if (!HolderAudiences.Contains(config.Audience)) continue;
            if (e.RequestId is { } requestId && await db.Cases.AsNoTracking().AnyAsync(c => c.Id == requestId && c.BundleCode == code, ct)) continue;
            if (await db.Offers.AsNoTracking().AnyAsync(o => o.TriggerEventId == e.EventId && o.RecipientId == profile.SubjectId && o.BundleCode == code, ct)) continue;
            var (values, fromAccount) = PrefillOf(bundle, config, e);
            var offer = new Offer
            {
                BundleCode = bundle.Code, BundleName = bundle.Name, DivisionCode = division, RecipientId = profile.SubjectId,
                RecipientName = profile.Name.Length > 64 ? profile.Name[..64] : profile.Name, TriggerEvent = ProactiveOfferDefinition.CertificateIssued,
                TriggerEventId = e.EventId, PrefillJson = new OfferPayload(values, fromAccount, origin).ToJson(), CreatedAt = now,
                ExpiresAt = now.AddDays(config.ExpiryDays), Status = OfferStatus.Open,
            };
            db.Offers.Add(offer);
            created.Add(offer);
        }
        db.MarkProcessed(e, Handler, now);
        await db.SaveChangesAsync(ct);
        foreach (var offer in created)
            await OfferAudit.WriteAsync(audit, "created", offer, OfferAudit.System, new { certificate = e.LicenceId, type = e.TypeName, e.IssuerName, offer.ExpiresAt }, ct);
    }

    /// <summary>The bundle's configured prefill from the certificate: its 照面 fields, the holder's name, and keys the holder's own account fills.</summary>
    internal static (JsonObject Values, List<string> FromAccount) PrefillOf(CaseBundle bundle, CaseOfferConfig config, CertificateIssued e)
    {
        var values = new JsonObject();
        var fromAccount = new List<string>();
        foreach (var (key, source) in config.Prefill ?? new Dictionary<string, string>())
        {
            var field = bundle.Fields.FirstOrDefault(f => f.Key == key);
            if (field is null) continue;
            if (source == ProactiveOfferDefinition.HolderIdentifier) { fromAccount.Add(key); continue; }
            var value = source == ProactiveOfferDefinition.HolderName ? e.HolderName : e.Fields.GetValueOrDefault(source);
            if (string.IsNullOrWhiteSpace(value)) continue;
            // A 出生时间 of "2026-11-20 08:30" fills a date field with its date.
            if (field.Type == CaseFieldType.Date && value.Length > 10) value = value[..10];
            values[key] = value;
        }
        return (values, fromAccount);
    }
}
