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
    private readonly BulkStatement _dropFilters;
    private readonly BulkStatement _filters;

    public SqliteRowWriter(RowStore store, Guid resource, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(store);
        var rid = store.Id(resource);
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
        // A multi-row DELETE through the same helper: "… WHERE ResourceId=@r AND KeyToken IN ({0},{1},…)".
        _dropFilters = new BulkStatement(store, $"DELETE FROM {store.Filters} WHERE \"ResourceId\"=@r AND \"KeyToken\" IN (", "{0}", 1, ")", ("@r", rid));
        _filters = new BulkStatement(store, $"INSERT OR IGNORE INTO {store.Filters} (\"ResourceId\",\"Column\",\"Token\",\"KeyToken\") VALUES ",
            "(@r,{0},{1},{2})", 3, "", ("@r", rid));
    }

    /// <summary>Writes one batch (each key at most once).</summary>
    public async Task WriteAsync(IReadOnlyList<(EncodedRow Row, long Sequence, bool Existed)> batch, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(batch);
        foreach (var (row, seq, _) in batch)
            await _rows.AddAsync([row.KeyToken, row.Division, row.Payload, row.Secret, row.Digest, seq], ct);
        await _rows.FlushAsync(ct);
        foreach (var (row, seq, _) in batch)
            await _changes.AddAsync([seq, row.KeyToken, row.Division], ct);
        await _changes.FlushAsync(ct);
        foreach (var (row, _, existed) in batch)
            if (existed) await _dropFilters.AddAsync([row.KeyToken], ct);
        await _dropFilters.FlushAsync(ct);
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
        await _dropFilters.DisposeAsync();
        await _filters.DisposeAsync();
    }
}
