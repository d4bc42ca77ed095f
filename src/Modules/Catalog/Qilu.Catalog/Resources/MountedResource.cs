using System.Text.Json;
using Qilu.Catalog.Contracts;

namespace Qilu.Catalog.Resources;

/// <summary>
/// 挂接资源: a table, API or file mounted on a catalog entry by its providing unit. Table columns are a snapshot of the
/// entry's information items at mount time, so a later entry version cannot silently change how stored rows decode.
/// </summary>
internal sealed class MountedResource
{
    public Guid Id { get; init; } = Guid.NewGuid();

    public Guid EntryId { get; init; }

    public Guid ProviderUnitId { get; init; }

    public string ProviderDivisionCode { get; init; } = "";

    public ResourceKind Kind { get; init; }

    public string Name { get; set; } = "";

    /// <summary>Columns as JSON (<see cref="TableColumn"/>[]); empty for APIs and files.</summary>
    public string ColumnsJson { get; set; } = "[]";

    public string? KeyField { get; set; }

    public string? DivisionField { get; set; }

    public long RowCount { get; set; }

    /// <summary>Last change sequence handed out (the change feed's high-water mark).</summary>
    public long ChangeSequence { get; set; }

    /// <summary>Duplicate keys met in the latest import (the quality report's duplicate figure).</summary>
    public long LastDuplicateKeys { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? UpdatedAt { get; set; }

    public string CreatedBy { get; init; } = "";

    // API
    public string? BaseUrl { get; set; }

    public string? OpenApiTitle { get; set; }

    public string? OperationsJson { get; set; }

    // File
    public string? FileName { get; set; }

    public string? ContentType { get; set; }

    public long? FileSize { get; set; }

    /// <summary>SM3 of the stored bytes, lower-case hex.</summary>
    public string? FileHash { get; set; }

    public uint Version { get; set; }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public IReadOnlyList<TableColumn> Columns => ParsedColumns(ColumnsJson);

    // Columns parsed once per distinct text (ADR 0018 addendum 3): every row read and every gateway call asked for the
    // columns, and each ask deserialised the JSON again. Keyed by the text itself, so an entry can never be stale; the
    // arrays are shared and never written (callers see them as read-only lists of immutable records).
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, TableColumn[]> ColumnsByText = new(StringComparer.Ordinal);

    private const int MaxParsedColumnSets = 10_000;

    private static TableColumn[] ParsedColumns(string json)
    {
        if (ColumnsByText.TryGetValue(json, out var known)) return known;
        var parsed = JsonSerializer.Deserialize<TableColumn[]>(json, Json) ?? [];
        if (ColumnsByText.Count < MaxParsedColumnSets) ColumnsByText.TryAdd(json, parsed);
        return parsed;
    }

    public void SetColumns(IEnumerable<TableColumn> columns) => ColumnsJson = JsonSerializer.Serialize(columns.ToArray(), Json);

    public IReadOnlyList<ApiOperationInfo> Operations =>
        OperationsJson is null ? [] : JsonSerializer.Deserialize<ApiOperationInfo[]>(OperationsJson, Json) ?? [];

    public void SetOperations(IEnumerable<ApiOperationInfo> operations) => OperationsJson = JsonSerializer.Serialize(operations.ToArray(), Json);

    public MountedResourceInfo ToInfo() => new(Id, EntryId, Kind, Name,
        [.. Columns.Select(c => new ResourceColumn(c.Field, c.ElementIdentifier, c.Grade, c.Encrypted))],
        KeyField, DivisionField, RowCount, ChangeSequence, UpdatedAt);
}

/// <summary>A column of a mounted table (snapshot of an information item).</summary>
/// <param name="Field">信息项 name.</param>
/// <param name="ElementIdentifier">Bound data element.</param>
/// <param name="Grade">Field grade.</param>
/// <param name="Encrypted">Encrypted at rest (ID number, phone, or graded L3 and above).</param>
/// <param name="Indexed">Encrypted and given a blind index for equality filters (free text is not).</param>
internal sealed record TableColumn(string Field, string ElementIdentifier, DataGrade Grade, bool Encrypted, bool Indexed);
