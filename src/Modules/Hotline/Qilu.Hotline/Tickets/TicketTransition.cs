using Microsoft.EntityFrameworkCore;
using Qilu.Hotline.Data;
using Qilu.Platform.Audit;
using Qilu.SharedKernel.Actors;
using Qilu.SharedKernel.Results;

namespace Qilu.Hotline.Tickets;

/// <summary>
/// Runs one lifecycle action: loads the ticket, resolves the actor's capacities (none: 404), checks the optional
/// version the client saw (stale: 409), asks <see cref="TicketMachine"/> whether the action is allowed now (not: 409
/// with the allowed ones), applies the change, writes the timeline line, saves under the version token and audits.
/// </summary>
internal sealed class TicketTransition(HotlineDbContext db, IAuditWriter audit, TimeProvider clock)
{
    /// <summary>The change itself: returns the timeline note, or an error that leaves the ticket untouched.</summary>
    public delegate Task<Result<string?>> Change(Ticket ticket, DateTimeOffset now);

    public async Task<Result<Ticket>> RunAsync(Actor actor, Guid id, string action, uint? expectedVersion, Change change, CancellationToken ct,
        bool publicEntry = true)
    {
        if (!actor.IsAuthenticated) return Outcomes.Unauthenticated<Ticket>();
        var t = await db.Tickets.SingleOrDefaultAsync(x => x.Id == id, ct);
        if (t is null) return TicketConflicts.NotFound<Ticket>();
        var who = TicketScope.CapacitiesOf(actor, t);
        if (who == TicketCapacity.None) return TicketConflicts.NotFound<Ticket>();
        if (expectedVersion is { } v && v != t.Version) return TicketConflicts.Stale<Ticket>();
        if (!TicketMachine.IsAllowed(t, who, action))
        {
            await AuditAsync(actor, t, action, "denied", ct);
            return TicketConflicts.NotAllowed<Ticket>(action, t.Status, TicketMachine.Allowed(t, who));
        }
        var now = clock.GetUtcNow();
        var changed = await change(t, now);
        if (!changed.IsSuccess) return Result<Ticket>.Failure(changed.Errors, changed.Kind);
        t.UpdatedAt = now;
        db.Entries.Add(new TicketEntry
        {
            TicketId = t.Id, At = now, Action = action, Title = TicketMachine.Zh(action), ActorId = actor.SubjectId,
            ActorName = actor.DisplayName, Note = changed.Value, Public = publicEntry,
        });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return TicketConflicts.Stale<Ticket>();
        }
        await AuditAsync(actor, t, action, "success", ct);
        // Tickets merged into this one are answered with it: each citizen gets the reply and a callback.
        if (action is TicketMachine.ApproveReply or TicketMachine.CloseDirectly)
            await Duplicates.MergedReplies.PropagateAsync(db, t, now, ct);
        return t;
    }

    private Task AuditAsync(Actor actor, Ticket t, string action, string outcome, CancellationToken ct) =>
        audit.WriteAsync(new AuditEvent("hotline.ticket." + action.Replace('-', '_'), "ticket", t.Number, outcome, actor,
            new { status = TicketStatuses.Key(t.Status), unit = t.LeadUnitName }), ct);
}
