namespace Qilu.OpenData.Datasets;

/// <summary>
/// A catalog entry the Catalog module announced as published (<c>CatalogEntryPublished</c>), so that a publisher can
/// pick from the unit's entries; whether it may be opened is decided from the entry itself (开放属性, grades) when the
/// publisher acts. Removed when the entry is withdrawn.
/// </summary>
internal sealed class CandidateEntry
{
    public Guid EntryId { get; set; }

    public string Code { get; set; } = "";

    public Guid ProviderUnitId { get; set; }

    public int VersionNumber { get; set; }

    public DateTimeOffset PublishedAt { get; set; }
}
