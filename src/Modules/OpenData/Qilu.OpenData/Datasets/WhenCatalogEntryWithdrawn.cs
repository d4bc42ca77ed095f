using Microsoft.EntityFrameworkCore;
using Qilu.Catalog.Contracts;
using Qilu.OpenData.Data;
using Qilu.Platform.Audit;
using Qilu.Platform.Events;
using Qilu.SharedKernel.Actors;

namespace Qilu.OpenData.Datasets;

/// <summary>
/// A catalog entry was withdrawn (下线): its open datasets go offline at once (the portal, the CKAN API and the DCAT
/// catalog stop showing them; approved keys stop working because the dataset is no longer published) and it is no
/// longer a candidate. Idempotent by event id.
/// </summary>
internal sealed class WhenCatalogEntryWithdrawn(OpenDataDbContext db, IAuditWriter audit, TimeProvider clock) : IIntegrationEventHandler<CatalogEntryWithdrawn>
{
    private const string Handler = "opendata.datasets.entry_withdrawn";

    private static readonly Actor System = new(ActorKind.SystemClient, "opendata", "开放数据（目录下线）", null, null,
        new HashSet<string>(), new HashSet<string>(), RealNameLevel.None);

    public async Task HandleAsync(CatalogEntryWithdrawn integrationEvent, CancellationToken cancellationToken)
    {
        var e = integrationEvent;
        if (await db.AlreadyProcessedAsync(e, Handler, cancellationToken)) return;
        var now = clock.GetUtcNow();
        var datasets = await db.Datasets.Where(d => d.EntryId == e.EntryId && d.State == DatasetState.Published).ToListAsync(cancellationToken);
        foreach (var d in datasets)
        {
            d.State = DatasetState.Withdrawn;
            d.WithdrawnAt = now;
            d.WithdrawReason = e.Reason.Length > 1000 ? e.Reason[..1000] : e.Reason;
            d.ModifiedAt = now;
        }
        if (await db.Candidates.FindAsync([e.EntryId], cancellationToken) is { } candidate) db.Candidates.Remove(candidate);
        db.MarkProcessed(e, Handler, now);
        await db.SaveChangesAsync(cancellationToken);
        foreach (var d in datasets)
            await audit.WriteAsync(new AuditEvent("opendata.datasets.withdrawn", "dataset", d.Id.ToString(), "success", System,
                new { d.Name, e.Code, e.Reason }), cancellationToken);
    }
}
