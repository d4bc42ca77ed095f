using System.Collections.Concurrent;
using Qilu.Catalog.Contracts;
using Qilu.SharedKernel.Actors;

namespace Qilu.Sharing.Tests.Support;

/// <summary>
/// TEST-ONLY stand-in for the Catalog module's <see cref="IResourceRows"/>, which another branch implements over the
/// platform-managed tables. It honours the contract the gateway relies on — projection to the fields asked for, row
/// scope by division prefix, equality filters, paging, a change feed by sequence — over rows held in memory. Every
/// other part of these tests (grants, quotas, audit, metering, tokens, database) is the real module on a real database.
/// </summary>
public sealed class InMemoryResourceRows : IResourceRows
{
    private sealed class Table
    {
        public required MountedResourceInfo Info { get; set; }
        public Dictionary<string, ResourceRow> Rows { get; } = new(StringComparer.Ordinal);
        public List<RowChange> Changes { get; } = [];
    }

    private readonly ConcurrentDictionary<Guid, Table> _tables = new();
    private readonly ConcurrentDictionary<Guid, ApiResourceInfo> _apis = new();
    private readonly Lock _gate = new();
    private readonly TimeProvider _clock = TimeProvider.System;

    /// <summary>Mounts a table on an entry and returns its id.</summary>
    public Guid MountTable(Guid entryId, string name, IReadOnlyList<ResourceColumn> columns, string keyField, string? divisionField)
    {
        var id = Guid.NewGuid();
        _tables[id] = new Table { Info = new MountedResourceInfo(id, entryId, ResourceKind.Table, name, columns, keyField, divisionField, 0, 0, null) };
        return id;
    }

    /// <summary>Mounts an upstream API on an entry.</summary>
    public Guid MountApi(Guid entryId, Uri baseUrl, params ApiOperationInfo[] operations)
    {
        var id = Guid.NewGuid();
        _apis[id] = new ApiResourceInfo(id, entryId, baseUrl, operations);
        _tables[id] = new Table { Info = new MountedResourceInfo(id, entryId, ResourceKind.Api, "接口", [], null, null, 0, 0, null) };
        return id;
    }

    /// <summary>Inserts or replaces a row and appends a change; returns the change's sequence.</summary>
    public long Upsert(Guid resourceId, IReadOnlyDictionary<string, string?> values)
    {
        lock (_gate)
        {
            var t = _tables[resourceId];
            var key = values[t.Info.KeyField!]!;
            var division = t.Info.DivisionField is { } d ? values.GetValueOrDefault(d) : null;
            var row = new ResourceRow(key, new Dictionary<string, string?>(values, StringComparer.Ordinal), division, _clock.GetUtcNow());
            t.Rows[key] = row;
            var seq = t.Info.ChangeSequence + 1;
            t.Changes.Add(new RowChange(seq, key, false, row.UpdatedAt, row));
            t.Info = t.Info with { RowCount = t.Rows.Count, ChangeSequence = seq, UpdatedAt = row.UpdatedAt };
            return seq;
        }
    }

    public Task<MountedResourceInfo?> FindResourceAsync(Guid resourceId, CancellationToken ct = default) =>
        Task.FromResult(_tables.TryGetValue(resourceId, out var t) ? t.Info : null);

    public Task<IReadOnlyList<MountedResourceInfo>> ListResourcesAsync(Guid entryId, CancellationToken ct = default) =>
        Task.FromResult<IReadOnlyList<MountedResourceInfo>>([.. _tables.Values.Select(t => t.Info).Where(i => i.EntryId == entryId)]);

    public Task<ResourceRow?> FindByKeyAsync(Guid resourceId, string key, IReadOnlyCollection<string> fields, string? divisionPrefix, CancellationToken ct = default)
    {
        lock (_gate)
        {
            if (!_tables.TryGetValue(resourceId, out var t) || !t.Rows.TryGetValue(key, out var row) || !InScope(t, row, divisionPrefix))
                return Task.FromResult<ResourceRow?>(null);
            return Task.FromResult<ResourceRow?>(Project(row, fields));
        }
    }

    public Task<RowPage> QueryAsync(Guid resourceId, RowQuery query, CancellationToken ct = default)
    {
        lock (_gate)
        {
            var t = _tables[resourceId];
            var matching = t.Rows.Values.Where(r => InScope(t, r, query.DivisionPrefix)
                    && query.Filters.All(f => r.Values.GetValueOrDefault(f.Field) == f.Value))
                .OrderBy(r => r.Key, StringComparer.Ordinal).ToList();
            var page = matching.Skip((int)query.Offset).Take(query.Limit).Select(r => Project(r, query.Fields)).ToList();
            return Task.FromResult(new RowPage(page, query.IncludeTotal ? matching.Count : null));
        }
    }

    public Task<IReadOnlyList<RowChange>> ChangesSinceAsync(Guid resourceId, long afterSequence, int limit, IReadOnlyCollection<string> fields,
        string? divisionPrefix, CancellationToken ct = default)
    {
        lock (_gate)
        {
            var t = _tables[resourceId];
            return Task.FromResult<IReadOnlyList<RowChange>>([.. t.Changes.Where(c => c.Sequence > afterSequence && (c.Row is null || InScope(t, c.Row, divisionPrefix)))
                .Take(limit).Select(c => c with { Row = c.Row is null ? null : Project(c.Row, fields) })]);
        }
    }

    public Task<ApiResourceInfo?> FindApiAsync(Guid resourceId, CancellationToken ct = default) =>
        Task.FromResult(_apis.TryGetValue(resourceId, out var api) ? api : null);

    private static bool InScope(Table t, ResourceRow row, string? prefix) =>
        prefix is null || t.Info.DivisionField is not null && row.DivisionCode is not null && row.DivisionCode.StartsWith(DivisionScope.PrefixOf(prefix), StringComparison.Ordinal);

    private static ResourceRow Project(ResourceRow row, IReadOnlyCollection<string> fields) =>
        row with { Values = fields.ToDictionary(f => f, f => row.Values.GetValueOrDefault(f), StringComparer.Ordinal) };
}
