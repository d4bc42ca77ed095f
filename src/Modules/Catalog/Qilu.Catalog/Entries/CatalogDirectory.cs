using Microsoft.EntityFrameworkCore;
using Qilu.Catalog.Contracts;
using Qilu.Catalog.Data;

namespace Qilu.Catalog.Entries;

/// <summary>The <see cref="ICatalogDirectory"/> other modules read through: published versions and active elements only.</summary>
internal sealed class CatalogDirectory(CatalogDbContext db) : ICatalogDirectory
{
    public async Task<CatalogEntryInfo?> FindPublishedEntryAsync(Guid entryId, CancellationToken ct = default) =>
        ToInfo(await EntryAccess.WithVersions(db).AsNoTracking().AsSplitQuery().FirstOrDefaultAsync(e => e.Id == entryId && e.PublishedNumber != null, ct));

    public async Task<CatalogEntryInfo?> FindPublishedEntryByCodeAsync(string code, CancellationToken ct = default) =>
        ToInfo(await EntryAccess.WithVersions(db).AsNoTracking().AsSplitQuery().FirstOrDefaultAsync(e => e.Code == code && e.PublishedNumber != null, ct));

    public async Task<IReadOnlyList<CatalogEntryInfo>> ListPublishedEntriesAsync(Guid providerUnitId, CancellationToken ct = default) =>
        [.. (await EntryAccess.WithVersions(db).AsNoTracking().AsSplitQuery()
                .Where(e => e.ProviderUnitId == providerUnitId && e.PublishedNumber != null).OrderBy(e => e.Code).ToListAsync(ct))
            .Select(ToInfo).OfType<CatalogEntryInfo>()];

    public async Task<IReadOnlyList<InformationItemInfo>> FieldGradesAsync(Guid entryId, CancellationToken ct = default) =>
        (await FindPublishedEntryAsync(entryId, ct))?.Items ?? [];

    public async Task<DataElementInfo?> FindElementAsync(string identifier, CancellationToken ct = default) =>
        (await db.Elements.AsNoTracking().FirstOrDefaultAsync(e => e.Identifier == identifier && e.Status == "active", ct))?.ToInfo();

    public async Task<IReadOnlyList<DataElementInfo>> ListElementsAsync(CancellationToken ct = default) =>
        [.. (await db.Elements.AsNoTracking().Where(e => e.Status == "active").OrderBy(e => e.Identifier).ToListAsync(ct)).Select(e => e.ToInfo())];

    private static CatalogEntryInfo? ToInfo(CatalogEntry? e)
    {
        if (e?.Published is not { } p) return null;
        return new CatalogEntryInfo(e.Id, e.Code, p.Name, p.Category, p.Theme, e.ProviderUnitId, e.ProviderName, e.ProviderCode, e.ProviderDivisionCode,
            p.Abstract, p.ShareType, p.ShareCondition, p.LegalBasis, p.Methods, p.OpenType, p.Format, p.UpdateCycle, p.Grade, p.Number, p.PublishedAt,
            [.. p.Items.OrderBy(i => i.Seq).Select(i => new InformationItemInfo(i.Name, i.ElementIdentifier, i.DataType, i.Grade, GradePolicy.MaskingFor(i.Grade)))]);
    }
}
