using Microsoft.EntityFrameworkCore;
using Qilu.Matters.Contracts;
using Qilu.Matters.Data;
using Qilu.SharedKernel.Actors;

namespace Qilu.Matters.Catalog;

/// <summary>Views and draft bookkeeping shared by the catalog use cases.</summary>
internal static class MatterDrafts
{
    /// <summary>A matter in lists.</summary>
    public sealed record Item(Guid Id, string BasicCode, string DivisionCode, bool IsStandard, Guid? StandardId, MatterLevel Level, string? ParentCode,
        MatterType Type, string TypeName, string Name, string? ImplementationCode, ImplementingUnit? ImplementingUnit,
        int? PublishedVersion, int? DraftVersion, uint Revision, DateTimeOffset UpdatedAt);

    public static Item ToItem(Matter m) => new(m.Id, m.BasicCode, m.DivisionCode, m.IsStandard, m.StandardId, m.Level, m.ParentCode, m.Type,
        MatterTypeNames.Zh(m.Type), m.Name, m.ImplementationCode,
        m.ImplementingUnitId is { } u ? new ImplementingUnit(u, m.ImplementingUnitName!, m.ImplementingUnitCreditCode!, m.ImplementingUnitKind!) : null,
        m.PublishedVersion, m.DraftVersion, m.Revision, m.UpdatedAt);

    /// <summary>
    /// Writes <paramref name="own"/> as the matter's draft: into the open draft, or as a new version after the
    /// published one (editing a published matter never changes what is published).
    /// </summary>
    public static async Task SaveDraftAsync(MattersDbContext db, Matter m, MatterContent own, MatterContent effective, Actor actor, DateTimeOffset now, CancellationToken ct)
    {
        if (m.DraftVersion is { } n)
        {
            var draft = await db.Versions.FirstAsync(v => v.MatterId == m.Id && v.Number == n, ct);
            draft.Content = own.ToJson();
        }
        else
        {
            var next = (await db.Versions.Where(v => v.MatterId == m.Id).MaxAsync(v => (int?)v.Number, ct) ?? 0) + 1;
            db.Versions.Add(new MatterVersion
            {
                MatterId = m.Id, Number = next, Status = VersionStatus.Draft, Content = own.ToJson(), CreatedAt = now, CreatedBy = actor.SubjectId,
            });
            m.DraftVersion = next;
        }
        m.Name = effective.Name ?? m.Name;
        m.Keywords = string.Join(' ', effective.Keywords ?? []);
        m.UpdatedAt = now;
        m.Revision++;
    }

    /// <summary>The standard's published content, which implementations are edited against.</summary>
    public static async Task<MatterContent?> PublishedStandardAsync(MattersDbContext db, Guid standardId, CancellationToken ct)
    {
        var s = await db.Matters.AsNoTracking().FirstOrDefaultAsync(x => x.Id == standardId, ct);
        if (s?.PublishedVersion is not { } n) return null;
        var json = await db.Versions.AsNoTracking().Where(v => v.MatterId == s.Id && v.Number == n).Select(v => v.Content).FirstAsync(ct);
        return MatterContent.FromJson(json);
    }

    /// <summary>The content of the draft if any, else of the published version.</summary>
    public static async Task<MatterContent> LatestOwnAsync(MattersDbContext db, Matter m, CancellationToken ct)
    {
        var n = m.DraftVersion ?? m.PublishedVersion ?? 0;
        var json = await db.Versions.AsNoTracking().Where(v => v.MatterId == m.Id && v.Number == n).Select(v => v.Content).FirstOrDefaultAsync(ct);
        return json is null ? new MatterContent() : MatterContent.FromJson(json);
    }
}
