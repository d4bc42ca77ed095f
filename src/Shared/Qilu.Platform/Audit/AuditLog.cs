using System.Data;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Qilu.Platform.Audit.Checkpoints;
using Qilu.Platform.Audit.Data;
using Qilu.Platform.Audit.Merkle;
using Qilu.SharedKernel.Paging;
using Qilu.SharedKernel.Results;

namespace Qilu.Platform.Audit;

/// <summary>The <see cref="IAuditLog"/> over the audit tables (SQLite or PostgreSQL).</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "The checkpoint gate is deliberately never disposed; see the field.")]
internal sealed class AuditLog(
    AuditStore store,
    AuditWriter writer,
    AuditContextFactory contexts,
    ICheckpointSigner signer,
    TimeProvider time,
    AuditLogOptions options) : IAuditLog
{
    // Not disposed on purpose: the container disposes singletons when the host's shutdown timeout elapses, possibly
    // while the final checkpoint still holds the gate, and Release() on a disposed semaphore threw (the last
    // checkpoint was lost). A SemaphoreSlim whose AvailableWaitHandle is never read owns no unmanaged resource.
    private readonly SemaphoreSlim _checkpointGate = new(1, 1);

    public ValueTask<long> AppendAsync(AuditRecord record, CancellationToken ct = default) => writer.AppendAsync(record, ct);

    public async Task<AuditEntry?> GetAsync(long sequence, CancellationToken ct = default)
    {
        await using var c = await store.OpenAsync(ct);
        await using var cmd = c.CreateCommand();
        cmd.CommandText = $"SELECT {AuditStore.EntryColumns} FROM {store.Entries} WHERE seq = @s";
        AuditStore.AddParameter(cmd, "@s", sequence, DbType.Int64);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        return await r.ReadAsync(ct) ? AuditLeafCodec.ToEntry(AuditStore.ReadEntry(r)) : null;
    }

    public async Task<Paged<AuditEntry>> QueryAsync(AuditQuery query, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var page = query.Page.Normalized();
        await using var db = contexts.Create();
        var q = db.Set<AuditEntryRow>().AsNoTracking();
        if (!string.IsNullOrEmpty(query.ActionPrefix)) q = q.Where(e => e.Action.StartsWith(query.ActionPrefix));
        if (!string.IsNullOrEmpty(query.ActorId)) q = q.Where(e => e.ActorId == query.ActorId);
        if (query.From is { } from)
        {
            var f = AuditText.ToMicros(from);
            q = q.Where(e => e.TimestampUs >= f);
        }
        if (query.To is { } to)
        {
            var t = AuditText.ToMicros(to);
            q = q.Where(e => e.TimestampUs < t);
        }
        var total = await q.LongCountAsync(ct);
        var rows = await q.OrderByDescending(e => e.Seq).Skip(page.Skip).Take(page.Size).ToListAsync(ct);
        return new Paged<AuditEntry>(rows.ConvertAll(AuditLeafCodec.ToEntry), page.Page, page.Size, total);
    }

    public async Task<IReadOnlyList<AuditTailEntry>> ReadTailAsync(long from, long to, string actionPrefix, int max, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actionPrefix);
        ArgumentOutOfRangeException.ThrowIfNegative(from);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        if (to <= from) return [];
        await using var db = contexts.Create();
        // A range of the primary key, filtered: a reader that follows the log's tail scans only what is new.
        var rows = await db.Set<AuditEntryRow>().AsNoTracking()
            .Where(e => e.Seq >= from && e.Seq < to && e.Action.StartsWith(actionPrefix))
            .OrderBy(e => e.Seq).Take(max)
            .Select(e => new { e.Seq, e.TimestampUs, e.ActorId, e.Action, e.Details })
            .ToListAsync(ct);
        return rows.ConvertAll(r => new AuditTailEntry(r.Seq, AuditText.FromMicros(r.TimestampUs), r.ActorId, r.Action, r.Details));
    }

    public async Task<long> GetTreeSizeAsync(CancellationToken ct = default)
    {
        await using var c = await store.OpenAsync(ct);
        return await store.ReadSizeAsync(c, null, ct);
    }

    public async Task<SignedCheckpoint> GetLatestCheckpointAsync(CancellationToken ct = default)
    {
        await using (var c = await store.OpenAsync(ct))
        {
            if (await store.ReadCheckpointAsync(c, null, ct) is { } row) return ToCheckpoint(row);
        }
        return await CheckpointNowAsync(ct);
    }

    public async Task<SignedCheckpoint> CheckpointNowAsync(CancellationToken ct = default) =>
        (await CheckpointIfGrownAsync(force: true, ct))!;

    /// <summary>Signs a checkpoint when the tree grew since the newest one (or when forced and none covers it).</summary>
    internal async Task<SignedCheckpoint?> CheckpointIfGrownAsync(bool force, CancellationToken ct)
    {
        await _checkpointGate.WaitAsync(ct);
        try
        {
            await using var c = await store.OpenAsync(ct);
            var latest = await store.ReadCheckpointAsync(c, null, ct);
            var size = await store.ReadSizeAsync(c, null, ct);
            if (latest is not null && latest.TreeSize >= size) return force ? ToCheckpoint(latest) : null;
            var root = await store.ComputeAsync(c, null, node => MerkleProofs.Root(size, node), ct);
            // Checkpoint timestamps strictly increase (RFC 6962 §3.5), even if the clock steps back.
            var ts = Math.Max(AuditText.ToMicros(time.GetUtcNow()), (latest?.TimestampUs ?? 0) + 1);
            var cp = SignedCheckpoint.Create(options.Origin, size, root, ts, signer);
            var row = new AuditCheckpointRow
            {
                TreeSize = size,
                RootHash = root,
                TimestampUs = ts,
                KeyId = cp.KeyId,
                Signature = cp.Signature,
                Note = cp.Note,
            };
            if (await store.InsertCheckpointAsync(c, row, ct)) return cp;
            // Another node signed this size first; both roots come from the same immutable nodes, so serve theirs.
            return ToCheckpoint((await store.ReadCheckpointAsync(c, size, ct))!);
        }
        finally
        {
            _checkpointGate.Release();
        }
    }

    internal static SignedCheckpoint ToCheckpoint(AuditCheckpointRow row) => new(
        row.Note[..Math.Max(0, row.Note.IndexOf('\n', StringComparison.Ordinal))],
        row.TreeSize, row.RootHash, AuditText.FromMicros(row.TimestampUs), row.KeyId, row.Signature, row.Note);

    public async Task<Result<InclusionProof>> GetInclusionProofAsync(long sequence, long treeSize, CancellationToken ct = default)
    {
        await using var c = await store.OpenAsync(ct);
        var current = await store.ReadSizeAsync(c, null, ct);
        var errors = new List<Error>();
        if (sequence < 0)
            errors.Add(new Error("audit.seq.negative", "序号不能为负数", "seq must not be negative", "seq"));
        if (treeSize < 1)
            errors.Add(new Error("audit.tree_size.too_small", "树大小必须至少为1", "treeSize must be at least 1", "treeSize"));
        else if (treeSize > current)
            errors.Add(new Error("audit.tree_size.beyond_log", $"树大小超过日志当前大小（{current}）",
                $"treeSize exceeds the current log size ({current})", "treeSize"));
        if (sequence >= 0 && treeSize >= 1 && sequence >= treeSize)
            errors.Add(new Error("audit.seq.beyond_tree_size", "序号必须小于树大小", "seq must be less than treeSize", "seq"));
        if (errors.Count > 0) return Result<InclusionProof>.Failure(errors);
        var proof = await store.ComputeAsync(c, null, node => new InclusionProof(sequence, treeSize,
            node(new NodeId(0, sequence)),
            MerkleProofs.InclusionPath(sequence, treeSize, node),
            MerkleProofs.Root(treeSize, node)), ct);
        return proof;
    }

    public async Task<Result<ConsistencyProof>> GetConsistencyProofAsync(long first, long second, CancellationToken ct = default)
    {
        await using var c = await store.OpenAsync(ct);
        var current = await store.ReadSizeAsync(c, null, ct);
        var errors = new List<Error>();
        if (first < 1)
            errors.Add(new Error("audit.first.too_small", "起始树大小必须至少为1", "first must be at least 1", "first"));
        if (second > current)
            errors.Add(new Error("audit.second.beyond_log", $"目标树大小超过日志当前大小（{current}）",
                $"second exceeds the current log size ({current})", "second"));
        if (first > second)
            errors.Add(new Error("audit.first.after_second", "起始树大小不能大于目标树大小", "first must not exceed second", "first"));
        if (errors.Count > 0) return Result<ConsistencyProof>.Failure(errors);
        return await store.ComputeAsync(c, null, node => new ConsistencyProof(first, second,
            MerkleProofs.ConsistencyProof(first, second, node),
            MerkleProofs.Root(first, node),
            MerkleProofs.Root(second, node)), ct);
    }

    public async Task ExportAsync(Stream output, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        await using var c = await store.OpenAsync(ct);
        await using var entries = await store.OpenAsync(ct);
        var size = await store.ReadSizeAsync(c, null, ct);
        var checkpoints = new List<AuditCheckpointRow>();
        await using (var cmd = c.CreateCommand())
        {
            cmd.CommandText = $"SELECT tree_size, root_hash, ts_us, key_id, signature, note FROM {store.Checkpoints} WHERE tree_size <= @s ORDER BY tree_size";
            AuditStore.AddParameter(cmd, "@s", size, DbType.Int64);
            await using var r = await cmd.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct)) checkpoints.Add(AuditStore.ReadCheckpoint(r));
        }
        long start;
        await using (var cmd = c.CreateCommand())
        {
            cmd.CommandText = $"SELECT MIN(seq) FROM {store.Entries}";
            var v = await cmd.ExecuteScalarAsync(ct);
            start = v is null or DBNull ? size : Convert.ToInt64(v, System.Globalization.CultureInfo.InvariantCulture);
        }
        var buffer = new MemoryStream(1 << 17);
        if (start > 0)
        {
            var ids = NodeId.CompactRange(start);
            var hashes = await store.ReadNodesAsync(c, null, ids, ct);
            WriteJsonLine(buffer, w =>
            {
                w.WriteStartObject();
                w.WriteStartObject("prefix"u8);
                w.WriteNumber("size"u8, start);
                w.WriteStartArray("border"u8);
                foreach (var id in ids) w.WriteBase64StringValue(hashes[id]);
                w.WriteEndArray();
                w.WriteEndObject();
                w.WriteEndObject();
            });
        }
        var nextCheckpoint = 0;
        void FlushCheckpointsUpTo(long treeSize)
        {
            while (nextCheckpoint < checkpoints.Count && checkpoints[nextCheckpoint].TreeSize <= treeSize)
            {
                var note = checkpoints[nextCheckpoint++].Note;
                WriteJsonLine(buffer, w =>
                {
                    w.WriteStartObject();
                    w.WriteString("checkpoint"u8, note);
                    w.WriteEndObject();
                });
            }
        }
        FlushCheckpointsUpTo(start);
        await using (var cmd = entries.CreateCommand())
        {
            cmd.CommandText = $"SELECT {AuditStore.EntryColumns} FROM {store.Entries} WHERE seq < @s ORDER BY seq";
            AuditStore.AddParameter(cmd, "@s", size, DbType.Int64);
            await using var r = await cmd.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct))
            {
                var row = AuditStore.ReadEntry(r);
                WriteLeafLine(buffer, row);
                FlushCheckpointsUpTo(row.Seq + 1);
                if (buffer.Length >= 1 << 16)
                {
                    await output.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), ct);
                    buffer.SetLength(0);
                }
            }
        }
        FlushCheckpointsUpTo(size);
        await output.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), ct);
        await output.FlushAsync(ct);
    }

    private static void WriteLeafLine(MemoryStream buffer, AuditEntryRow row)
    {
        buffer.Write(AuditLeafCodec.Write(row));
        buffer.WriteByte((byte)'\n');
    }

    private static void WriteJsonLine(MemoryStream buffer, Action<Utf8JsonWriter> write)
    {
        using (var w = new Utf8JsonWriter(buffer, AuditLeafCodec.WriterOptions)) write(w);
        buffer.WriteByte((byte)'\n');
    }

    /// <summary>
    /// Retention purge: removes the longest prefix of entries older than <see cref="AuditLogOptions.RetentionDays"/>
    /// by the database clock. Tree nodes and checkpoints are kept, so proofs for the remaining entries still verify.
    /// </summary>
    internal async Task<long> PurgeExpiredAsync(CancellationToken ct)
    {
        var days = Math.Max(options.RetentionDays, AuditLogOptions.MinimumRetentionDays);
        await using var c = await store.OpenAsync(ct);
        await using var cmd = c.CreateCommand();
        if (store.IsSqlite)
        {
            // Only a prefix is removed (seq below the first entry still inside the period), so no gaps appear.
            cmd.CommandText =
                $"DELETE FROM {store.Entries} WHERE seq < (SELECT COALESCE(MIN(seq), (SELECT COALESCE(MAX(seq) + 1, 0) FROM {store.Entries})) " +
                $"FROM {store.Entries} WHERE ts_us >= (CAST(strftime('%s','now') AS INTEGER) - @d * 86400) * 1000000)";
            AuditStore.AddParameter(cmd, "@d", (long)days, DbType.Int64);
            return await cmd.ExecuteNonQueryAsync(ct);
        }
        cmd.CommandText = "SELECT audit.purge_expired(@d)";
        AuditStore.AddParameter(cmd, "@d", days, DbType.Int32);
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
    }
}
