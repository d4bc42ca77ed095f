using Microsoft.EntityFrameworkCore;
using Qilu.Catalog.Contracts;
using Qilu.Catalog.Data;
using Qilu.Catalog.Entries;
using Qilu.Identity.Contracts;
using Qilu.SharedKernel.Actors;

namespace Qilu.Catalog.Resources;

/// <summary>
/// Who may do what with mounted resources. The providing unit manages them (mount, import, answer objections); the
/// big-data bureau of an enclosing division sees them as reviewer (quality, raise quality issues); any reader sees the
/// metadata of a published entry's resources (never rows: rows leave only through <see cref="IResourceRows"/>).
/// Outside that, "not found".
/// </summary>
internal static class ResourceAccess
{
    public static bool CanManage(Actor actor, Guid providerUnitId) =>
        actor.Has(CatalogPermissions.ResourcesManage) && actor.DepartmentId == providerUnitId;

    public static bool CanOversee(Actor actor, UnitInfo? unit, string providerDivisionCode) =>
        actor.Has(CatalogPermissions.EntriesReview) && EntryAccess.IsBigDataBureau(unit) && actor.CanSeeDivision(providerDivisionCode);

    /// <summary>The entry when the actor may see it (published, own unit or reviewer), else null.</summary>
    public static async Task<CatalogEntry?> VisibleEntryAsync(CatalogDbContext db, Actor actor, UnitInfo? unit, Guid entryId, CancellationToken ct)
    {
        if (!actor.Has(CatalogPermissions.EntriesRead)) return null;
        var entry = await EntryAccess.WithVersions(db).AsNoTracking().AsSplitQuery().FirstOrDefaultAsync(e => e.Id == entryId, ct);
        if (entry is null) return null;
        return entry.PublishedNumber is not null || actor.DepartmentId == entry.ProviderUnitId || EntryAccess.CanReview(actor, unit, entry) ? entry : null;
    }

    /// <summary>The resource when the actor manages it or oversees it as bureau, else null.</summary>
    public static async Task<MountedResource?> ManagedOrOverseenAsync(CatalogDbContext db, Actor actor, UnitInfo? unit, Guid id, bool tracking, CancellationToken ct)
    {
        var q = tracking ? db.Resources : db.Resources.AsNoTracking();
        var r = await q.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (r is null) return null;
        return CanManage(actor, r.ProviderUnitId) || (actor.DepartmentId == r.ProviderUnitId && actor.Has(CatalogPermissions.EntriesRead))
            || CanOversee(actor, unit, r.ProviderDivisionCode) ? r : null;
    }
}
