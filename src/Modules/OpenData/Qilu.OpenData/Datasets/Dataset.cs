using Qilu.Catalog.Contracts;

namespace Qilu.OpenData.Datasets;

/// <summary>Lifecycle of an open dataset.</summary>
internal enum DatasetState
{
    /// <summary>已开放: visible on the portal, in the CKAN API and the DCAT catalog.</summary>
    Published = 1,

    /// <summary>已下线: the catalog entry was withdrawn or the publisher took it down; invisible to the public.</summary>
    Withdrawn = 2,
}

/// <summary>
/// An open dataset (开放数据集) made from one published catalog entry. The public sees only what is here: the
/// fields kept or aggregated by the publisher, never the removed ones. <see cref="PackageJson"/> is the CKAN package
/// dict, rebuilt on every change, so that search returns it from the index with no query per result (the N+1 CKAN
/// had with tracking on, ckan/ckan#8772).
/// </summary>
internal sealed class Dataset
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>CKAN <c>name</c>: lowercase ASCII slug, unique.</summary>
    public string Name { get; set; } = "";

    public Guid EntryId { get; set; }

    public string EntryCode { get; set; } = "";

    public int EntryVersion { get; set; }

    public string Title { get; set; } = "";

    public string Description { get; set; } = "";

    public string? Theme { get; set; }

    /// <summary>Tags joined by <c>|</c>.</summary>
    public string TagsText { get; set; } = "";

    public string LicenseId { get; set; } = "";

    public Guid PublisherUnitId { get; set; }

    public string PublisherName { get; set; } = "";

    public string PublisherCode { get; set; } = "";

    public string PublisherDivision { get; set; } = "";

    public string UpdateCycle { get; set; } = "";

    public OpenType OpenType { get; set; }

    public DataGrade Grade { get; set; }

    public DatasetState State { get; set; } = DatasetState.Published;

    /// <summary>Fields as published (JSON array of <see cref="DatasetField"/>), removed ones included with their treatment.</summary>
    public string FieldsJson { get; set; } = "[]";

    public string PublishedBy { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset ModifiedAt { get; set; }

    public DateTimeOffset? WithdrawnAt { get; set; }

    public string? WithdrawReason { get; set; }

    public long Views { get; set; }

    public long Downloads { get; set; }

    public long ApiCalls { get; set; }

    public string PackageJson { get; set; } = "{}";

    public uint Version { get; set; }

    public List<DatasetResource> Resources { get; set; } = [];

    public IReadOnlyList<string> Tags => TagsText.Length == 0 ? [] : TagsText.Split('|');

    public IReadOnlyList<DatasetField> Fields => DatasetField.Parse(FieldsJson);
}

/// <summary>A CKAN resource of a dataset, backed by a table mounted on the catalog entry (read through
/// <see cref="IResourceRows"/>).</summary>
internal sealed class DatasetResource
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid DatasetId { get; set; }

    public Guid CatalogResourceId { get; set; }

    public string Name { get; set; } = "";

    public int Position { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
