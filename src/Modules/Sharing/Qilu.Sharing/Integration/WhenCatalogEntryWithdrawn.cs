using Microsoft.EntityFrameworkCore;
using Qilu.Catalog.Contracts;
using Qilu.Platform.Events;
using Qilu.Sharing.Applications;
using Qilu.Sharing.Data;
using Qilu.Sharing.Grants;

namespace Qilu.Sharing.Integration;

/// <summary>
/// A withdrawn catalog entry (下线) ends every grant on it (state Withdrawn, with the catalog's reason) and refuses the
/// applications still pending, in one transaction with the inbox record (exactly-once effect under at-least-once delivery).
/// </summary>
internal sealed class WhenCatalogEntryWithdrawn(SharingDbContext db, TimeProvider clock) : IIntegrationEventHandler<CatalogEntryWithdrawn>
{
    private const string Handler = nameof(WhenCatalogEntryWithdrawn);

    public async Task HandleAsync(CatalogEntryWithdrawn integrationEvent, CancellationToken cancellationToken)
    {
        if (await db.AlreadyProcessedAsync(integrationEvent, Handler, cancellationToken)) return;
        var now = clock.GetUtcNow();
        var reason = $"目录 {integrationEvent.Code} 已下线：{integrationEvent.Reason}";
        if (reason.Length > 1000) reason = reason[..1000];
        foreach (var g in await db.Grants.Where(g => g.EntryId == integrationEvent.EntryId && (g.Status == GrantStatus.Active || g.Status == GrantStatus.Suspended))
                     .ToListAsync(cancellationToken))
        {
            g.Status = GrantStatus.Withdrawn;
            g.StatusReason = reason;
            g.StatusChangedAt = now;
        }
        foreach (var a in await db.Applications.Include(a => a.Steps)
                     .Where(a => a.EntryId == integrationEvent.EntryId && (a.Status == ApplicationStatus.Conformity || a.Status == ApplicationStatus.ProviderApproval))
                     .ToListAsync(cancellationToken))
            a.Refuse("catalog", "数据目录", reason, now);
        db.MarkProcessed(integrationEvent, Handler, now);
        await db.SaveChangesAsync(cancellationToken);
    }
}
