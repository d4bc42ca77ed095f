namespace Qilu.Catalog.Contracts;

/// <summary>What a catalog entry mounts (挂接资源).</summary>
public enum ResourceKind
{
    /// <summary>库表: rows imported into a platform-managed table.</summary>
    Table = 1,

    /// <summary>接口: an upstream API registered from its OpenAPI document and proxied by the sharing gateway.</summary>
    Api = 2,

    /// <summary>文件: a file (spreadsheet, document) kept as it was uploaded.</summary>
    File = 3,
}

/// <summary>A column of a mounted table, bound to a field (信息项) of the entry.</summary>
/// <param name="Field">Field name as published in the entry.</param>
/// <param name="ElementIdentifier">The data element the field is bound to.</param>
/// <param name="Grade">Field-level grade (drives default masking in the gateway).</param>
/// <param name="Encrypted">Whether the column is encrypted at rest (personal fields); such columns are found through a
/// blind index, never by scanning plaintext.</param>
public sealed record ResourceColumn(string Field, string ElementIdentifier, DataGrade Grade, bool Encrypted);

/// <summary>A resource mounted on a catalog entry, as other modules (Sharing, OpenData) see it.</summary>
/// <param name="ResourceId">Stable resource id.</param>
/// <param name="EntryId">The catalog entry (stable id) the resource is mounted on.</param>
/// <param name="Kind">Table, API or file.</param>
/// <param name="Name">Display name.</param>
/// <param name="Columns">Columns of a table (empty for APIs and files).</param>
/// <param name="KeyField">The field rows are looked up by (公民身份号码, 统一社会信用代码, 不动产单元号 …), for tables.</param>
/// <param name="DivisionField">The field holding the row's 行政区划代码, for row scope and 数据直达基层; null when rows
/// carry no division.</param>
/// <param name="RowCount">Rows currently stored (tables).</param>
/// <param name="ChangeSequence">The sequence number of the latest change (tables); a change feed reader resumes after
/// the sequence it last saw.</param>
/// <param name="UpdatedAt">When the resource last changed (last import), if ever.</param>
public sealed record MountedResourceInfo(Guid ResourceId, Guid EntryId, ResourceKind Kind, string Name,
    IReadOnlyList<ResourceColumn> Columns, string? KeyField, string? DivisionField, long RowCount, long ChangeSequence,
    DateTimeOffset? UpdatedAt);

/// <summary>An equality filter on a field (values compared as stored text; encrypted fields through their blind index).</summary>
/// <param name="Field">Field name.</param>
/// <param name="Value">Value to match exactly.</param>
public sealed record RowFilter(string Field, string Value);

/// <summary>A paged row query against a mounted table.</summary>
/// <param name="Fields">Fields to return (projection); unknown fields are an error of the caller, checked before.</param>
/// <param name="Filters">Equality filters, all of which must hold.</param>
/// <param name="DivisionPrefix">Row scope: only rows whose division field starts with this prefix (null: all rows). A
/// resource without a division field returns no rows when a prefix is given.</param>
/// <param name="Limit">Page size (1–32,000).</param>
/// <param name="Offset">Rows to skip.</param>
/// <param name="IncludeTotal">Whether to count all matching rows.</param>
/// <param name="SortField">Optional field to sort by (key order otherwise).</param>
/// <param name="SortDescending">Sort direction.</param>
public sealed record RowQuery(IReadOnlyCollection<string> Fields, IReadOnlyList<RowFilter> Filters, string? DivisionPrefix,
    int Limit, long Offset, bool IncludeTotal, string? SortField = null, bool SortDescending = false);

/// <summary>One row, with only the fields asked for, decrypted.</summary>
/// <param name="Key">The row's key value.</param>
/// <param name="Values">Field → value (null when empty).</param>
/// <param name="DivisionCode">The row's division, when the resource has a division field.</param>
/// <param name="UpdatedAt">When the row last changed.</param>
public sealed record ResourceRow(string Key, IReadOnlyDictionary<string, string?> Values, string? DivisionCode, DateTimeOffset UpdatedAt);

/// <summary>A page of rows.</summary>
/// <param name="Rows">The rows.</param>
/// <param name="Total">All matching rows when asked for, else null.</param>
public sealed record RowPage(IReadOnlyList<ResourceRow> Rows, long? Total);

/// <summary>One change of a mounted table (its change feed).</summary>
/// <param name="Sequence">Monotonic per resource.</param>
/// <param name="Key">The changed row's key.</param>
/// <param name="Deleted">Whether the row was removed.</param>
/// <param name="At">When.</param>
/// <param name="Row">The row after the change (only the fields asked for), null when deleted.</param>
public sealed record RowChange(long Sequence, string Key, bool Deleted, DateTimeOffset At, ResourceRow? Row);

/// <summary>A file mounted on an entry, as uploaded.</summary>
/// <param name="ResourceId">Stable resource id.</param>
/// <param name="EntryId">The catalog entry.</param>
/// <param name="FileName">The file's name as uploaded.</param>
/// <param name="ContentType">Its media type as uploaded.</param>
/// <param name="Sm3Hash">SM3 of the bytes, hex, computed when it was mounted.</param>
/// <param name="Bytes">The content.</param>
public sealed record MountedFile(Guid ResourceId, Guid EntryId, string FileName, string ContentType, string Sm3Hash, byte[] Bytes);

/// <summary>An upstream API mounted on an entry.</summary>
/// <param name="ResourceId">Stable resource id.</param>
/// <param name="EntryId">The catalog entry.</param>
/// <param name="BaseUrl">Upstream base URL the gateway forwards to.</param>
/// <param name="Operations">Operations taken from the registered OpenAPI document: (operationId, method, path template).</param>
public sealed record ApiResourceInfo(Guid ResourceId, Guid EntryId, Uri BaseUrl, IReadOnlyList<ApiOperationInfo> Operations);

/// <summary>One operation of a mounted API.</summary>
/// <param name="OperationId">operationId from the OpenAPI document.</param>
/// <param name="Method">HTTP method.</param>
/// <param name="PathTemplate">Path template, e.g. <c>/licences/{creditCode}</c>.</param>
/// <param name="ResponseFields">Top-level response fields, matched to the entry's fields for projection and masking.</param>
public sealed record ApiOperationInfo(string OperationId, string Method, string PathTemplate, IReadOnlyList<string> ResponseFields);

/// <summary>
/// Server-side access to the rows of mounted resources, for the Sharing gateway and the OpenData module. This is the
/// only way rows leave the Catalog module, and it does no authorisation of its own: the caller (the gateway) has
/// already checked the grant and asks only for the granted fields and row scope. Personal fields are decrypted here
/// and nowhere else; masking by grade is the caller's job (it knows the grant's masking rules).
/// </summary>
public interface IResourceRows
{
    /// <summary>The resource, or null.</summary>
    Task<MountedResourceInfo?> FindResourceAsync(Guid resourceId, CancellationToken ct = default);

    /// <summary>Resources mounted on an entry (stable entry id).</summary>
    Task<IReadOnlyList<MountedResourceInfo>> ListResourcesAsync(Guid entryId, CancellationToken ct = default);

    /// <summary>The row with this key value (plaintext; encrypted key columns are matched through the blind index), or
    /// null. <paramref name="divisionPrefix"/> applies row scope as in <see cref="RowQuery.DivisionPrefix"/>.</summary>
    Task<ResourceRow?> FindByKeyAsync(Guid resourceId, string key, IReadOnlyCollection<string> fields, string? divisionPrefix,
        CancellationToken ct = default);

    /// <summary>A page of rows.</summary>
    Task<RowPage> QueryAsync(Guid resourceId, RowQuery query, CancellationToken ct = default);

    /// <summary>Changes after <paramref name="afterSequence"/>, oldest first, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<RowChange>> ChangesSinceAsync(Guid resourceId, long afterSequence, int limit,
        IReadOnlyCollection<string> fields, string? divisionPrefix, CancellationToken ct = default);

    /// <summary>The upstream of an API resource, or null when the resource is not an API.</summary>
    Task<ApiResourceInfo?> FindApiAsync(Guid resourceId, CancellationToken ct = default);

    /// <summary>A file resource with its bytes, or null when the resource is not a file (the gateway has checked the grant).</summary>
    Task<MountedFile?> ReadFileAsync(Guid resourceId, CancellationToken ct = default);
}
