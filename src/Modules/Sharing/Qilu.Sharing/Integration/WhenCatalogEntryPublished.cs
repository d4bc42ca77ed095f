using Microsoft.EntityFrameworkCore;
using Qilu.Catalog.Contracts;
using Qilu.Platform.Events;
using Qilu.Sharing.Data;
using Qilu.Sharing.Grants;

namespace Qilu.Sharing.Integration;

/// <summary>
/// A new published version of a catalog entry may offer fewer 共享方式 (the provider stops 接口 and keeps 核验, say): the
/// grants on it keep only the methods both they and the entry's published version allow, so the gateway refuses the
/// others from the next call on. A grant never gains a method it was not approved with. Grants saved here are invalidated
/// in the gateway's grant cache by the context's SaveChanges, as every grant change is.
/// </summary>
internal sealed class WhenCatalogEntryPublished(SharingDbContext db, ICatalogDirectory catalog, TimeProvider clock) : IIntegrationEventHandler<CatalogEntryPublished>
{
    private const string Handler = nameof(WhenCatalogEntryPublished);

    public async Task HandleAsync(CatalogEntryPublished integrationEvent, CancellationToken cancellationToken)
    {
        if (await db.AlreadyProcessedAsync(integrationEvent, Handler, cancellationToken)) return;
        // The entry as published now (a later version may already have replaced the one this event names; narrowing by
        // the current one is what the gateway should enforce).
        var entry = await catalog.FindPublishedEntryAsync(integrationEvent.EntryId, cancellationToken);
        if (entry is not null)
        {
            foreach (var g in await db.Grants.Where(g => g.EntryId == integrationEvent.EntryId && (g.Status == GrantStatus.Active || g.Status == GrantStatus.Suspended))
                         .ToListAsync(cancellationToken))
            {
                var narrowed = Grant.FormatShareMethods(entry.ShareMethods.Where(g.Allows));
                if (narrowed != g.ShareMethods) g.ShareMethods = narrowed;
            }
        }
        db.MarkProcessed(integrationEvent, Handler, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
    }
}
