using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qilu.Catalog.BaseList;
using Qilu.Catalog.Contracts;
using Qilu.Catalog.Data;
using Qilu.Catalog.Elements;
using Qilu.Catalog.Entries;
using Qilu.Identity.Contracts;
using Qilu.Platform.Hosting;

namespace Qilu.Catalog.Seed;

/// <summary>
/// Demo catalog on top of the Identity demo province (runs after it): the standard elements get their provincial
/// source units (一数一源), every department of 济南 and 青岛 claims and publishes its base-list items, and the
/// civil-affairs bureaus of 历下区 and 市南区 have entries in every state (published, awaiting review, draft).
/// </summary>
internal sealed class CatalogDemoSeeder : IDemoSeeder
{
    public const string SeedActor = "demo-seed";
    public const string SeedReviewer = "demo-seed-reviewer";

    public int Order => 300;

    public string Name => DemoSeederNames.CatalogEntries;

    /// <summary>The providing units (Identity demo).</summary>
    public IReadOnlyCollection<string>? DependsOn => [DemoSeederNames.IdentityProvince];

    public async Task<IReadOnlyList<DemoCredential>> SeedAsync(IServiceProvider services, CancellationToken ct)
    {
        using var scope = services.CreateScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<CatalogDbContext>();
        if (await db.Entries.AnyAsync(ct)) return [];
        var directory = sp.GetRequiredService<IOrganisationDirectory>();
        var now = sp.GetRequiredService<TimeProvider>().GetUtcNow();

        var kinds = StandardElements.All.ToDictionary(d => d.Identifier, d => d.SourceKind);
        foreach (var element in await db.Elements.ToListAsync(ct))
        {
            if (element.SourceUnitId is null && kinds.TryGetValue(element.Identifier, out var kind))
                element.SourceUnitId = (await directory.FindResponsibleUnitAsync(kind, "370000", ct))?.Id;
        }
        await db.SaveChangesAsync(ct);

        var baseList = await db.BaseList.AsNoTracking().OrderBy(b => b.Code).ToListAsync(ct);
        var minute = 0;
        foreach (var city in new[] { "370100", "370200" })
        {
            foreach (var item in baseList)
            {
                var unit = await directory.FindResponsibleUnitAsync(item.DepartmentKind, city, ct);
                if (unit is null || unit.DivisionCode != city) continue;
                await AddAsync(db, unit, item, Stage.Published, now.AddMinutes(-(++minute * 7)), ct);
            }
        }
        var civil = baseList.Where(b => b.DepartmentKind == "civil_affairs").ToList();
        foreach (var (county, lastStage) in new[] { ("370102", Stage.Submitted), ("370202", Stage.Draft) })
        {
            var unit = await directory.FindResponsibleUnitAsync("civil_affairs", county, ct);
            if (unit is null || unit.DivisionCode != county) continue;
            for (var i = 0; i < civil.Count; i++)
                await AddAsync(db, unit, civil[i], i == civil.Count - 1 ? lastStage : Stage.Published, now.AddMinutes(-(++minute * 7)), ct);
        }
        return [];
    }

    private enum Stage { Draft, Submitted, Published }


    /// <summary>
    /// 接口 for every shared demo entry, and 核验 too where the entry describes people or enterprises by their number
    /// (公民身份号码, 统一社会信用代码): a consumer may then ask "does this name match this ID number" of the demo 低保 table
    /// with the demo grant, instead of reading the rows (原始数据不出域).
    /// </summary>
    private static ShareMethod[] MethodsOf(BaseListItem item) =>
        item.ShareType != ShareType.NotShared && ListBaseList.Fields(item).Any(f => f.Element is StandardElementIds.IdNumber or StandardElementIds.CreditCode)
            ? [ShareMethod.Api, ShareMethod.Verification]
            : [ShareMethod.Api];

    private static async Task AddAsync(CatalogDbContext db, UnitInfo unit, BaseListItem item, Stage stage, DateTimeOffset at, CancellationToken ct)
    {
        var input = new EntryInput(item.Name, item.Category, item.Theme, item.Abstract, item.ShareType, item.ShareCondition, item.LegalBasis,
            MethodsOf(item), item.OpenType, item.Format, item.UpdateCycle, $"{unit.Name}业务系统", null,
            new GradingInput(["领域", "群体", "规模"], item.ImpactObject, item.ImpactDegree, "演示数据"),
            [.. ListBaseList.Fields(item).Select(f => new ItemInput(f.Name, f.Element, null, null))]);
        var version = new EntryVersion { Number = 1, ProviderUnitId = unit.Id, ProviderName = unit.Name, ProviderDivisionCode = unit.DivisionCode, CreatedAt = at };
        var validation = await EntryInputRules.ApplyAsync(input, version, db, ct);
        if (!validation.IsValid)
            throw new InvalidOperationException($"Base-list item {item.Code} does not pass validation: {string.Join("; ", validation.Errors)}");
        var entry = new CatalogEntry
        {
            Code = await EntryCodes.NextAsync(db, version.Category, unit.DivisionCode, ct), ProviderUnitId = unit.Id, ProviderName = unit.Name,
            ProviderCode = unit.CreditCode, ProviderDivisionCode = unit.DivisionCode, BaseItemCode = item.Code, WorkingNumber = 1, CreatedAt = at, UpdatedAt = at,
        };
        version.EntryId = entry.Id;
        version.Code = entry.Code;
        EntryInputRules.Regrade(version);
        entry.Versions.Add(version);
        if (stage >= Stage.Submitted) entry.Submit(SeedActor, at);
        if (stage == Stage.Published)
        {
            var problems = PublicationCheck.Errors(version);
            if (problems.Count > 0) throw new InvalidOperationException($"Base-list item {item.Code} cannot be published: {string.Join("; ", problems)}");
            entry.Approve(SeedReviewer, "演示数据：审核通过", at);
            CatalogOutbox.Add(db, new CatalogEntryPublished(entry.Id, entry.Code, 1, unit.Id, version.Grade, version.ShareType, at) { OccurredAt = at }, at);
        }
        db.Entries.Add(entry);
        Search.SearchDoc.Sync(db, entry, null);
        await db.SaveChangesAsync(ct);
    }
}
