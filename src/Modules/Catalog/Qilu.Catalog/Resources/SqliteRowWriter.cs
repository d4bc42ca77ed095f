namespace Qilu.Catalog.Resources;

/// <summary>
/// The SQLite side of <see cref="RowStore.UpsertAsync"/> for one import: the row upsert, change-feed append, filter
/// delete and filter insert as prepared multi-row statements (<see cref="BulkStatement"/>) kept for the whole import,
/// inside the import's transaction. Per batch the tables are written in the order the one-row form wrote them per row
/// (rows, changes, old filter tokens out, new ones in), which gives the same end state because a batch holds each key once.
/// </summary>
internal sealed class SqliteRowWriter : IAsyncDisposable
{
    private readonly BulkStatement _rows;
    private readonly BulkStatement _changes;
    private readonly RowStore _store;
    private readonly object _rid;
    private System.Data.Common.DbCommand? _dropFilter;
    private readonly BulkStatement _filters;

    public SqliteRowWriter(RowStore store, Guid resource, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(store);
        _store = store;
        var rid = _rid = store.Id(resource);
        var time = store.Time(at);
        _rows = new BulkStatement(store,
            $"INSERT INTO {store.Rows} (\"ResourceId\",\"KeyToken\",\"DivisionCode\",\"Payload\",\"Secret\",\"Digest\",\"Sequence\",\"UpdatedAt\") VALUES ",
            "(@r,{0},{1},{2},{3},{4},{5},@t)", 6,
            "ON CONFLICT(\"ResourceId\",\"KeyToken\") DO UPDATE SET \"DivisionCode\"=excluded.\"DivisionCode\",\"Payload\"=excluded.\"Payload\"," +
            "\"Secret\"=excluded.\"Secret\",\"Digest\"=excluded.\"Digest\",\"Sequence\"=excluded.\"Sequence\",\"UpdatedAt\"=excluded.\"UpdatedAt\"",
            ("@r", rid), ("@t", time));
        _changes = new BulkStatement(store,
            $"INSERT INTO {store.Changes} (\"ResourceId\",\"Sequence\",\"KeyToken\",\"Deleted\",\"DivisionCode\",\"At\") VALUES ",
            "(@r,{0},{1},0,{2},@t)", 3, "", ("@r", rid), ("@t", time));
        _filters = new BulkStatement(store, $"INSERT OR IGNORE INTO {store.Filters} (\"ResourceId\",\"Column\",\"Token\",\"KeyToken\") VALUES ",
            "(@r,{0},{1},{2})", 3, "", ("@r", rid));
    }

    /// <summary>Writes one batch (each key at most once); <paramref name="stale"/> are the old filter tokens of its
    /// updated rows.</summary>
    public async Task WriteAsync(IReadOnlyList<(EncodedRow Row, long Sequence, bool Existed)> batch, IReadOnlyList<StaleFilter> stale, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(stale);
        foreach (var (row, seq, _) in batch)
            await _rows.AddAsync([row.KeyToken, row.Division, row.Payload, row.Secret, row.Digest, seq], ct);
        await _rows.FlushAsync(ct);
        foreach (var (row, seq, _) in batch)
            await _changes.AddAsync([seq, row.KeyToken, row.Division], ct);
        await _changes.FlushAsync(ct);
        if (stale.Count > 0)
        {
            // One exact primary-key delete per old token: the filter index has no entry by key (ADR 0016 addendum 2),
            // and only updated rows have any.
            if (_dropFilter is null)
            {
                _dropFilter = _store.Command($"DELETE FROM {_store.Filters} WHERE \"ResourceId\"=@r AND \"Column\"=@c AND \"Token\"=@t AND \"KeyToken\"=@k");
                RowStore.Add(_dropFilter, "@r", _rid);
                RowStore.Add(_dropFilter, "@c", null);
                RowStore.Add(_dropFilter, "@t", null);
                RowStore.Add(_dropFilter, "@k", null);
                await _dropFilter.PrepareAsync(ct);
            }
            foreach (var s in stale)
            {
                _dropFilter.Parameters[1].Value = s.Column;
                _dropFilter.Parameters[2].Value = s.Token;
                _dropFilter.Parameters[3].Value = s.KeyToken;
                await _dropFilter.ExecuteNonQueryAsync(ct);
            }
        }
        foreach (var (row, _, _) in batch)
        {
            if (row.Filters is null) continue;
            foreach (var (column, token) in row.Filters)
                await _filters.AddAsync([column, token, row.KeyToken], ct);
        }
        await _filters.FlushAsync(ct);
    }

    public async ValueTask DisposeAsync()
    {
        await _rows.DisposeAsync();
        await _changes.DisposeAsync();
        if (_dropFilter is not null) await _dropFilter.DisposeAsync();
        await _filters.DisposeAsync();
    }
}
