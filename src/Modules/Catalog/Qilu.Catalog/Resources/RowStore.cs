using System.Data.Common;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Npgsql;
using NpgsqlTypes;
using Qilu.Catalog.Data;

namespace Qilu.Catalog.Resources;

/// <summary>
/// Raw SQL over the row, filter and change tables (EF change tracking would cap imports far below the 50,000 rows/s
/// target). SQLite: prepared multi-row statements (<see cref="SqliteRowWriter"/>) inside the import transaction; PostgreSQL:
/// binary COPY for new keys, the change feed and filter tokens, one <c>unnest</c> upsert per batch for existing keys. Table names come from the EF model so that the module layout (prefix / schema) has one source of truth.
/// </summary>
internal sealed class RowStore
{
    private readonly CatalogDbContext _db;
    private readonly ValueConverter? _time;

    public RowStore(CatalogDbContext db)
    {
        _db = db;
        IsSqlite = db.IsSqlite;
        Rows = TableOf<StoredRow>();
        Filters = TableOf<StoredRowFilter>();
        Changes = TableOf<StoredChange>();
        _time = db.Model.FindEntityType(typeof(StoredRow))!.FindProperty(nameof(StoredRow.UpdatedAt))!.GetValueConverter();
    }

    public bool IsSqlite { get; }

    public string Rows { get; }

    public string Filters { get; }

    public string Changes { get; }

    private string TableOf<T>()
    {
        var t = _db.Model.FindEntityType(typeof(T))!;
        return t.GetSchema() is { } schema ? $"\"{schema}\".\"{t.GetTableName()}\"" : $"\"{t.GetTableName()}\"";
    }

    public DbConnection Connection => _db.Database.GetDbConnection();

    public DbTransaction? Transaction => _db.Database.CurrentTransaction?.GetDbTransaction();

    public async Task OpenAsync(CancellationToken ct)
    {
        if (Connection.State != System.Data.ConnectionState.Open) await _db.Database.OpenConnectionAsync(ct);
    }

    /// <summary>
    /// Page cache of the import connection on SQLite, in KiB (SQLite's default is 2 MiB). A fresh import inserts at random
    /// places in the key and filter indexes (blind-index tokens are uniform); once those B-trees outgrow the cache, every
    /// insert evicts a dirty page, which SQLite spills to the WAL in the middle of the transaction and reads back later:
    /// the WAL grew to 2.3 GB for 1,000,000 rows and the write cost ~100 µs/row. The cache is an upper bound (pages are
    /// allocated as used) and is released when the import ends (<see cref="BulkModeAsync"/>).
    /// </summary>
    public const int ImportCacheKiB = 1 << 20;

    /// <summary>
    /// Puts the SQLite connection in bulk mode for an import transaction (large page cache, see <see cref="ImportCacheKiB"/>)
    /// and returns what restores it, so that the pooled connection does not keep the memory. Durability is unchanged: the
    /// import is one transaction, committed with the connection's <c>synchronous</c> setting (one WAL sync at commit), and the
    /// report is returned only after the commit. Nothing on PostgreSQL (its buffers are the server's).
    /// </summary>
    public async Task<IAsyncDisposable> BulkModeAsync(CancellationToken ct)
    {
        if (!IsSqlite) return NoBulkMode.Instance;
        await using (var get = Command("PRAGMA cache_size"))
        {
            var previous = Convert.ToInt64(await get.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
            // journal_size_limit: a 1,000,000-row import is one transaction, so the WAL holds every page it changed until
            // the commit's checkpoint; the limit lets the WAL file shrink back to 64 MiB when it is next reset instead of
            // keeping its largest size on disk. Left set: it is harmless for any later use of the pooled connection.
            await using var set = Command($"PRAGMA cache_size = -{ImportCacheKiB}; PRAGMA journal_size_limit = {64 << 20};");
            await set.ExecuteNonQueryAsync(ct);
            return new SqliteBulkMode(Connection, previous);
        }
    }

    private sealed class NoBulkMode : IAsyncDisposable
    {
        public static readonly NoBulkMode Instance = new();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    private sealed class SqliteBulkMode(DbConnection connection, long previousCacheSize) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            if (connection.State != System.Data.ConnectionState.Open) return;
            // After the transaction has ended: shrink_memory frees the pages above the restored size now rather than
            // when the pooled connection is eventually closed.
            try
            {
                await using var c = connection.CreateCommand();
                c.CommandText = $"PRAGMA cache_size = {previousCacheSize.ToString(System.Globalization.CultureInfo.InvariantCulture)}; PRAGMA shrink_memory;";
                await c.ExecuteNonQueryAsync();
            }
            catch (DbException)
            {
                // Best effort on a failing connection: the import's own outcome (or exception) is what counts, and the pool
                // discards a broken connection anyway.
            }
        }
    }

    public object Id(Guid id) => IsSqlite ? id.ToString().ToUpperInvariant() : id;

    public object Time(DateTimeOffset at) => _time is null ? at.ToUniversalTime() : _time.ConvertToProvider(at.ToUniversalTime())!;

    public DateTimeOffset ReadTime(DbDataReader r, int ordinal) =>
        _time is null ? r.GetFieldValue<DateTimeOffset>(ordinal) : (DateTimeOffset)_time.ConvertFromProvider(r.GetInt64(ordinal))!;

    public DbCommand Command(string sql)
    {
        var c = Connection.CreateCommand();
        c.CommandText = sql;
        c.Transaction = Transaction;
        return c;
    }

    public static DbParameter Add(DbCommand c, string name, object? value)
    {
        var p = c.CreateParameter();
        p.ParameterName = name;
        p.Value = value ?? DBNull.Value;
        c.Parameters.Add(p);
        return p;
    }

    /// <summary>Digest per key token for the given tokens (existing rows only).</summary>
    public async Task<Dictionary<string, string>> DigestsAsync(Guid resource, IReadOnlyCollection<string> tokens, CancellationToken ct)
    {
        var found = new Dictionary<string, string>(tokens.Count, StringComparer.Ordinal);
        if (tokens.Count == 0) return found;
        await using var c = Command(IsSqlite
            ? $"SELECT \"KeyToken\", \"Digest\" FROM {Rows} WHERE \"ResourceId\" = @r AND \"KeyToken\" IN (SELECT value FROM json_each(@k))"
            : $"SELECT \"KeyToken\", \"Digest\" FROM {Rows} WHERE \"ResourceId\" = @r AND \"KeyToken\" = ANY(@k)");
        Add(c, "@r", Id(resource));
        Add(c, "@k", IsSqlite ? JsonSerializer.Serialize(tokens) : tokens.ToArray());
        await using var r = await c.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct)) found[r.GetString(0)] = r.GetString(1);
        return found;
    }

    /// <summary>
    /// The filter tokens that stored rows of the given keys have in the filter index (recomputed from their values, see
    /// <see cref="RowCodec.FilterTokensOf"/>): what an update must remove. Empty when the table has no filter columns.
    /// </summary>
    public async Task<List<StaleFilter>> FilterTokensAsync(RowCodec codec, IReadOnlyCollection<string> tokens, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(codec);
        var stale = new List<StaleFilter>();
        if (tokens.Count == 0 || !codec.HasFilters) return stale;
        await using var c = Command(IsSqlite
            ? $"SELECT \"KeyToken\", \"Payload\", \"Secret\" FROM {Rows} WHERE \"ResourceId\" = @r AND \"KeyToken\" IN (SELECT value FROM json_each(@k))"
            : $"SELECT \"KeyToken\", \"Payload\", \"Secret\" FROM {Rows} WHERE \"ResourceId\" = @r AND \"KeyToken\" = ANY(@k)");
        Add(c, "@r", Id(codec.ResourceId));
        Add(c, "@k", IsSqlite ? JsonSerializer.Serialize(tokens) : tokens.ToArray());
        await using var r = await c.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            var key = r.GetString(0);
            foreach (var (column, token) in codec.FilterTokensOf(r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2)))
                stale.Add(new StaleFilter(key, column, token));
        }
        return stale;
    }

    /// <summary>Inserts or replaces rows, replaces their filter tokens (<paramref name="stale"/>: the old ones of
    /// updated rows) and appends their changes.</summary>
    public async Task UpsertAsync(Guid resource, IReadOnlyList<(EncodedRow Row, long Sequence, bool Existed)> batch, IReadOnlyList<StaleFilter> stale,
        DateTimeOffset at, CancellationToken ct)
    {
        if (batch.Count == 0) return;
        if (IsSqlite) await UpsertSqliteAsync(resource, batch, stale, at, ct);
        else await UpsertPostgresAsync(resource, batch, stale, at, ct);
    }

    private async Task UpsertSqliteAsync(Guid resource, IReadOnlyList<(EncodedRow Row, long Sequence, bool Existed)> batch, IReadOnlyList<StaleFilter> stale,
        DateTimeOffset at, CancellationToken ct)
    {
        await using var writer = new SqliteRowWriter(this, resource, at);
        await writer.WriteAsync(batch, stale, ct);
    }

    private async Task UpsertPostgresAsync(Guid resource, IReadOnlyList<(EncodedRow Row, long Sequence, bool Existed)> batch, IReadOnlyList<StaleFilter> stale,
        DateTimeOffset at, CancellationToken ct)
    {
        var utc = at.ToUniversalTime();
        var connection = (NpgsqlConnection)Connection;
        // New keys (absent from the digest lookup made in this transaction, which holds the resource's claim, so no other
        // import can add them meanwhile) go in by binary COPY: no conflict is possible, and COPY skips the per-row
        // planning and ON CONFLICT probing of INSERT … SELECT. Existing keys take the upsert.
        await using (var copy = await connection.BeginBinaryImportAsync(
            $"COPY {Rows} (\"ResourceId\",\"KeyToken\",\"DivisionCode\",\"Payload\",\"Secret\",\"Digest\",\"Sequence\",\"UpdatedAt\") FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var (row, seq, existed) in batch)
            {
                if (existed) continue;
                await copy.StartRowAsync(ct);
                await copy.WriteAsync(resource, NpgsqlDbType.Uuid, ct);
                await copy.WriteAsync(row.KeyToken, NpgsqlDbType.Varchar, ct);
                await WriteNullableAsync(copy, row.Division, ct);
                await copy.WriteAsync(row.Payload, NpgsqlDbType.Text, ct);
                if (row.Secret is null) await copy.WriteNullAsync(ct); else await copy.WriteAsync(row.Secret, NpgsqlDbType.Text, ct);
                await copy.WriteAsync(row.Digest, NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync(seq, NpgsqlDbType.Bigint, ct);
                await copy.WriteAsync(utc, NpgsqlDbType.TimestampTz, ct);
            }
            await copy.CompleteAsync(ct);
        }
        var updated = batch.Where(b => b.Existed).ToArray();
        if (updated.Length > 0)
        {
            await using var up = Command($"INSERT INTO {Rows} (\"ResourceId\",\"KeyToken\",\"DivisionCode\",\"Payload\",\"Secret\",\"Digest\",\"Sequence\",\"UpdatedAt\") " +
                "SELECT @r, k, d, p, s, g, q, @t FROM unnest(@k, @d, @p, @s, @g, @q) AS t(k, d, p, s, g, q) " +
                "ON CONFLICT (\"ResourceId\",\"KeyToken\") DO UPDATE SET \"DivisionCode\"=EXCLUDED.\"DivisionCode\",\"Payload\"=EXCLUDED.\"Payload\"," +
                "\"Secret\"=EXCLUDED.\"Secret\",\"Digest\"=EXCLUDED.\"Digest\",\"Sequence\"=EXCLUDED.\"Sequence\",\"UpdatedAt\"=EXCLUDED.\"UpdatedAt\"");
            Add(up, "@r", resource);
            Add(up, "@t", utc);
            Text(up, "@k", [.. updated.Select(b => b.Row.KeyToken)]);
            Text(up, "@d", [.. updated.Select(b => b.Row.Division)]);
            Text(up, "@p", [.. updated.Select(b => (string?)b.Row.Payload)]);
            Text(up, "@s", [.. updated.Select(b => b.Row.Secret)]);
            Text(up, "@g", [.. updated.Select(b => (string?)b.Row.Digest)]);
            ((NpgsqlCommand)up).Parameters.Add(new NpgsqlParameter("@q", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { Value = updated.Select(b => b.Sequence).ToArray() });
            await up.ExecuteNonQueryAsync(ct);
        }
        await DeleteFiltersPostgresAsync(resource, stale, ct);
        // The change feed is append-only with fresh sequences, and the filter tokens of every written key are new (old
        // ones of updated keys were just deleted): both by COPY as well.
        await using (var copy = await connection.BeginBinaryImportAsync(
            $"COPY {Changes} (\"ResourceId\",\"Sequence\",\"KeyToken\",\"Deleted\",\"DivisionCode\",\"At\") FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var (row, seq, _) in batch)
            {
                await copy.StartRowAsync(ct);
                await copy.WriteAsync(resource, NpgsqlDbType.Uuid, ct);
                await copy.WriteAsync(seq, NpgsqlDbType.Bigint, ct);
                await copy.WriteAsync(row.KeyToken, NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync(false, NpgsqlDbType.Boolean, ct);
                await WriteNullableAsync(copy, row.Division, ct);
                await copy.WriteAsync(utc, NpgsqlDbType.TimestampTz, ct);
            }
            await copy.CompleteAsync(ct);
        }
        if (batch.Any(b => b.Row.Filters is not null))
        {
            await using var copy = await connection.BeginBinaryImportAsync(
                $"COPY {Filters} (\"ResourceId\",\"Column\",\"Token\",\"KeyToken\") FROM STDIN (FORMAT BINARY)", ct);
            foreach (var (row, _, _) in batch)
            {
                if (row.Filters is null) continue;
                foreach (var (column, token) in row.Filters)
                {
                    await copy.StartRowAsync(ct);
                    await copy.WriteAsync(resource, NpgsqlDbType.Uuid, ct);
                    await copy.WriteAsync(column, NpgsqlDbType.Integer, ct);
                    await copy.WriteAsync(token, NpgsqlDbType.Varchar, ct);
                    await copy.WriteAsync(row.KeyToken, NpgsqlDbType.Varchar, ct);
                }
            }
            await copy.CompleteAsync(ct);
        }
    }

    // Exact primary-key deletes: the filter index has no entry by key (ADR 0016 addendum 2).
    private async Task DeleteFiltersPostgresAsync(Guid resource, IReadOnlyList<StaleFilter> stale, CancellationToken ct)
    {
        if (stale.Count == 0) return;
        await using var del = Command($"DELETE FROM {Filters} f USING unnest(@c, @t, @k) AS s(c, t, k) " +
            "WHERE f.\"ResourceId\"=@r AND f.\"Column\"=s.c AND f.\"Token\"=s.t AND f.\"KeyToken\"=s.k");
        Add(del, "@r", resource);
        ((NpgsqlCommand)del).Parameters.Add(new NpgsqlParameter("@c", NpgsqlDbType.Array | NpgsqlDbType.Integer) { Value = stale.Select(s => s.Column).ToArray() });
        Text(del, "@t", [.. stale.Select(s => s.Token)]);
        Text(del, "@k", [.. stale.Select(s => s.KeyToken)]);
        await del.ExecuteNonQueryAsync(ct);
    }

    private static async Task WriteNullableAsync(NpgsqlBinaryImporter copy, string? value, CancellationToken ct)
    {
        if (value is null) await copy.WriteNullAsync(ct);
        else await copy.WriteAsync(value, NpgsqlDbType.Varchar, ct);
    }

    private static void Text(DbCommand c, string name, string?[] values) =>
        ((NpgsqlCommand)c).Parameters.Add(new NpgsqlParameter(name, NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = values });

    /// <summary>Key token and digest of every stored row of a resource, in the order the database finds cheapest (a re-import's comparison).</summary>
    public async IAsyncEnumerable<(string KeyToken, string Digest)> AllDigestsAsync(Guid resource, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        await using var c = Command($"SELECT \"KeyToken\", \"Digest\" FROM {Rows} WHERE \"ResourceId\"=@r");
        Add(c, "@r", Id(resource));
        await using var r = await c.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct)) yield return (r.GetString(0), r.GetString(1));
    }

    /// <summary>Key tokens of all stored rows of a resource (for "delete keys missing from the file").</summary>
    public async IAsyncEnumerable<string> KeyTokensAsync(Guid resource, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        await using var c = Command($"SELECT \"KeyToken\" FROM {Rows} WHERE \"ResourceId\"=@r");
        Add(c, "@r", Id(resource));
        await using var r = await c.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct)) yield return r.GetString(0);
    }

    /// <summary>Deletes rows and their filter tokens and appends tombstones to the change feed.</summary>
    public async Task DeleteAsync(RowCodec codec, IReadOnlyList<(string KeyToken, long Sequence)> rows, DateTimeOffset at, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(codec);
        ArgumentNullException.ThrowIfNull(rows);
        var resource = codec.ResourceId;
        // Filter tokens go first, recomputed from the rows' values while the rows still exist.
        for (var i = 0; i < rows.Count; i += 1000)
        {
            var stale = await FilterTokensAsync(codec, [.. rows.Skip(i).Take(1000).Select(r => r.KeyToken)], ct);
            if (IsSqlite)
            {
                await using var df = Command($"DELETE FROM {Filters} WHERE \"ResourceId\"=@r AND \"Column\"=@c AND \"Token\"=@t AND \"KeyToken\"=@k");
                Add(df, "@r", Id(resource));
                var pc = Add(df, "@c", null); var pt = Add(df, "@t", null); var pk = Add(df, "@k", null);
                foreach (var s in stale)
                {
                    pc.Value = s.Column; pt.Value = s.Token; pk.Value = s.KeyToken;
                    await df.ExecuteNonQueryAsync(ct);
                }
            }
            else await DeleteFiltersPostgresAsync(resource, stale, ct);
        }
        await using var dr = Command($"DELETE FROM {Rows} WHERE \"ResourceId\"=@r AND \"KeyToken\"=@k");
        // The tombstone keeps the row's division (scope) and, for encrypted keys, its seal (to name the key).
        await using var ch = Command($"INSERT INTO {Changes} (\"ResourceId\",\"Sequence\",\"KeyToken\",\"Deleted\",\"DivisionCode\",\"Sealed\",\"At\") " +
            $"SELECT @r,@q,@k,@del,\"DivisionCode\",\"Secret\",@t FROM {Rows} WHERE \"ResourceId\"=@r AND \"KeyToken\"=@k");
        foreach (var c in new[] { dr, ch }) Add(c, "@r", Id(resource));
        var k1 = Add(dr, "@k", null); var k3 = Add(ch, "@k", null); var q = Add(ch, "@q", null);
        Add(ch, "@del", true);
        Add(ch, "@t", Time(at));
        foreach (var (key, seq) in rows)
        {
            k1.Value = key; k3.Value = key; q.Value = seq;
            await ch.ExecuteNonQueryAsync(ct);
            await dr.ExecuteNonQueryAsync(ct);
        }
    }

    /// <summary>Rows stored for a resource.</summary>
    public async Task<long> CountAsync(Guid resource, CancellationToken ct)
    {
        await using var c = Command($"SELECT COUNT(*) FROM {Rows} WHERE \"ResourceId\"=@r");
        Add(c, "@r", Id(resource));
        return Convert.ToInt64(await c.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
    }
}

/// <summary>A filter token to remove: the old token of an updated or deleted row.</summary>
internal readonly record struct StaleFilter(string KeyToken, int Column, string Token);
