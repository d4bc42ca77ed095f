using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Qilu.Catalog.Contracts;
using Qilu.Identity.Contracts;
using Qilu.OpenData.Contracts;
using Qilu.OpenData.Data;
using Qilu.OpenData.Datasets;
using Qilu.OpenData.UseCases;
using Qilu.Platform.Events;
using Qilu.Platform.Hosting;
using Qilu.SharedKernel.Actors;

namespace Qilu.OpenData.Seed;

/// <summary>
/// Demo open data (after the catalog demo, Order 300): the published open entries of 济南's 民政 and 市场监管 bureaus
/// are opened through the same use case a publisher uses, acting as each unit's data officer. 社会组织登记信息 comes with
/// the 300-row table Catalog's demo resource seeder (Order 350) mounted and imported on it, so the portal shows a
/// preview, downloads and <c>datastore_search</c> on real rows. Needs Catalog's
/// <see cref="IResourceRows"/> for the resources; without it the seeder does nothing.
/// </summary>
internal sealed class OpenDataDemoSeeder : IDemoSeeder
{
    public int Order => 400;

    public string Name => DemoSeederNames.OpenData;

    /// <summary>Opens published entries (their outbox events make the candidates) with the demo table's rows.</summary>
    public IReadOnlyCollection<string>? DependsOn => [DemoSeederNames.IdentityProvince, DemoSeederNames.CatalogEntries, DemoSeederNames.CatalogResources];

    private static readonly (string Kind, string Entry, string[] Tags)[] Picks =
    [
        ("civil_affairs", "社会组织登记信息", ["社会组织", "民政"]),
        ("civil_affairs", "行政区划信息", ["行政区划", "邮政编码"]),
        ("market", "市场主体登记信息", ["企业", "营商环境"]),
        ("market", "企业经营异常名录", ["信用", "企业"]),
        ("market", "市场主体行政处罚信息", ["信用", "行政处罚"]),
    ];

    public async Task<IReadOnlyList<DemoCredential>> SeedAsync(IServiceProvider services, CancellationToken ct)
    {
        // Qilu:OpenData:DemoDatasets=false lets a suite start from an empty portal while the rest of the demo is seeded.
        if (services.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>().GetValue("Qilu:OpenData:DemoDatasets", true) is false) return [];
        foreach (var dispatcher in services.GetServices<IOutboxDispatcher>()) await dispatcher.DispatchPendingAsync(ct);
        using var scope = services.CreateScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<OpenDataDbContext>();
        var rows = sp.GetService<IResourceRows>();
        if (rows is null || await db.Datasets.AnyAsync(ct)) return [];
        var catalog = sp.GetRequiredService<ICatalogDirectory>();
        var units = sp.GetRequiredService<IOrganisationDirectory>();
        foreach (var (kind, name, tags) in Picks)
        {
            var unit = await units.FindResponsibleUnitAsync(kind, "370100", ct);
            if (unit is null) continue;
            foreach (var id in await db.Candidates.AsNoTracking().Where(c => c.ProviderUnitId == unit.Id).Select(c => c.EntryId).ToListAsync(ct))
            {
                var entry = await catalog.FindPublishedEntryAsync(id, ct);
                if (entry?.Name != name) continue;
                var actor = new Actor(ActorKind.Official, "demo-seed", "演示数据专员", unit.DivisionCode, unit.Id, new HashSet<string> { "data_officer" },
                    new HashSet<string> { OpenDataPermissions.Publish }, RealNameLevel.InPerson);
                await PublishDataset.HandleAsync(actor, new PublishDataset.Request(id, null, null, tags, null, null), db, catalog, rows,
                    sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<OpenDataAudit>(), ct);
            }
        }
        return [];
    }
}
