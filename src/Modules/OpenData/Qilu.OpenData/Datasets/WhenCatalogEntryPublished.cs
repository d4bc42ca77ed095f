using Qilu.Catalog.Contracts;
using Qilu.OpenData.Data;
using Qilu.Platform.Events;

namespace Qilu.OpenData.Datasets;

/// <summary>Remembers a published catalog entry as a candidate its unit's publisher may open (idempotent by event
/// id and by the entry id key).</summary>
internal sealed class WhenCatalogEntryPublished(OpenDataDbContext db, TimeProvider clock) : IIntegrationEventHandler<CatalogEntryPublished>
{
    private const string Handler = "opendata.candidates.entry_published";

    public async Task HandleAsync(CatalogEntryPublished integrationEvent, CancellationToken cancellationToken)
    {
        var e = integrationEvent;
        if (await db.AlreadyProcessedAsync(e, Handler, cancellationToken)) return;
        var candidate = await db.Candidates.FindAsync([e.EntryId], cancellationToken);
        if (candidate is null) db.Candidates.Add(candidate = new CandidateEntry { EntryId = e.EntryId });
        if (candidate.VersionNumber <= e.VersionNumber)
        {
            candidate.Code = e.Code;
            candidate.ProviderUnitId = e.ProviderUnitId;
            candidate.VersionNumber = e.VersionNumber;
            candidate.PublishedAt = e.PublishedAt;
        }
        db.MarkProcessed(e, Handler, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
    }
}
