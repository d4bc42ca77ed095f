using Qilu.Catalog.Contracts;
using Qilu.Catalog.Grading;

namespace Qilu.Catalog.Entries;

/// <summary>An information item as the API shows it, with its default masking.</summary>
internal sealed record ItemView(int Seq, string Name, string ElementIdentifier, string DataType, DataGrade Grade, MaskingRule Masking, string? Remark);

/// <summary>One version of an entry as the API shows it.</summary>
internal sealed record VersionView(int Number, EntryStatus Status, string Name, CatalogCategory Category, string? Theme, string Abstract,
    ShareType ShareType, string? ShareCondition, string? LegalBasis, IReadOnlyList<ShareMethod> ShareMethods, OpenType OpenType,
    ResourceFormat Format, string UpdateCycle, string? InformationSystem, DataGrade? DeclaredGrade, DataGrade Grade, string GradeDrivenBy,
    GradingFactors Grading, IReadOnlyList<ItemView> Items, DateTimeOffset? SubmittedAt, string? ReviewedBy, DateTimeOffset? ReviewedAt,
    string? ReviewComment, DateTimeOffset? PublishedAt);

/// <summary>An entry with its published version (what everyone sees) and, for its unit and reviewers, the working one.</summary>
internal sealed record EntryDetail(Guid Id, string Code, Guid ProviderUnitId, string ProviderName, string ProviderCode, string ProviderDivisionCode,
    string? BaseItemCode, bool Withdrawn, uint Version, VersionView? Published, VersionView? Working, bool CanEdit, bool CanReview);

/// <summary>A row of the unit's or the reviewer's entry lists.</summary>
internal sealed record EntrySummary(Guid Id, string Code, string Name, string ProviderName, string ProviderDivisionCode, EntryStatus Status,
    int? PublishedNumber, int? WorkingNumber, DataGrade Grade, ShareType ShareType, DateTimeOffset UpdatedAt, uint Version);

internal static class EntryViews
{
    public static VersionView ToView(EntryVersion v)
    {
        var outcome = EntryInputRules.Outcome(v);
        return new(v.Number, v.Status, v.Name, v.Category, v.Theme, v.Abstract, v.ShareType, v.ShareCondition, v.LegalBasis, v.Methods,
            v.OpenType, v.Format, v.UpdateCycle, v.InformationSystem, v.DeclaredGrade, v.Grade, outcome.DriverField, EntryInputRules.FactorsOf(v),
            [.. v.Items.OrderBy(i => i.Seq).Select(i => new ItemView(i.Seq, i.Name, i.ElementIdentifier, i.DataType, i.Grade, GradePolicy.MaskingFor(i.Grade), i.Remark))],
            v.SubmittedAt, v.ReviewedBy, v.ReviewedAt, v.ReviewComment, v.PublishedAt);
    }

    public static EntryDetail ToDetail(CatalogEntry e, bool canSeeWorking, bool canEdit, bool canReview) => new(
        e.Id, e.Code, e.ProviderUnitId, e.ProviderName, e.ProviderCode, e.ProviderDivisionCode, e.BaseItemCode, e.Withdrawn, e.Version,
        e.Published is { } p ? ToView(p) : null, canSeeWorking && e.Working is { } w ? ToView(w) : null, canEdit, canReview);

    public static EntrySummary ToSummary(CatalogEntry e)
    {
        var shown = e.Working ?? e.Published ?? e.Versions.OrderByDescending(v => v.Number).First();
        return new(e.Id, e.Code, shown.Name, e.ProviderName, e.ProviderDivisionCode, shown.Status, e.PublishedNumber, e.WorkingNumber,
            shown.Grade, shown.ShareType, e.UpdatedAt, e.Version);
    }
}
