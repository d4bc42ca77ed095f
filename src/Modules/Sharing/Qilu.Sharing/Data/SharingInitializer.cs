using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qilu.Catalog.Contracts;
using Qilu.Platform.Hosting;
using Qilu.Sharing.Grants;

namespace Qilu.Sharing.Data;

/// <summary>Applies the module's migrations at start-up, then records the share methods of grants issued before they were recorded.</summary>
internal sealed class SharingInitializer : IModuleInitializer
{
    public int Order => 210;

    public async Task InitializeAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SharingDbContext>();
        await db.Database.MigrateAsync(cancellationToken);
        await RecordShareMethodsAsync(db, scope.ServiceProvider.GetService<ICatalogDirectory>(), cancellationToken);
    }

    /// <summary>
    /// Grants issued before <see cref="Grant.ShareMethods"/> existed hold none, and the gateway would refuse every call on
    /// them: they take their entry's published methods once (the Catalog module initializes first, Order 200). An entry
    /// no longer published leaves the set empty — such a grant has ended anyway.
    /// </summary>
    internal static async Task RecordShareMethodsAsync(SharingDbContext db, ICatalogDirectory? catalog, CancellationToken ct)
    {
        if (catalog is null) return;
        var unrecorded = await db.Grants.Where(g => g.ShareMethods == "").ToListAsync(ct);
        if (unrecorded.Count == 0) return;
        foreach (var group in unrecorded.GroupBy(g => g.EntryId))
        {
            var entry = await catalog.FindPublishedEntryAsync(group.Key, ct);
            if (entry is null) continue;
            foreach (var g in group) g.ShareMethods = Grant.FormatShareMethods(entry.ShareMethods);
        }
        await db.SaveChangesAsync(ct);
    }
}
