using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qilu.Catalog.Auditing;
using Qilu.Catalog.Contracts;
using Qilu.Catalog.Data;
using Qilu.Catalog.Resources;
using Qilu.Catalog.Resources.Import;
using Qilu.Identity.Contracts;
using Qilu.Platform.Cryptography.Fields;
using Qilu.SharedKernel.Actors;

namespace Qilu.Catalog.Seed;

/// <summary>
/// A demo table behind a demo entry, made the way a unit's data officer makes one: the mount and import use cases
/// (rows validated against their elements, personal fields sealed). Nothing happens when the unit or its entry is
/// missing or the entry already has resources, so a restart seeds nothing twice.
/// </summary>
internal static class DemoTable
{
    /// <summary>The unit responsible for <paramref name="unitKind"/> at <paramref name="division"/> mounts
    /// <paramref name="table"/> on its entry <paramref name="entryName"/> and imports <paramref name="csv"/>; every row
    /// must be accepted.</summary>
    public static async Task SeedAsync(IServiceProvider services, string unitKind, string division, string entryName, bool publishedOnly,
        MountTable.Request table, string fileName, string csv, CancellationToken ct)
    {
        using var scope = services.CreateScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<CatalogDbContext>();
        var unit = await sp.GetRequiredService<IOrganisationDirectory>().FindResponsibleUnitAsync(unitKind, division, ct);
        if (unit is null || unit.DivisionCode != division) return;
        var entryId = await db.Entries.AsNoTracking()
            .Where(e => e.ProviderUnitId == unit.Id && (!publishedOnly || e.PublishedNumber != null) && e.Versions.Any(v => v.Name == entryName))
            .Select(e => (Guid?)e.Id).FirstOrDefaultAsync(ct);
        if (entryId is null || await db.Resources.AnyAsync(r => r.EntryId == entryId, ct)) return;

        var actor = new Actor(ActorKind.Official, "demo-seed", "演示数据专员", unit.DivisionCode, unit.Id, new HashSet<string> { "data_officer" },
            new HashSet<string> { CatalogPermissions.ResourcesManage }, RealNameLevel.InPerson);
        var clock = sp.GetRequiredService<TimeProvider>();
        var audit = sp.GetRequiredService<CatalogAudit>();
        var mounted = await MountTable.HandleAsync(actor, entryId.Value, table, db, clock, audit, ct);
        if (!mounted.IsSuccess) throw new InvalidOperationException($"Demo table {table.Name} cannot be mounted: {string.Join("; ", mounted.Errors)}");
        db.ChangeTracker.Clear();
        await using var stream = new MemoryStream(Encoding.UTF8.GetBytes(csv));
        var imported = await ImportTable.HandleAsync(actor, mounted.Value.Id, "csv", fileName, false, stream, null, db,
            sp.GetRequiredService<IFieldProtector>(), clock, audit, ct);
        if (!imported.IsSuccess) throw new InvalidOperationException($"Demo rows of {table.Name} cannot be imported: {string.Join("; ", imported.Errors)}");
        if (imported.Value.Rejected > 0) throw new InvalidOperationException($"Demo rows of {table.Name}: {imported.Value.Rejected} rows rejected");
    }
}
