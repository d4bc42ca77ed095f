using System.Collections.Concurrent;
using Qilu.Catalog.Contracts;

namespace Qilu.OpenData.Tests;

/// <summary>
/// TEST DOUBLE of Catalog's <see cref="IResourceRows"/>: tables held in memory, queried with the contract's semantics
/// (projection, equality filters, one sort field, offset/limit, optional total). It exists only until the Catalog
/// implementation (another branch) is merged; OpenData's own code is written against the interface alone.
/// </summary>
public sealed class InMemoryResourceRowsForTests : IResourceRows
{
    private readonly ConcurrentDictionary<Guid, (MountedResourceInfo Info, List<ResourceRow> Rows)> _tables = new();

    /// <summary>Mounts a table on <paramref name="entryId"/> with rows given as field → value maps; returns its id.</summary>
    public Guid AddTable(Guid entryId, string name, IReadOnlyList<ResourceColumn> columns, string keyField, IEnumerable<IReadOnlyDictionary<string, string?>> rows)
    {
        var id = Guid.NewGuid();
        var list = rows.Select(r => new ResourceRow(r[keyField]!, r, null, DateTimeOffset.UnixEpoch)).ToList();
        _tables[id] = (new MountedResourceInfo(id, entryId, ResourceKind.Table, name, columns, keyField, null, list.Count, list.Count, DateTimeOffset.UnixEpoch), list);
        return id;
    }

    public Task<MountedResourceInfo?> FindResourceAsync(Guid resourceId, CancellationToken ct = default) =>
        Task.FromResult(_tables.TryGetValue(resourceId, out var t) ? t.Info : null);

    public Task<IReadOnlyList<MountedResourceInfo>> ListResourcesAsync(Guid entryId, CancellationToken ct = default) =>
        Task.FromResult<IReadOnlyList<MountedResourceInfo>>([.. _tables.Values.Where(t => t.Info.EntryId == entryId).Select(t => t.Info)]);

    public Task<ResourceRow?> FindByKeyAsync(Guid resourceId, string key, IReadOnlyCollection<string> fields, string? divisionPrefix, CancellationToken ct = default) =>
        Task.FromResult(_tables.TryGetValue(resourceId, out var t) ? t.Rows.Where(r => r.Key == key).Select(r => Project(r, fields)).FirstOrDefault() : null);

    public Task<RowPage> QueryAsync(Guid resourceId, RowQuery query, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (!_tables.TryGetValue(resourceId, out var t)) return Task.FromResult(new RowPage([], query.IncludeTotal ? 0 : null));
        IEnumerable<ResourceRow> rows = t.Rows;
        foreach (var f in query.Filters) rows = rows.Where(r => r.Values.GetValueOrDefault(f.Field) == f.Value);
        if (query.SortField is { } sort)
            rows = query.SortDescending ? rows.OrderByDescending(r => r.Values.GetValueOrDefault(sort), StringComparer.Ordinal)
                : rows.OrderBy(r => r.Values.GetValueOrDefault(sort), StringComparer.Ordinal);
        var matching = rows.ToList();
        var page = matching.Skip((int)Math.Min(query.Offset, int.MaxValue)).Take(query.Limit).Select(r => Project(r, query.Fields)).ToList();
        return Task.FromResult(new RowPage(page, query.IncludeTotal ? matching.Count : null));
    }

    public Task<IReadOnlyList<RowChange>> ChangesSinceAsync(Guid resourceId, long afterSequence, int limit, IReadOnlyCollection<string> fields,
        string? divisionPrefix, CancellationToken ct = default) => Task.FromResult<IReadOnlyList<RowChange>>([]);

    public Task<ApiResourceInfo?> FindApiAsync(Guid resourceId, CancellationToken ct = default) => Task.FromResult<ApiResourceInfo?>(null);

    private static ResourceRow Project(ResourceRow row, IReadOnlyCollection<string> fields) =>
        row with { Values = fields.ToDictionary(f => f, f => row.Values.GetValueOrDefault(f)) };
}
