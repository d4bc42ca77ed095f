using Microsoft.EntityFrameworkCore;
using Qilu.Hotline.Data;
using Qilu.Identity.Contracts;
using Qilu.Platform.Audit;
using Qilu.SharedKernel.Actors;

namespace Qilu.Hotline.Tickets;

/// <summary>
/// The clock's side of the lifecycle. Escalation ladder: once the running deadline (签收 or 办理) is passed by the
/// ladder's hours (default 1 h / 4 h / 24 h), the ticket goes up one level to the supervising division of the handling
/// unit (county → city → province) and shows on that level's supervision board. Auto-close: a ticket waiting for its
/// callback longer than the configured period closes without a satisfaction (自动办结). Each change is saved under the
/// ticket's version, so two nodes sweeping at once apply it once.
/// </summary>
internal sealed class TicketTimers(HotlineDbContext db, IOrganisationDirectory directory, IAuditWriter audit, HotlineOptionsAccessor options, TimeProvider clock)
{
    private static readonly Actor System = new(ActorKind.SystemClient, "hotline.timers", "12345时限监控", null, null,
        new HashSet<string>(), new HashSet<string>(), RealNameLevel.None);

    /// <summary>Runs one sweep; returns how many tickets changed.</summary>
    public async Task<int> SweepAsync(CancellationToken ct)
    {
        var o = options.Value;
        var now = clock.GetUtcNow();
        var changed = 0;
        var ladder = o.EscalationHours;
        var firstStep = TimeSpan.FromHours(ladder.Length > 0 ? ladder[0] : double.MaxValue / 4);
        var limit = now - firstStep;
        var overdue = await db.Tickets
            .Where(t => t.EscalationLevel < ladder.Length
                && (t.Status == TicketStatus.Dispatched && t.SignDueAt < limit || t.Status == TicketStatus.Handling && t.DueAt < limit))
            .OrderBy(t => t.UpdatedAt).Take(500).ToListAsync(ct);
        foreach (var t in overdue)
        {
            var late = now - t.CurrentDeadline!.Value;
            var level = ladder.Count(h => late >= TimeSpan.FromHours(h));
            if (level <= t.EscalationLevel) continue;
            var ancestry = await directory.AncestryAsync(t.LeadUnitDivision ?? t.DivisionCode, ct);
            var target = ancestry.Count == 0 ? t.DivisionCode : ancestry[Math.Min(level, ancestry.Count - 1)].Code;
            var targetName = ancestry.Count == 0 ? target : ancestry[Math.Min(level, ancestry.Count - 1)].Name;
            t.EscalationLevel = level;
            t.EscalatedTo = target;
            t.UpdatedAt = now;
            var step = t.Status == TicketStatus.Dispatched ? "签收" : "办理";
            Add(t, now, "escalate", $"超时升级（{level}级）", $"{step}超时{late.TotalHours:0.#}小时，升级至{targetName}督办");
            if (await SaveAsync(ct)) { changed++; await AuditAsync("hotline.ticket.escalated", t, new { level, target }, ct); }
        }

        var closeBefore = now - TimeSpan.FromHours(o.AutoCloseHours);
        var stale = await db.Tickets.Where(t => t.Status == TicketStatus.AwaitingCallback && t.ReviewedAt < closeBefore)
            .OrderBy(t => t.ReviewedAt).Take(500).ToListAsync(ct);
        foreach (var t in stale)
        {
            t.Status = TicketStatus.Closed;
            t.ClosedAt = now;
            t.AutoClosed = true;
            t.UpdatedAt = now;
            Add(t, now, "auto-close", "自动办结", $"回访{o.AutoCloseHours:0.#}小时未果，自动办结");
            if (await SaveAsync(ct)) { changed++; await AuditAsync("hotline.ticket.auto_closed", t, null, ct); }
        }
        return changed;
    }

    private void Add(Ticket t, DateTimeOffset now, string action, string title, string note) =>
        db.Entries.Add(new TicketEntry { TicketId = t.Id, At = now, Action = action, Title = title, ActorId = System.SubjectId, ActorName = System.DisplayName, Note = note, Public = action == "auto-close" });

    private async Task<bool> SaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            // Someone acted on the ticket meanwhile (or another node swept it): the next sweep looks again.
            db.ChangeTracker.Clear();
            return false;
        }
    }

    private Task AuditAsync(string action, Ticket t, object? details, CancellationToken ct) =>
        audit.WriteAsync(new AuditEvent(action, "ticket", t.Number, "success", System, details), ct);
}
