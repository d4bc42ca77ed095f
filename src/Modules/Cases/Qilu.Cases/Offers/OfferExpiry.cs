using Microsoft.EntityFrameworkCore;
using Qilu.Cases.Data;
using Qilu.Platform.Audit;

namespace Qilu.Cases.Offers;

/// <summary>
/// Offers expire after the bundle's configured number of days. Expiry is applied when offers are read or answered (an
/// open offer past its time is stored as expired and audited then), so no timer is needed for a state nobody looks at.
/// </summary>
internal static class OfferExpiry
{
    /// <summary>Marks the recipient's due offers expired; returns how many.</summary>
    public static async Task<int> ExpireDueAsync(CasesDbContext db, IAuditWriter audit, DateTimeOffset now, string recipientId, CancellationToken ct)
    {
        var open = await db.Offers.Where(o => o.RecipientId == recipientId && o.Status == OfferStatus.Open).ToListAsync(ct);
        var due = open.Where(o => o.IsDue(now)).ToList();
        if (due.Count == 0) return 0;
        foreach (var o in due)
        {
            o.Status = OfferStatus.Expired;
            o.AnsweredAt = o.ExpiresAt;
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Answered or expired by a concurrent request meanwhile: that request's state stands.
            db.ChangeTracker.Clear();
            return 0;
        }
        foreach (var o in due) await OfferAudit.WriteAsync(audit, "expired", o, OfferAudit.System, new { o.ExpiresAt }, ct);
        return due.Count;
    }
}
