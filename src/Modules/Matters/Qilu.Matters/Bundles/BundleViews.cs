namespace Qilu.Matters.Bundles;

/// <summary>Bundle views shared by the bundle use cases.</summary>
internal static class BundleViews
{
    /// <summary>A bundle in lists and after changes.</summary>
    public sealed record Item(Guid Id, string Code, string DivisionCode, string Name, int PublishedVersion, bool HasDraft, uint Revision, DateTimeOffset UpdatedAt);

    public static Item ToItem(Bundle b) => new(b.Id, b.Code, b.DivisionCode, b.Name, b.PublishedVersion, b.HasDraft, b.Revision, b.UpdatedAt);
}
