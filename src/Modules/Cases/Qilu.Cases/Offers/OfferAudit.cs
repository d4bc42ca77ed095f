using System.Diagnostics;
using Qilu.Platform.Audit;
using Qilu.SharedKernel.Actors;

namespace Qilu.Cases.Offers;

/// <summary>Audit entries of the offer lifecycle (created, confirmed, declined, expired), each naming the offer's origin.</summary>
internal static class OfferAudit
{
    /// <summary>The module itself acting on an event or a deadline.</summary>
    public static readonly Actor System = new(ActorKind.SystemClient, "cases.offers", "主动服务", null, null, new HashSet<string>(), new HashSet<string>(), RealNameLevel.None);

    public static Task WriteAsync(IAuditWriter audit, string step, Offer offer, Actor actor, object? details, CancellationToken ct) =>
        audit.WriteAsync(new AuditEvent($"cases.offer.{step}", "offer", offer.Id.ToString(), "success", actor,
            new { offer.BundleCode, offer.TriggerEvent, offer.TriggerEventId, offer.CaseId, details }, TraceId: Activity.Current?.TraceId.ToString()), ct);
}
