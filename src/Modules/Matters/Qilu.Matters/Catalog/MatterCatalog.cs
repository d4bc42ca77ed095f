using Microsoft.EntityFrameworkCore;
using Qilu.Matters.Bundles;
using Qilu.Matters.Contracts;
using Qilu.Matters.Data;

namespace Qilu.Matters.Catalog;

/// <summary>
/// The <see cref="IMatterCatalog"/> other modules read: published versions only, the standard merged with the nearest
/// implementation along the division's ancestry.
/// </summary>
internal sealed class MatterCatalog(MattersDbContext db) : IMatterCatalog
{
    public async Task<MatterDefinition?> FindMatterAsync(string basicCode, string divisionCode, CancellationToken ct = default)
    {
        var ancestry = CatalogScope.Ancestry(divisionCode);
        var candidates = await db.Matters.AsNoTracking()
            .Where(m => m.BasicCode == basicCode && m.StandardId != null && m.PublishedVersion != null && ancestry.Contains(m.DivisionCode))
            .ToListAsync(ct);
        var nearest = ancestry.Select(a => candidates.Where(c => c.DivisionCode == a).OrderBy(c => c.ImplementationCode, StringComparer.Ordinal).FirstOrDefault())
            .FirstOrDefault(c => c is not null);
        return nearest is null ? null : await DefineAsync(nearest, ct);
    }

    public async Task<MatterDefinition?> FindByImplementationCodeAsync(string implementationCode, CancellationToken ct = default)
    {
        var m = await db.Matters.AsNoTracking().FirstOrDefaultAsync(x => x.ImplementationCode == implementationCode && x.PublishedVersion != null, ct);
        return m is null ? null : await DefineAsync(m, ct);
    }

    public async Task<IReadOnlyList<MatterDefinition>> ListMattersAsync(string divisionCode, CancellationToken ct = default)
    {
        var codes = await db.Matters.AsNoTracking().Where(m => m.StandardId == null && m.PublishedVersion != null)
            .OrderBy(m => m.BasicCode).Select(m => m.BasicCode).ToListAsync(ct);
        var result = new List<MatterDefinition>();
        foreach (var code in codes)
            if (await FindMatterAsync(code, divisionCode, ct) is { } d) result.Add(d);
        return result;
    }

    public async Task<BundleDefinition?> FindBundleAsync(string bundleCode, string divisionCode, CancellationToken ct = default)
    {
        var ancestry = CatalogScope.Ancestry(divisionCode);
        var bundles = await db.Bundles.AsNoTracking()
            .Where(b => b.Code == bundleCode && b.PublishedContent != null && ancestry.Contains(b.DivisionCode)).ToListAsync(ct);
        var bundle = ancestry.Select(a => bundles.FirstOrDefault(b => b.DivisionCode == a)).FirstOrDefault(b => b is not null);
        if (bundle is null) return null;
        var content = BundleContent.FromJson(bundle.PublishedContent!);
        var members = new List<(MatterDefinition, string?)>();
        foreach (var m in content.Members)
        {
            var matter = await FindMatterAsync(m.BasicCode, divisionCode, ct);
            if (matter is null) return null;
            members.Add((matter, m.AppliesWhen));
        }
        return BundleMerger.Define(bundle, content, members);
    }

    public async Task<IReadOnlyList<BundleDefinition>> ListBundlesAsync(string divisionCode, CancellationToken ct = default)
    {
        var codes = await db.Bundles.AsNoTracking().Where(b => b.PublishedContent != null).Select(b => b.Code).Distinct().ToListAsync(ct);
        var result = new List<BundleDefinition>();
        foreach (var code in codes.Order(StringComparer.Ordinal))
            if (await FindBundleAsync(code, divisionCode, ct) is { } b) result.Add(b);
        return result;
    }

    public async Task<IReadOnlyList<string>> BundlesTriggeredByAsync(string eventName, CancellationToken ct = default)
    {
        var published = await db.Bundles.AsNoTracking().Where(b => b.PublishedContent != null).ToListAsync(ct);
        return [.. published.Where(b => BundleContent.FromJson(b.PublishedContent!).Offer?.TriggerEvent == eventName)
            .Select(b => b.Code).Distinct().Order(StringComparer.Ordinal)];
    }

    /// <summary>The published definition of an implementation (or standard).</summary>
    public async Task<MatterDefinition?> DefineAsync(Matter m, CancellationToken ct)
    {
        var standard = m.IsStandard ? m : await db.Matters.AsNoTracking().FirstAsync(s => s.Id == m.StandardId, ct);
        if (standard.PublishedVersion is null || m.PublishedVersion is null) return null;
        var standardContent = await ContentAsync(standard.Id, standard.PublishedVersion.Value, ct);
        var own = m.IsStandard ? standardContent : await ContentAsync(m.Id, m.PublishedVersion.Value, ct);
        return ToDefinition(m, standard, own.Over(standardContent), m.PublishedVersion.Value, standard.PublishedVersion.Value);
    }

    public async Task<MatterContent> ContentAsync(Guid matterId, int number, CancellationToken ct)
    {
        var json = await db.Versions.AsNoTracking().Where(v => v.MatterId == matterId && v.Number == number).Select(v => v.Content).FirstAsync(ct);
        return MatterContent.FromJson(json);
    }

    public static MatterDefinition ToDefinition(Matter m, Matter standard, MatterContent c, int version, int standardVersion) => new(
        m.Id, standard.Id, m.BasicCode, m.ImplementationCode, c.Name ?? m.Name, standard.Level, standard.ParentCode, standard.Type, m.DivisionCode,
        m.ImplementingUnitId is { } uid ? new ImplementingUnit(uid, m.ImplementingUnitName!, m.ImplementingUnitCreditCode!, m.ImplementingUnitKind!) : null,
        version, standardVersion, c.LegalBasis ?? "", c.AcceptanceConditions ?? "", c.Materials ?? [], c.Procedure ?? [],
        c.StatutoryLimitDays ?? 0, c.PromisedLimitDays ?? 0, c.Fee ?? new FeeDefinition(false), c.Location, c.Hours, c.ConsultPhone,
        c.SupervisionPhone, c.OnlineDepth ?? 1, c.OnSiteVisits ?? 0, c.Form ?? FormDefinition.Empty,
        c.Routing ?? new RoutingDefinition(m.ImplementingUnitKind ?? "", "null"), c.WorkflowKey ?? "", c.Keywords ?? []);
}
