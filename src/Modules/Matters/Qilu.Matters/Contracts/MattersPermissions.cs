namespace Qilu.Matters.Contracts;

/// <summary>Permissions of the Matters module (declared with default roles in <see cref="MattersModule"/>).</summary>
public static class MattersPermissions
{
    /// <summary>Read the catalog in the admin console, drafts included (within one's scope).</summary>
    public const string CatalogRead = "matters.catalog.read";

    /// <summary>Create and edit matters and bundles: the province edits the standard, a city or county its own implementations.</summary>
    public const string CatalogEdit = "matters.catalog.edit";

    /// <summary>Publish a draft version.</summary>
    public const string CatalogPublish = "matters.catalog.publish";

    /// <summary>Import and export the catalog (XLSX) and configuration packages (一地创新、全省复用).</summary>
    public const string CatalogTransfer = "matters.catalog.transfer";
}
