using System.Data;
using System.Diagnostics;
using System.Text.Json;
using Qilu.Platform.Audit.Checkpoints;
using Qilu.Platform.Audit.Data;
using Qilu.Platform.Audit.Merkle;
using Qilu.Platform.Persistence;

namespace Qilu.Platform.Audit.Verification;

/// <summary>
/// Offline verifier (离线校验): recomputes every leaf hash and the tree, checks each stored checkpoint's SM2 signature
/// against trusted keys and its root at its size, and names the first broken entry. Streams: memory stays O(log n)
/// plus one batch, whatever the log size. Leaves of a batch are hashed in parallel; the tree is folded in order.
/// </summary>
public sealed class AuditVerifier(ICheckpointVerifierKeys keys, string? expectedOrigin = null)
{
    private const int Batch = 4096;

    /// <summary>
    /// Verifies the audit tables directly. Besides the checkpoints, each recomputed leaf hash is compared with the
    /// stored level-0 node, which pinpoints an entry edited in place.
    /// </summary>
    public async Task<AuditVerificationReport> VerifyDatabaseAsync(DatabaseConnection db, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var sw = Stopwatch.StartNew();
        var store = new AuditStore(db);
        var state = new VerificationState(keys, expectedOrigin);
        await using var meta = await store.OpenAsync(ct);
        await using var entryConn = await store.OpenAsync(ct);
        await using var nodeConn = await store.OpenAsync(ct);

        long start;
        await using (var cmd = meta.CreateCommand())
        {
            cmd.CommandText = $"SELECT MIN(seq) FROM {store.Entries}";
            var v = await cmd.ExecuteScalarAsync(ct);
            start = v is null or DBNull ? await store.ReadSizeAsync(meta, null, ct) : Convert.ToInt64(v, System.Globalization.CultureInfo.InvariantCulture);
        }
        state.StartAt(start, start == 0 ? new CompactRange() : await store.ReadCompactRangeAsync(meta, null, start, ct));
        await using (var cmd = meta.CreateCommand())
        {
            cmd.CommandText = $"SELECT note FROM {store.Checkpoints} ORDER BY tree_size";
            await using var r = await cmd.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct)) state.AddCheckpoint(r.GetString(0));
        }

        await using var entryCmd = entryConn.CreateCommand();
        entryCmd.CommandText = $"SELECT {AuditStore.EntryColumns} FROM {store.Entries} ORDER BY seq";
        await using var nodeCmd = nodeConn.CreateCommand();
        nodeCmd.CommandText = $"SELECT seq, hashes FROM {store.Tree} WHERE seq >= @s ORDER BY seq";
        AuditStore.AddParameter(nodeCmd, "@s", start, DbType.Int64);
        await using var entries = await entryCmd.ExecuteReaderAsync(CommandBehavior.SequentialAccess, ct);
        await using var nodes = await nodeCmd.ExecuteReaderAsync(CommandBehavior.SequentialAccess, ct);

        // Reading (one task) overlaps serialising and hashing (the other core): a bounded hand-off of two batches.
        var batches = System.Threading.Channels.Channel.CreateBounded<(AuditEntryRow[] Rows, byte[][] Stored, int Count)>(2);
        var producer = Task.Run(async () =>
        {
            try
            {
                var moreNodes = true;
                long peekIdx = -1;
                byte[] peekHash = [];
                while (true)
                {
                    var rows = new AuditEntryRow[Batch];
                    var stored = new byte[Batch][];
                    var n = 0;
                    while (n < Batch && entries.Read())
                    {
                        var row = AuditStore.ReadEntry(entries);
                        rows[n] = row;
                        stored[n] = [];
                        // Align the leaf-hash stream with the entry: a node without its entry means the entry was deleted.
                        while (true)
                        {
                            if (peekIdx < 0)
                            {
                                if (!moreNodes || !nodes.Read())
                                {
                                    moreNodes = false;
                                    break;
                                }
                                peekIdx = nodes.GetInt64(0);
                                // The leaf's own hash leads its tree row (ADR 0004 addendum 2).
                                var hashes = (byte[])nodes.GetValue(1);
                                peekHash = hashes.Length > MerkleHash.Size ? hashes[..MerkleHash.Size] : hashes;
                            }
                            if (peekIdx > row.Seq) break;
                            if (peekIdx == row.Seq) stored[n] = peekHash;
                            peekIdx = -1;
                            if (stored[n].Length > 0) break;
                        }
                        n++;
                    }
                    if (n == 0) break;
                    await batches.Writer.WriteAsync((rows, stored, n), ct);
                }
                batches.Writer.TryComplete();
            }
            catch (Exception e)
            {
                batches.Writer.TryComplete(e);
            }
        }, ct);

        var computed = new byte[Batch][];
        var failed = new string?[Batch];
        await foreach (var (rows, stored, n) in batches.Reader.ReadAllAsync(ct))
        {
            if (state.Stopped) continue;
            Parallel.For(0, n, i =>
            {
                try
                {
                    computed[i] = MerkleHash.Leaf(AuditLeafCodec.Write(rows[i]));
                    failed[i] = null;
                }
                catch (Exception e) when (e is JsonException or ArgumentException or InvalidOperationException)
                {
                    computed[i] = [];
                    failed[i] = e.Message;
                }
            });
            for (var i = 0; i < n && !state.Stopped; i++)
            {
                var seq = rows[i].Seq;
                if (seq != state.Range.Size)
                {
                    state.Issue("entry.gap", state.Range.Size,
                        seq > state.Range.Size
                            ? $"entries {state.Range.Size}..{seq - 1} are missing (deleted outside retention)"
                            : $"entry {seq} is out of order");
                    state.Stopped = true;
                    break;
                }
                if (failed[i] is { } why)
                {
                    state.Issue("entry.unreadable", seq, $"entry {seq} cannot be serialised: {why}");
                    state.Stopped = true;
                    break;
                }
                if (stored[i].Length == 0)
                    state.Issue("entry.leaf_mismatch", seq, $"entry {seq} has no stored leaf hash");
                else if (!stored[i].AsSpan().SequenceEqual(computed[i]))
                    state.Issue("entry.leaf_mismatch", seq, $"entry {seq} does not match its leaf hash: the row was modified");
                state.AppendLeafHash(computed[i]);
            }
        }
        await producer;
        if (!state.Stopped)
        {
            var size = await store.ReadSizeAsync(meta, null, ct);
            if (size > state.Range.Size)
                state.Issue("entry.missing", state.Range.Size, $"entries {state.Range.Size}..{size - 1} have tree nodes but no rows: they were deleted");
        }
        return state.Finish(sw.Elapsed);
    }

    /// <summary>Verifies a JSON-lines export written by <see cref="IAuditLog.ExportAsync"/>.</summary>
    public async Task<AuditVerificationReport> VerifyExportAsync(Stream input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var sw = Stopwatch.StartNew();
        var state = new VerificationState(keys, expectedOrigin);
        var reader = new ExportLineProcessor(state);
        var buffer = new byte[1 << 20];
        var filled = 0;
        long lineNo = 0;
        while (!state.Stopped)
        {
            var read = await input.ReadAsync(buffer.AsMemory(filled), ct);
            var eof = read == 0;
            filled += read;
            var consumed = reader.ProcessLines(buffer.AsSpan(0, filled), eof, ref lineNo);
            if (consumed < filled) Buffer.BlockCopy(buffer, consumed, buffer, 0, filled - consumed);
            filled -= consumed;
            if (eof) break;
            if (filled == buffer.Length) Array.Resize(ref buffer, buffer.Length * 2);
        }
        reader.Flush();
        return state.Finish(sw.Elapsed);
    }

    /// <summary>Parses export lines and hashes entry lines in parallel batches.</summary>
    private sealed class ExportLineProcessor(VerificationState state)
    {
        private readonly List<(long Seq, byte[] Line)> _batch = new(Batch);
        private readonly byte[][] _hashes = new byte[Batch][];
        private bool _started;

        public int ProcessLines(ReadOnlySpan<byte> data, bool eof, ref long lineNo)
        {
            var consumed = 0;
            while (!state.Stopped)
            {
                var rest = data[consumed..];
                var nl = rest.IndexOf((byte)'\n');
                if (nl < 0)
                {
                    if (eof && rest.Length > 0)
                    {
                        lineNo++;
                        Line(rest, lineNo);
                        consumed = data.Length;
                    }
                    break;
                }
                lineNo++;
                Line(rest[..nl], lineNo);
                consumed += nl + 1;
            }
            return consumed;
        }

        private void Line(ReadOnlySpan<byte> line, long lineNo)
        {
            if (line.IsEmpty) return;
            if (line.StartsWith("{\"v\":"u8))
            {
                if (!AuditLeafCodec.TryReadSequence(line, out var seq))
                {
                    state.Issue("export.malformed", null, $"line {lineNo}: entry without a readable sequence");
                    state.Stopped = true;
                    return;
                }
                if (!_started) Start(0, new CompactRange());
                _batch.Add((seq, line.ToArray()));
                if (_batch.Count == Batch) Flush();
                return;
            }
            Flush();
            try
            {
                using var doc = JsonDocument.Parse(line.ToArray());
                var root = doc.RootElement;
                if (root.TryGetProperty("checkpoint", out var note) && note.ValueKind == JsonValueKind.String)
                {
                    if (!_started) Start(0, new CompactRange());
                    state.AddCheckpoint(note.GetString()!);
                }
                else if (root.TryGetProperty("prefix", out var prefix) && !_started)
                {
                    var size = prefix.GetProperty("size").GetInt64();
                    var border = prefix.GetProperty("border").EnumerateArray().Select(e => e.GetBytesFromBase64()).ToList();
                    Start(size, new CompactRange(size, border));
                }
                else
                {
                    state.Issue("export.malformed", null, $"line {lineNo}: unknown record");
                }
            }
            catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException or ArgumentException or KeyNotFoundException)
            {
                state.Issue("export.malformed", null, $"line {lineNo}: {e.Message}");
                state.Stopped = true;
            }
        }

        private void Start(long size, CompactRange range)
        {
            _started = true;
            state.StartAt(size, range);
        }

        public void Flush()
        {
            var n = _batch.Count;
            if (n == 0) return;
            Parallel.For(0, n, i => _hashes[i] = MerkleHash.Leaf(_batch[i].Line));
            for (var i = 0; i < n; i++)
            {
                var seq = _batch[i].Seq;
                if (seq != state.Range.Size)
                {
                    state.Issue("entry.gap", state.Range.Size,
                        seq > state.Range.Size ? $"entries {state.Range.Size}..{seq - 1} are missing from the export" : $"entry {seq} is out of order");
                    state.Stopped = true;
                    break;
                }
                state.AppendLeafHash(_hashes[i]);
            }
            _batch.Clear();
        }
    }
}
