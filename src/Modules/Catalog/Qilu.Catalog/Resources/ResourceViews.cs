using System.Text.Json.Serialization;
using Qilu.Catalog.Contracts;

namespace Qilu.Catalog.Resources;

/// <summary>A mounted resource as the API and pages show it (no rows, no file bytes).</summary>
internal sealed record ResourceView(Guid Id, Guid EntryId, [property: JsonConverter(typeof(JsonStringEnumConverter<ResourceKind>))] ResourceKind Kind, string Name, IReadOnlyList<TableColumn> Columns, string? KeyField,
    string? DivisionField, long RowCount, long ChangeSequence, DateTimeOffset CreatedAt, DateTimeOffset? UpdatedAt, string? BaseUrl,
    string? OpenApiTitle, IReadOnlyList<ApiOperationInfo> Operations, string? FileName, string? ContentType, long? FileSize, string? FileHash,
    uint Version, bool CanManage)
{
    public static ResourceView Of(MountedResource r, bool canManage) => new(r.Id, r.EntryId, r.Kind, r.Name, r.Columns, r.KeyField, r.DivisionField,
        r.RowCount, r.ChangeSequence, r.CreatedAt, r.UpdatedAt, r.BaseUrl, r.OpenApiTitle, r.Operations, r.FileName, r.ContentType, r.FileSize,
        r.FileHash, r.Version, canManage);
}
