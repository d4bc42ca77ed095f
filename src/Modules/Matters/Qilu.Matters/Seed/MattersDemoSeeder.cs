using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qilu.Identity.Contracts;
using Qilu.Matters.Auditing;
using Qilu.Matters.Bundles;
using Qilu.Matters.Catalog;
using Qilu.Matters.Contracts;
using Qilu.Matters.Data;
using Qilu.Platform.Hosting;
using Qilu.SharedKernel.Actors;
using Qilu.SharedKernel.Results;

namespace Qilu.Matters.Seed;

/// <summary>
/// Seeds the demo catalog once, through the same use cases officials use (so the reference data passes every rule):
/// the standard matters of <see cref="SeedCatalog"/>, a province-wide implementation of each by the provincial
/// department of its kind, a 历下区 implementation of 社会保障卡申领 with local phones and a shorter promise (so the
/// deviation report has something to show), and the four bundles, all published.
/// </summary>
internal sealed class MattersDemoSeeder : IDemoSeeder
{
    public int Order => 300;

    public string Name => DemoSeederNames.Matters;

    /// <summary>The implementing provincial and 历下区 departments (Identity demo).</summary>
    public IReadOnlyCollection<string>? DependsOn => [DemoSeederNames.IdentityProvince];

    private static readonly Actor Seeder = new(ActorKind.Official, "system:matters-seed", "事项目录初始化", CatalogScope.Province, null,
        new HashSet<string>(), new HashSet<string>([MattersPermissions.CatalogRead, MattersPermissions.CatalogEdit, MattersPermissions.CatalogPublish, MattersPermissions.CatalogTransfer]),
        RealNameLevel.None);

    public async Task<IReadOnlyList<DemoCredential>> SeedAsync(IServiceProvider services, CancellationToken ct)
    {
        using var scope = services.CreateScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<MattersDbContext>();
        if (await db.Matters.AnyAsync(ct)) return [];
        var directory = sp.GetRequiredService<IOrganisationDirectory>();
        var clock = sp.GetRequiredService<TimeProvider>();
        var audit = MattersAudit.ForSeeding();
        var catalog = sp.GetRequiredService<MatterCatalog>();
        foreach (var s in SeedCatalog.Matters)
        {
            var created = Must(await CreateStandardMatter.HandleAsync(Seeder, new CreateStandardMatter.Request(s.Code, MatterLevel.Main, null, s.Type, s.Content), db, clock, audit, ct));
            var published = Must(await PublishMatter.HandleAsync(Seeder, created.Id, created.Revision, db, clock, audit, ct));
            _ = published;
            var unit = await directory.FindResponsibleUnitAsync(s.Content.Routing!.UnitKind, CatalogScope.Province, ct)
                ?? throw new InvalidOperationException($"No provincial {s.Content.Routing.UnitKind} unit to implement {s.Code}.");
            var impl = Must(await CreateImplementation.HandleAsync(Seeder, new CreateImplementation.Request(created.Id, CatalogScope.Province, unit.Id,
                new MatterContent { Location = "山东省政务服务中心（济南市历下区）", Hours = s.Content.Hours, ConsultPhone = "0531-88562345", SupervisionPhone = "12345" }),
                db, directory, clock, audit, ct));
            Must(await PublishMatter.HandleAsync(Seeder, impl.Id, impl.Revision, db, clock, audit, ct));
        }
        var card = await db.Matters.FirstAsync(m => m.StandardId == null && m.BasicCode == "371100104000", ct);
        if (await directory.FindResponsibleUnitAsync("hrss", "370102", ct) is { } lixia && lixia.DivisionCode == "370102")
        {
            var local = Must(await CreateImplementation.HandleAsync(Seeder, new CreateImplementation.Request(card.Id, "370102", lixia.Id,
                new MatterContent { PromisedLimitDays = 3, Location = "历下区政务服务中心（济南市历下区龙奥北路）", Hours = "工作日 9:00-17:00（周六上午延时服务）", ConsultPhone = "0531-86081234", SupervisionPhone = "12345" }),
                db, directory, clock, audit, ct));
            Must(await PublishMatter.HandleAsync(Seeder, local.Id, local.Revision, db, clock, audit, ct));
        }
        foreach (var (code, content) in SeedCatalog.Bundles)
        {
            var saved = Must(await SaveBundle.HandleAsync(Seeder, CatalogScope.Province, code, new SaveBundle.Request(null, content), db, catalog, clock, audit, ct));
            Must(await PublishBundle.HandleAsync(Seeder, CatalogScope.Province, code, saved.Revision, db, catalog, clock, audit, ct));
        }
        return [];
    }

    private static T Must<T>(Result<T> result) => result.IsSuccess ? result.Value
        : throw new InvalidOperationException("Demo catalog seed failed: " + string.Join("; ", result.Errors));
}
