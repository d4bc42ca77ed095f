using Microsoft.EntityFrameworkCore;
using Qilu.Hotline.Data;
using Qilu.Hotline.Tickets;

namespace Qilu.Hotline.Duplicates;

/// <summary>
/// When a ticket with merged tickets is answered (审核通过 or 直办), each merged ticket gets the same reply and goes to its
/// own callback, so every citizen who called about the problem is informed and asked about satisfaction.
/// </summary>
internal static class MergedReplies
{
    public static async Task<int> PropagateAsync(HotlineDbContext db, Ticket parent, DateTimeOffset now, CancellationToken ct)
    {
        if (parent.MergedCount == 0) return 0;
        var children = await db.Tickets.Where(x => x.MergedIntoId == parent.Id && x.Status == TicketStatus.Merged).ToListAsync(ct);
        foreach (var c in children)
        {
            c.Reply = parent.Reply;
            c.EvidenceJson = parent.EvidenceJson;
            c.RepliedAt = parent.RepliedAt;
            c.OnTime = parent.OnTime;
            c.ReviewedAt = now;
            c.UpdatedAt = now;
            c.Status = TicketStatus.AwaitingCallback;
            db.Entries.Add(new TicketEntry { TicketId = c.Id, At = now, Action = "merged-reply", Title = "并单答复", ActorId = "hotline", ActorName = "12345", Note = parent.Reply, Public = true });
        }
        await db.SaveChangesAsync(ct);
        return children.Count;
    }
}
