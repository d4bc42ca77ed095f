namespace Qilu.Catalog.Contracts;

/// <summary>Permissions of the Catalog module (数据目录), named after its use cases.</summary>
public static class CatalogPermissions
{
    /// <summary>Browse and search published catalog entries (every official: finding data is the first step of sharing).</summary>
    public const string EntriesRead = "catalog.entries.read";

    /// <summary>Draft, edit, submit, withdraw and claim the entries of one's own unit (数据专员, 首席数据官).</summary>
    public const string EntriesEdit = "catalog.entries.edit";

    /// <summary>Review submitted entries of the division subtree (big-data bureau's 首席数据官 only).</summary>
    public const string EntriesReview = "catalog.entries.review";

    /// <summary>Read the data-element registry (数据元) and validate values against it.</summary>
    public const string ElementsRead = "catalog.elements.read";

    /// <summary>Create and change data elements (big-data bureau).</summary>
    public const string ElementsManage = "catalog.elements.manage";

    /// <summary>Mount resources (tables, APIs, files) on the own unit's entries, import rows, answer data objections
    /// and quality issues raised against them (数据专员, 首席数据官).</summary>
    public const string ResourcesManage = "catalog.resources.manage";

    /// <summary>Raise a data objection (数据异议) against another unit's resource and close it once answered.</summary>
    public const string ObjectionsRaise = "catalog.objections.raise";
}
