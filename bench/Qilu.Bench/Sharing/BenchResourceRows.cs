using System.Collections.Concurrent;
using Qilu.Catalog.Contracts;

namespace Qilu.Bench.Sharing;

/// <summary>
/// Bench-only rows for one mounted table held in a dictionary (the Catalog module's <see cref="IResourceRows"/> over
/// platform-managed tables was not merged when this benchmark was written). Both sides of the ratio read through it,
/// so the ratio measures what the gateway adds — token validation, grant check, quota, masking, audit, metering,
/// binding hash — over a bare HTTP read of the same row.
/// </summary>
internal sealed class BenchResourceRows(MountedResourceInfo table) : IResourceRows
{
    private readonly ConcurrentDictionary<string, ResourceRow> _rows = new(StringComparer.Ordinal);

    public void Add(ResourceRow row) => _rows[row.Key] = row;

    public Task<MountedResourceInfo?> FindResourceAsync(Guid resourceId, CancellationToken ct = default) =>
        Task.FromResult<MountedResourceInfo?>(resourceId == table.ResourceId ? table : null);

    public Task<IReadOnlyList<MountedResourceInfo>> ListResourcesAsync(Guid entryId, CancellationToken ct = default) =>
        Task.FromResult<IReadOnlyList<MountedResourceInfo>>(entryId == table.EntryId ? [table] : []);

    public Task<ResourceRow?> FindByKeyAsync(Guid resourceId, string key, IReadOnlyCollection<string> fields, string? divisionPrefix, CancellationToken ct = default)
    {
        if (resourceId != table.ResourceId || !_rows.TryGetValue(key, out var row)) return Task.FromResult<ResourceRow?>(null);
        if (divisionPrefix is not null && row.DivisionCode?.StartsWith(divisionPrefix, StringComparison.Ordinal) != true) return Task.FromResult<ResourceRow?>(null);
        return Task.FromResult<ResourceRow?>(row with { Values = fields.ToDictionary(f => f, f => row.Values.GetValueOrDefault(f), StringComparer.Ordinal) });
    }

    public Task<RowPage> QueryAsync(Guid resourceId, RowQuery query, CancellationToken ct = default) => throw new NotSupportedException();

    public Task<IReadOnlyList<RowChange>> ChangesSinceAsync(Guid resourceId, long afterSequence, int limit, IReadOnlyCollection<string> fields, string? divisionPrefix,
        CancellationToken ct = default) => throw new NotSupportedException();

    public Task<ApiResourceInfo?> FindApiAsync(Guid resourceId, CancellationToken ct = default) => Task.FromResult<ApiResourceInfo?>(null);
}
