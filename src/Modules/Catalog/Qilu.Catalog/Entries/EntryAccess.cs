using Microsoft.EntityFrameworkCore;
using Qilu.Catalog.Contracts;
using Qilu.Catalog.Data;
using Qilu.Identity.Contracts;
using Qilu.SharedKernel.Actors;

namespace Qilu.Catalog.Entries;

/// <summary>
/// Who may do what with an entry. A unit edits only its own entries; the big-data bureau (unit kind <c>bigdata</c>)
/// of a division reviews the entries of its subtree; everybody with read permission sees published versions.
/// Anything else is "not found", so scope never reveals existence.
/// </summary>
internal static class EntryAccess
{
    public const string BigDataKind = "bigdata";

    public static IQueryable<CatalogEntry> WithVersions(CatalogDbContext db) =>
        db.Entries.Include(e => e.Versions).ThenInclude(v => v.Items);

    public static bool CanEdit(Actor actor, CatalogEntry entry) =>
        actor.Has(CatalogPermissions.EntriesEdit) && actor.DepartmentId == entry.ProviderUnitId;

    public static bool CanReview(Actor actor, UnitInfo? unit, CatalogEntry entry) =>
        actor.Has(CatalogPermissions.EntriesReview) && IsBigDataBureau(unit) && actor.CanSeeDivision(entry.ProviderDivisionCode);

    public static bool IsBigDataBureau(UnitInfo? unit) => unit is { Kind: BigDataKind };

    public static async Task<UnitInfo?> UnitOfAsync(Actor actor, IOrganisationDirectory directory, CancellationToken ct) =>
        actor.DepartmentId is { } id ? await directory.FindUnitAsync(id, ct) : null;

    /// <summary>The entry when the actor may edit it (own unit), else null.</summary>
    public static async Task<CatalogEntry?> FindEditableAsync(CatalogDbContext db, Actor actor, Guid id, CancellationToken ct)
    {
        if (actor.DepartmentId is not { } unit) return null;
        return await WithVersions(db).AsSplitQuery().FirstOrDefaultAsync(e => e.Id == id && e.ProviderUnitId == unit, ct);
    }

    /// <summary>The entry when the actor may review it (big-data bureau of an enclosing division), else null.</summary>
    public static async Task<CatalogEntry?> FindReviewableAsync(CatalogDbContext db, Actor actor, UnitInfo? unit, Guid id, CancellationToken ct)
    {
        if (!IsBigDataBureau(unit) || actor.DivisionCode is null) return null;
        var prefix = DivisionScope.PrefixOf(actor.DivisionCode);
        return await WithVersions(db).AsSplitQuery().FirstOrDefaultAsync(e => e.Id == id && e.ProviderDivisionCode.StartsWith(prefix), ct);
    }
}
