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
        var time = (long)store.Time(at);
        var connection = (Microsoft.Data.Sqlite.SqliteConnection)store.Connection;
        var ridText = (string)rid;
        _rows = new BulkStatement(connection,
            $"INSERT INTO {store.Rows} (\"ResourceId\",\"KeyToken\",\"DivisionCode\",\"Payload\",\"Secret\",\"Digest\",\"Sequence\",\"UpdatedAt\") VALUES ",
            "(?1,{0},{1},{2},{3},{4},{5},?2)", 6,
            "ON CONFLICT(\"ResourceId\",\"KeyToken\") DO UPDATE SET \"DivisionCode\"=excluded.\"DivisionCode\",\"Payload\"=excluded.\"Payload\"," +
            "\"Secret\"=excluded.\"Secret\",\"Digest\"=excluded.\"Digest\",\"Sequence\"=excluded.\"Sequence\",\"UpdatedAt\"=excluded.\"UpdatedAt\"",
            ridText, time);
        _changes = new BulkStatement(connection,
            $"INSERT INTO {store.Changes} (\"ResourceId\",\"Sequence\",\"KeyToken\",\"Deleted\",\"DivisionCode\",\"At\") VALUES ",
            "(?1,{0},{1},0,{2},?2)", 3, "", ridText, time);
        _filters = new BulkStatement(connection, $"INSERT OR IGNORE INTO {store.Filters} (\"ResourceId\",\"Column\",\"Token\",\"KeyToken\") VALUES ",
            "(?1,{0},{1},{2})", 3, "", ridText);
    }

    /// <summary>Writes one batch (each key at most once); <paramref name="stale"/> are the old filter tokens of its
    /// updated rows.</summary>
    public async Task WriteAsync(IReadOnlyList<(EncodedRow Row, long Sequence, bool Existed)> batch, IReadOnlyList<StaleFilter> stale, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(stale);
        foreach (var (row, seq, _) in batch)
            _rows.Add(row.KeyToken, row.Division, row.Payload, row.Secret, row.Digest, seq);
        _rows.Flush();
        foreach (var (row, seq, _) in batch)
            _changes.Add(seq, row.KeyToken, row.Division);
        _changes.Flush();
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
                _filters.Add(column, token, row.KeyToken);
        }
        _filters.Flush();
    }

    public async ValueTask DisposeAsync()
    {
        _rows.Dispose();
        _changes.Dispose();
        if (_dropFilter is not null) await _dropFilter.DisposeAsync();
        _filters.Dispose();
    }
}
