using System.Data;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using Qilu.Platform.Audit.Merkle;
using Qilu.Platform.Persistence;

namespace Qilu.Platform.Audit.Data;

/// <summary>
/// Provider-aware SQL for the audit tables. The write path and proof reads use plain parameterised commands: they are
/// the hot path and each statement is simple; EF owns the schema (migrations) and the browsing queries.
/// </summary>
internal sealed class AuditStore(DatabaseConnection db)
{
    /// <summary>Key of <c>pg_advisory_xact_lock</c> that serialises writers across nodes ("QILUAUDI").</summary>
    public const long AdvisoryLockKey = 0x51494C5541554449;

    public const string EntryColumns =
        "seq, ts_us, actor_id, actor_kind, actor_name, division_code, action, target_type, target_id, outcome, details, source_ip, trace_id";

    private const int EntryColumnCount = 13;

    public bool IsSqlite => db.IsSqlite;

    public string ConnectionString => db.ConnectionString;

    public string Entries { get; } = Table(db, "entries");

    /// <summary>The Merkle tree's hashes: one row per leaf (ADR 0004 addendum 2, <see cref="AuditTreeRow"/>).</summary>
    public string Tree { get; } = Table(db, "tree");

    public string Checkpoints { get; } = Table(db, "checkpoints");

    private static string Table(DatabaseConnection db, string name) =>
        db.IsSqlite ? $"\"{AuditDbContext.Module}_{name}\"" : $"\"{AuditDbContext.Module}\".\"{name}\"";

    public DbConnection CreateConnection() =>
        db.IsSqlite ? new SqliteConnection(db.ConnectionString) : new NpgsqlConnection(db.ConnectionString);

    public async Task<DbConnection> OpenAsync(CancellationToken ct, bool writer = false)
    {
        var c = CreateConnection();
        try
        {
            await c.OpenAsync(ct);
            if (db.IsSqlite)
            {
                // synchronous=FULL: in WAL mode every commit fsyncs the WAL, so an acknowledged entry survives power
                // loss (NORMAL only survives process crashes). Group commit makes one fsync cover a whole batch.
                // mmap_size only when configured (SqliteMemoryMap: off by default).
                await ExecAsync(c, null, writer ? "PRAGMA synchronous=FULL; PRAGMA busy_timeout=10000; " + SqliteMemoryMap.Pragma
                    : "PRAGMA busy_timeout=10000; " + SqliteMemoryMap.Pragma, ct);
            }
            return c;
        }
        catch
        {
            await c.DisposeAsync();
            throw;
        }
    }

    public static async Task ExecAsync(DbConnection c, DbTransaction? tx, string sql, CancellationToken ct)
    {
        await using var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        await cmd.ExecuteNonQueryAsync(ct);
    }

    public static void AddParameter(DbCommand cmd, string name, object? value, DbType type)
    {
        var p = cmd.CreateParameter();
        p.ParameterName = name;
        p.DbType = type;
        p.Value = value ?? DBNull.Value;
        cmd.Parameters.Add(p);
    }

    /// <summary>Committed tree size: one past the highest leaf row (entries may have been purged, tree rows never are).</summary>
    public async Task<long> ReadSizeAsync(DbConnection c, DbTransaction? tx, CancellationToken ct)
    {
        await using var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = $"SELECT COALESCE(MAX(seq) + 1, 0) FROM {Tree}";
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task<Dictionary<NodeId, byte[]>> ReadNodesAsync(DbConnection c, DbTransaction? tx,
        IReadOnlyCollection<NodeId> ids, CancellationToken ct)
    {
        var result = new Dictionary<NodeId, byte[]>(ids.Count);
        if (ids.Count == 0) return result;
        // A subtree's hash is in the row of the leaf that completed it, at its level's position.
        var rows = ids.Select(id => id.CompletingLeaf).Distinct().ToList();
        await using var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        var sb = new System.Text.StringBuilder($"SELECT seq, hashes FROM {Tree} WHERE seq IN (");
        for (var i = 0; i < rows.Count; i++)
        {
            sb.Append(i == 0 ? "@s0" : $",@s{i.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
            AddParameter(cmd, $"@s{i.ToString(System.Globalization.CultureInfo.InvariantCulture)}", rows[i], DbType.Int64);
        }
        cmd.CommandText = sb.Append(')').ToString();
        var found = new Dictionary<long, byte[]>(rows.Count);
        await using (var r = await cmd.ExecuteReaderAsync(ct))
        {
            while (await r.ReadAsync(ct)) found[r.GetInt64(0)] = (byte[])r.GetValue(1);
        }
        foreach (var id in ids)
        {
            var offset = id.Level * MerkleHash.Size;
            if (found.TryGetValue(id.CompletingLeaf, out var hashes) && hashes.Length >= offset + MerkleHash.Size)
                result[id] = hashes.AsSpan(offset, MerkleHash.Size).ToArray();
        }
        return result;
    }

    /// <summary>Runs a proof/root computation in two passes: collect the node ids it reads, fetch them in one query, compute.</summary>
    public async Task<T> ComputeAsync<T>(DbConnection c, DbTransaction? tx, Func<Func<NodeId, byte[]>, T> compute, CancellationToken ct)
    {
        var ids = MerkleProofs.NodesRead(node => compute(node));
        var nodes = await ReadNodesAsync(c, tx, ids, ct);
        return compute(id => nodes.TryGetValue(id, out var h)
            ? h
            : throw new InvalidOperationException($"Audit tree node (level {id.Level}, index {id.Index}) is missing."));
    }

    public async Task<CompactRange> ReadCompactRangeAsync(DbConnection c, DbTransaction? tx, long size, CancellationToken ct)
    {
        var ids = NodeId.CompactRange(size);
        var nodes = await ReadNodesAsync(c, tx, ids, ct);
        return new CompactRange(size, ids.Select(id => nodes.TryGetValue(id, out var h)
            ? h
            : throw new InvalidOperationException($"Audit tree node (level {id.Level}, index {id.Index}) is missing.")));
    }

    public static AuditEntryRow ReadEntry(DbDataReader r) => new()
    {
        Seq = r.GetInt64(0),
        TimestampUs = r.GetInt64(1),
        ActorId = r.GetString(2),
        ActorKind = r.GetString(3),
        ActorName = r.GetString(4),
        DivisionCode = r.IsDBNull(5) ? null : r.GetString(5),
        Action = r.GetString(6),
        TargetType = r.IsDBNull(7) ? null : r.GetString(7),
        TargetId = r.IsDBNull(8) ? null : r.GetString(8),
        Outcome = r.GetString(9),
        Details = r.IsDBNull(10) ? null : r.GetString(10),
        SourceIp = r.IsDBNull(11) ? null : r.GetString(11),
        TraceId = r.IsDBNull(12) ? null : r.GetString(12),
    };

    /// <summary>A multi-row INSERT for <paramref name="rows"/> entries, with parameters @p0..; reused across batches.</summary>
    public DbCommand CreateEntryInsert(DbConnection c, int rows)
    {
        var cmd = c.CreateCommand();
        var sb = new System.Text.StringBuilder($"INSERT INTO {Entries} ({EntryColumns}) VALUES ");
        var types = new[]
        {
            DbType.Int64, DbType.Int64, DbType.String, DbType.String, DbType.String, DbType.String, DbType.String,
            DbType.String, DbType.String, DbType.String, DbType.String, DbType.String, DbType.String,
        };
        for (var row = 0; row < rows; row++)
        {
            sb.Append(row == 0 ? "(" : ",(");
            for (var col = 0; col < EntryColumnCount; col++)
            {
                var name = $"@p{(row * EntryColumnCount) + col}";
                sb.Append(col == 0 ? name : "," + name);
                AddParameter(cmd, name, null, types[col]);
            }
            sb.Append(')');
        }
        cmd.CommandText = sb.ToString();
        return cmd;
    }

    public static void BindEntry(DbCommand cmd, int row, AuditEntryRow e)
    {
        var p = cmd.Parameters;
        var b = row * EntryColumnCount;
        p[b].Value = e.Seq;
        p[b + 1].Value = e.TimestampUs;
        p[b + 2].Value = e.ActorId;
        p[b + 3].Value = e.ActorKind;
        p[b + 4].Value = e.ActorName;
        p[b + 5].Value = (object?)e.DivisionCode ?? DBNull.Value;
        p[b + 6].Value = e.Action;
        p[b + 7].Value = (object?)e.TargetType ?? DBNull.Value;
        p[b + 8].Value = (object?)e.TargetId ?? DBNull.Value;
        p[b + 9].Value = e.Outcome;
        p[b + 10].Value = (object?)e.Details ?? DBNull.Value;
        p[b + 11].Value = (object?)e.SourceIp ?? DBNull.Value;
        p[b + 12].Value = (object?)e.TraceId ?? DBNull.Value;
    }

    /// <summary>SQLite: the multi-row entry INSERT for <paramref name="rows"/> entries bound by position (<c>?1</c>…), see <see cref="SqliteRawStatement"/>.</summary>
    public SqliteRawStatement CreateRawEntryInsert(SqliteConnection c, int rows) =>
        new(c, $"INSERT INTO {Entries} ({EntryColumns}) VALUES " + Positional(rows, EntryColumnCount));

    /// <summary>SQLite: the multi-row tree-row INSERT (seq, hashes) bound by position.</summary>
    public SqliteRawStatement CreateRawTreeInsert(SqliteConnection c, int rows) =>
        new(c, $"INSERT INTO {Tree} (seq, hashes) VALUES " + Positional(rows, 2));

    private static string Positional(int rows, int columns)
    {
        var sb = new System.Text.StringBuilder(rows * columns * 5);
        for (var row = 0; row < rows; row++)
        {
            sb.Append(row == 0 ? "(" : ",(");
            for (var col = 0; col < columns; col++)
                sb.Append(col == 0 ? "?" : ",?").Append((row * columns) + col + 1);
            sb.Append(')');
        }
        return sb.ToString();
    }

    /// <summary>Binds entry <paramref name="row"/> of a statement from <see cref="CreateRawEntryInsert"/> (the same values as <see cref="BindEntry(DbCommand, int, AuditEntryRow)"/>).</summary>
    public static void BindEntry(SqliteRawStatement s, int row, AuditEntryRow e)
    {
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(e);
        var b = (row * EntryColumnCount) + 1;
        s.Bind(b, e.Seq);
        s.Bind(b + 1, e.TimestampUs);
        s.Bind(b + 2, e.ActorId);
        s.Bind(b + 3, e.ActorKind);
        s.Bind(b + 4, e.ActorName);
        s.Bind(b + 5, e.DivisionCode);
        s.Bind(b + 6, e.Action);
        s.Bind(b + 7, e.TargetType);
        s.Bind(b + 8, e.TargetId);
        s.Bind(b + 9, e.Outcome);
        s.Bind(b + 10, e.Details);
        s.Bind(b + 11, e.SourceIp);
        s.Bind(b + 12, e.TraceId);
    }

    /// <summary>Binds tree row <paramref name="row"/> of a statement from <see cref="CreateRawTreeInsert"/>.</summary>
    public static void BindTreeRow(SqliteRawStatement s, int row, long seq, byte[] hashes)
    {
        ArgumentNullException.ThrowIfNull(s);
        s.Bind((row * 2) + 1, seq);
        s.Bind((row * 2) + 2, hashes);
    }

    /// <summary>A multi-row INSERT of <paramref name="rows"/> tree rows (seq, hashes); reused across batches.</summary>
    public DbCommand CreateTreeInsert(DbConnection c, int rows)
    {
        var cmd = c.CreateCommand();
        var sb = new System.Text.StringBuilder($"INSERT INTO {Tree} (seq, hashes) VALUES ");
        for (var row = 0; row < rows; row++)
        {
            sb.Append(System.Globalization.CultureInfo.InvariantCulture, $"{(row == 0 ? "" : ",")}(@s{row},@h{row})");
            AddParameter(cmd, $"@s{row}", 0L, DbType.Int64);
            AddParameter(cmd, $"@h{row}", Array.Empty<byte>(), DbType.Binary);
        }
        cmd.CommandText = sb.ToString();
        return cmd;
    }

    public static void BindTreeRow(DbCommand cmd, int row, long seq, byte[] hashes)
    {
        cmd.Parameters[row * 2].Value = seq;
        cmd.Parameters[(row * 2) + 1].Value = hashes;
    }

    public async Task<AuditCheckpointRow?> ReadCheckpointAsync(DbConnection c, long? treeSize, CancellationToken ct)
    {
        await using var cmd = c.CreateCommand();
        cmd.CommandText = treeSize is null
            ? $"SELECT tree_size, root_hash, ts_us, key_id, signature, note FROM {Checkpoints} ORDER BY tree_size DESC LIMIT 1"
            : $"SELECT tree_size, root_hash, ts_us, key_id, signature, note FROM {Checkpoints} WHERE tree_size = @s";
        if (treeSize is { } s) AddParameter(cmd, "@s", s, DbType.Int64);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        return await r.ReadAsync(ct) ? ReadCheckpoint(r) : null;
    }

    public static AuditCheckpointRow ReadCheckpoint(DbDataReader r) => new()
    {
        TreeSize = r.GetInt64(0),
        RootHash = (byte[])r.GetValue(1),
        TimestampUs = r.GetInt64(2),
        KeyId = r.GetString(3),
        Signature = (byte[])r.GetValue(4),
        Note = r.GetString(5),
    };

    public async Task<bool> InsertCheckpointAsync(DbConnection c, AuditCheckpointRow row, CancellationToken ct)
    {
        await using var cmd = c.CreateCommand();
        cmd.CommandText = $"INSERT INTO {Checkpoints} (tree_size, root_hash, ts_us, key_id, signature, note) " +
            "VALUES (@s, @r, @t, @k, @g, @n) ON CONFLICT (tree_size) DO NOTHING";
        AddParameter(cmd, "@s", row.TreeSize, DbType.Int64);
        AddParameter(cmd, "@r", row.RootHash, DbType.Binary);
        AddParameter(cmd, "@t", row.TimestampUs, DbType.Int64);
        AddParameter(cmd, "@k", row.KeyId, DbType.String);
        AddParameter(cmd, "@g", row.Signature, DbType.Binary);
        AddParameter(cmd, "@n", row.Note, DbType.String);
        return await cmd.ExecuteNonQueryAsync(ct) == 1;
    }
}
