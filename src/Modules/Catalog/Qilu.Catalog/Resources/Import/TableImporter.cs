using System.Security.Cryptography;
using System.Text;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Qilu.Catalog.Contracts;
using Qilu.Catalog.Data;
using Qilu.Catalog.Elements;
using Qilu.Catalog.Entries;
using Qilu.Platform.Cryptography.Fields;
using Qilu.SharedKernel.Results;

namespace Qilu.Catalog.Resources.Import;

/// <summary>
/// The import pipeline of a mounted table: header mapping, per-row validation against the columns' data elements,
/// duplicate keys, encoding (encryption, blind indexes, digest) in parallel per batch, incremental upsert by key,
/// optional deletion of keys missing from the file, the change feed and <see cref="ResourceRowsChanged"/> (one per
/// import) in the same transaction. Reading, checking and writing run as a pipeline over bounded channels (ADR 0016
/// addendum): memory holds a few batches plus a 128-bit hash per key seen (duplicate detection and "delete missing"), and
/// for a re-import of a table of up to <see cref="DigestPreloadLimit"/> rows the stored rows' digests (addendum 5).
/// </summary>
/// <param name="db">The Catalog context; the import runs in its connection and transaction.</param>
/// <param name="protector">Field encryption and blind indexes for the personal columns.</param>
/// <param name="clock">The time of the import and of its change-feed entries.</param>
/// <param name="digestPreloadLimit">Largest stored table whose digests are read in one pass (<see cref="DigestPreloadLimit"/>);
/// tests lower it to exercise the per-batch lookups that larger tables use.</param>
internal sealed class TableImporter(CatalogDbContext db, IFieldProtector protector, TimeProvider clock, long digestPreloadLimit = TableImporter.DigestPreloadLimit)
{
    /// <summary>Rows per pipeline batch. Small enough that the batches in flight (at most one being read, one queued, one
    /// being checked, one queued, one being written) stay a few MB, so that most collections during an import find them
    /// dead or few (ADR 0016 addendum 4: with 4,096-row batches and two-deep queues every collection was gen ≥ 1).</summary>
    public const int BatchSize = 1024;
    public const int MaxStoredRejections = 100_000;

    /// <summary>
    /// Largest table whose stored digests a re-import reads in one pass before it starts (ADR 0016 addendum 5): ~40 bytes
    /// of memory per stored row (the key's 128-bit hash and 128 bits of its digest), so at most ~80 MB. Larger tables look
    /// their digests up per batch, as before.
    /// </summary>
    public const long DigestPreloadLimit = 2_000_000;

    /// <summary>Runs an import. The import record is saved first (so progress and failure are visible), then the rows
    /// in one transaction.</summary>
    public async Task<Result<ImportReport>> RunAsync(MountedResource resource, string fileName, string format, bool deleteMissing, string by,
        IAsyncEnumerable<string?[]> source, IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(source);
        storedRejections = 0;
        var codec = new RowCodec(resource, protector);
        var columns = codec.Columns;
        var identifiers = columns.Select(c => c.ElementIdentifier).Distinct().ToList();
        var elements = (await db.Elements.AsNoTracking().Where(e => identifiers.Contains(e.Identifier)).ToListAsync(ct))
            .ToDictionary(e => e.Identifier, e => e.ToInfo(), StringComparer.Ordinal);
        var validator = new ElementValueValidator(null, clock);
        var import = new TableImport { ResourceId = resource.Id, FileName = fileName, Format = format, DeleteMissing = deleteMissing, StartedBy = by, StartedAt = clock.GetUtcNow() };
        db.Imports.Add(import);
        await db.SaveChangesAsync(ct);

        await using var rows = source.GetAsyncEnumerator(ct);
        int[] map;
        try
        {
            if (!await rows.MoveNextAsync())
                return await FailAsync(import, "import.empty", "文件为空，没有表头", "The file is empty (no header row)", null, ct);
            var header = ImportHeader.Map(rows.Current, columns, codec.KeyColumn);
            if (!header.IsSuccess) return await FailAsync(import, header.Errors[0], ct);
            map = header.Value;
        }
        catch (Exception ex) when (ex is InvalidDataException or System.Text.Json.JsonException or IOException or InvalidOperationException)
        {
            return await FailAsync(import, "import.unreadable", $"文件无法读取：{ex.Message}", $"The file cannot be read: {ex.Message}", null, ct);
        }

        var identity = map.Length == columns.Count;
        for (var i = 0; i < map.Length && identity; i++) identity = map[i] == i;
        var store = new RowStore(db);
        // Opened here (not by the transaction) so that it stays open until the bulk mode is undone after the transaction.
        await store.OpenAsync(ct);
        await using var bulk = await store.BulkModeAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // Claims the resource for the length of the transaction: a concurrent import of the same table waits on the
        // row lock (PostgreSQL) or the write lock (SQLite) and then fails the version check instead of interleaving.
        var claimed = await db.Resources.Where(r => r.Id == resource.Id && r.Version == resource.Version)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Version, r => r.Version + 1), ct);
        if (claimed == 0)
        {
            await tx.RollbackAsync(ct);
            return await FailAsync(import, "import.concurrent", "该资源正在被另一次导入更新或已被修改，请稍后重试",
                "Another import is updating this resource or it changed; retry later", null, ct, ErrorKind.Conflict);
        }
        var now = clock.GetUtcNow();
        var startSequence = resource.ChangeSequence;
        var sequence = startSequence;
        var storedRows = await store.CountAsync(resource.Id, ct);
        var empty = storedRows == 0;
        // A re-import compares every row with its stored digest. Looked up per batch, that is one random probe of the key
        // index per row; on PostgreSQL with a cache smaller than the table that made a 1,000,000-row re-import of unchanged
        // rows take 78 s. One pass over the resource's digests reads the same rows in the table's order instead.
        var preloaded = !empty && storedRows <= digestPreloadLimit ? await PreloadDigestsAsync(store, resource.Id, storedRows, ct) : null;
        var seen = new Dictionary<UInt128, long>();
        var rejections = new List<ImportRejection>();
        long rowNumber = 0;
        await using var sqliteWriter = store.IsSqlite ? new SqliteRowWriter(store, resource.Id, now) : null;

        // Three stages so that parsing, checking/encoding and writing overlap: one reader, the checks of a batch spread
        // over the cores (Parallel.For), one writer that owns the DbContext and everything order-dependent (duplicate
        // keys, sequences, rejections). Bounded channels of one batch each keep memory flat whatever the file size, and
        // keep the rows alive between stages few (addendum 4).
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var parsed = Channel.CreateBounded<List<(long Row, string?[] Raw)>>(new BoundedChannelOptions(1) { SingleReader = true, SingleWriter = true });
        var checkedBatches = Channel.CreateBounded<(List<(long Row, string?[] Raw)> Batch, RowOutcome[] Outcomes)>(
            new BoundedChannelOptions(1) { SingleReader = true, SingleWriter = true });
        var reading = Task.Run(ReadAllAsync, CancellationToken.None);
        var checking = Task.Run(CheckAllAsync, CancellationToken.None);

        try
        {
            await foreach (var (batch, outcomes) in checkedBatches.Reader.ReadAllAsync(ct))
            {
                sequence = await WriteAsync(batch, outcomes, sequence);
                progress?.Report(new ImportProgress(batch[^1].Row, import.Rejected, import.Inserted, import.Updated, import.Unchanged));
            }
            await reading;
            await checking;
            import.RowsRead = rowNumber;
            if (deleteMissing)
            {
                var gone = new List<(string, long)>();
                await foreach (var token in store.KeyTokensAsync(resource.Id, ct))
                    if (!seen.ContainsKey(HashOf(token))) gone.Add((token, ++sequence));
                await store.DeleteAsync(codec, gone, now, ct);
                import.Deleted = gone.Count;
            }
            await SaveRejectionsAsync();

            var tracked = await db.Resources.FirstAsync(r => r.Id == resource.Id, ct);
            await db.Entry(tracked).ReloadAsync(ct);
            tracked.RowCount = await store.CountAsync(resource.Id, ct);
            tracked.ChangeSequence = sequence;
            tracked.UpdatedAt = now;
            tracked.LastDuplicateKeys = import.DuplicateKeys;
            import.Status = ImportStatus.Succeeded;
            import.FinishedAt = clock.GetUtcNow();
            if (sequence > startSequence)
            {
                import.FromSequence = startSequence + 1;
                import.ToSequence = sequence;
                CatalogOutbox.Add(db, new ResourceRowsChanged(resource.Id, resource.EntryId, startSequence + 1, sequence, now) { OccurredAt = now }, now);
            }
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            resource.Version = tracked.Version;
            resource.RowCount = tracked.RowCount;
            resource.ChangeSequence = tracked.ChangeSequence;
            resource.UpdatedAt = now;
            return ImportReport.Of(import, [.. rejections.Take(200)]);
        }
        catch (Exception ex) when (ex is InvalidDataException or System.Text.Json.JsonException or IOException)
        {
            await tx.RollbackAsync(CancellationToken.None);
            db.ChangeTracker.Clear();
            return await FailAsync(import, "import.unreadable", $"第{rowNumber + 1}行附近文件无法读取：{ex.Message}，未写入任何数据",
                $"The file cannot be read near row {rowNumber + 1}: {ex.Message}; nothing was written", null, CancellationToken.None);
        }
        finally
        {
            // The stages end on their own once the writer has drained them; after a failure they are told to stop and
            // awaited, so that nothing touches the source after it is disposed. They never throw (failures travel
            // through the channels).
            await stop.CancelAsync();
            await reading;
            await checking;
        }

        async Task ReadAllAsync()
        {
            Exception? failure = null;
            try
            {
                var pending = new List<(long Row, string?[] Raw)>(BatchSize);
                while (await rows.MoveNextAsync())
                {
                    var raw = rows.Current;
                    // A file whose columns are the table's, in order, needs no second array per row (the sources yield a
                    // fresh array per row, which the pipeline then owns).
                    var mapped = identity && raw.Length == columns.Count ? raw : new string?[columns.Count];
                    if (!ReferenceEquals(mapped, raw))
                        for (var i = 0; i < map.Length; i++)
                            if (map[i] >= 0 && map[i] < raw.Length) mapped[i] = raw[map[i]];
                    pending.Add((rowNumber + 1, mapped));
                    rowNumber++;
                    if (pending.Count == BatchSize)
                    {
                        await parsed.Writer.WriteAsync(pending, stop.Token);
                        pending = new List<(long Row, string?[] Raw)>(BatchSize);
                    }
                }
                if (pending.Count > 0) await parsed.Writer.WriteAsync(pending, stop.Token);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                failure = ex;
            }
            parsed.Writer.TryComplete(failure);
        }

        async Task CheckAllAsync()
        {
            Exception? failure = null;
            try
            {
                await foreach (var batch in parsed.Reader.ReadAllAsync(stop.Token))
                {
                    var outcomes = new RowOutcome[batch.Count];
                    Parallel.For(0, batch.Count, new ParallelOptions { CancellationToken = stop.Token }, i => outcomes[i] = Check(batch[i].Raw));
                    await checkedBatches.Writer.WriteAsync((batch, outcomes), stop.Token);
                }
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                failure = ex;
            }
            checkedBatches.Writer.TryComplete(failure);
        }

        async Task<long> WriteAsync(List<(long Row, string?[] Raw)> batch, RowOutcome[] outcomes, long seq)
        {
            var accepted = new List<(long Row, EncodedRow Row2, UInt128 Hash)>(batch.Count);
            for (var i = 0; i < batch.Count; i++)
            {
                var o = outcomes[i];
                if (o.Errors is { Count: > 0 })
                {
                    import.Rejected++;
                    foreach (var e in o.Errors) Reject(batch[i].Row, e);
                    continue;
                }
                var hash = o.KeyHash;
                if (seen.TryGetValue(hash, out var first))
                {
                    import.Rejected++;
                    import.DuplicateKeys++;
                    Reject(batch[i].Row, new Error("key.duplicate", $"主键“{resource.KeyField}”与第{first}行重复，已保留第{first}行",
                        $"Key '{resource.KeyField}' repeats row {first}; row {first} was kept", resource.KeyField));
                    continue;
                }
                seen[hash] = batch[i].Row;
                accepted.Add((batch[i].Row, o.Encoded!, hash));
            }
            var existing = empty || preloaded is not null ? [] : await store.DigestsAsync(resource.Id, [.. accepted.Select(a => a.Row2.KeyToken)], ct);
            var writes = new List<(EncodedRow, long, bool)>(accepted.Count);
            foreach (var (_, row, hash) in accepted)
            {
                bool stored, same;
                if (preloaded is not null)
                {
                    stored = preloaded.TryGetValue(hash, out var storedDigest);
                    same = stored && storedDigest == DigestBits(row.Digest);
                }
                else
                {
                    stored = existing.TryGetValue(row.KeyToken, out var digest);
                    same = stored && string.Equals(digest, row.Digest, StringComparison.Ordinal);
                }
                if (stored)
                {
                    if (same) { import.Unchanged++; continue; }
                    import.Updated++;
                    writes.Add((row, ++seq, true));
                }
                else
                {
                    import.Inserted++;
                    writes.Add((row, ++seq, false));
                }
            }
            if (writes.Count > 0)
            {
                List<StaleFilter> stale = [];
                if (!empty && writes.Any(w => w.Item3))
                    stale = await store.FilterTokensAsync(codec, [.. writes.Where(w => w.Item3).Select(w => w.Item1.KeyToken)], ct);
                if (sqliteWriter is not null) await sqliteWriter.WriteAsync(writes, stale, ct);
                else await store.UpsertAsync(resource.Id, writes, stale, now, ct);
            }
            if (rejections.Count >= 10_000) await SaveRejectionsAsync();
            return seq;
        }

        RowOutcome Check(string?[] raw)
        {
            List<Error>? errors = null;
            var canonical = new string?[raw.Length];
            for (var i = 0; i < raw.Length; i++)
            {
                var value = raw[i];
                if (string.IsNullOrWhiteSpace(value))
                {
                    if (i == codec.KeyColumn)
                        (errors ??= []).Add(new Error("key.required", $"主键“{columns[i].Field}”不能为空", $"Key '{columns[i].Field}' is required", columns[i].Field));
                    continue;
                }
                if (!elements.TryGetValue(columns[i].ElementIdentifier, out var element))
                {
                    canonical[i] = value.Trim();
                    continue;
                }
                var checkedValue = validator.Validate(element, value);
                if (checkedValue.IsSuccess)
                {
                    canonical[i] = checkedValue.Value;
                    if (i == codec.KeyColumn && checkedValue.Value.Length > 256)
                        (errors ??= []).Add(new Error("key.too_long", "主键不能超过256个字符", "The key must be at most 256 characters", columns[i].Field));
                }
                else
                {
                    foreach (var e in checkedValue.Errors) (errors ??= []).Add(e with { Field = columns[i].Field });
                }
            }
            if (errors is not null) return new RowOutcome(null, errors, default);
            var encoded = codec.Encode(canonical);
            return new RowOutcome(encoded, null, HashOf(encoded.KeyToken));
        }

        void Reject(long row, Error e)
        {
            if (rejections.Count + storedRejections >= MaxStoredRejections) return;
            rejections.Add(new ImportRejection { ImportId = import.Id, RowNumber = row, Field = e.Field ?? "", Code = e.Code, Reason = e.Message, ReasonEn = e.MessageEn ?? e.Message });
        }

        async Task SaveRejectionsAsync()
        {
            var fresh = rejections.Skip(storedRejections).ToList();
            if (fresh.Count == 0) return;
            db.ImportRejections.AddRange(fresh);
            await db.SaveChangesAsync(ct);
            storedRejections += fresh.Count;
            foreach (var r in fresh) db.Entry(r).State = EntityState.Detached;
        }
    }

    private int storedRejections;

    /// <summary>The stored digest of every row of the resource, by the 128-bit hash of its key token (as <c>seen</c> keys them).</summary>
    private static async Task<Dictionary<UInt128, UInt128>> PreloadDigestsAsync(RowStore store, Guid resource, long rows, CancellationToken ct)
    {
        var digests = new Dictionary<UInt128, UInt128>((int)rows);
        await foreach (var (token, digest) in store.AllDigestsAsync(resource, ct)) digests[HashOf(token)] = DigestBits(digest);
        return digests;
    }

    /// <summary>
    /// The first 128 bits of a digest (base64 of 18 bytes of HMAC-SHA256): equal digests give equal bits, and two
    /// different rows' digests share them with probability 2⁻¹²⁸ — the same standard as the 128-bit key hashes. A stored
    /// digest that is not such text (damaged) gives zero, which a computed digest does not, so the row is rewritten.
    /// </summary>
    private static UInt128 DigestBits(string digest)
    {
        Span<byte> bytes = stackalloc byte[32];
        return Convert.TryFromBase64String(digest, bytes, out var n) && n >= 16
            ? System.Buffers.Binary.BinaryPrimitives.ReadUInt128LittleEndian(bytes)
            : UInt128.Zero;
    }

    /// <summary>128 bits of the key token: blind indexes are already uniform (hex of an HMAC), plaintext keys are hashed.</summary>
    private static UInt128 HashOf(string token)
    {
        Span<byte> h = stackalloc byte[32];
        var max = Encoding.UTF8.GetMaxByteCount(token.Length);
        // Key tokens are at most 256 characters (longer keys are rejected) or 64 hex characters; no array per row.
        Span<byte> utf8 = max <= 1024 ? stackalloc byte[1024] : new byte[max];
        SHA256.HashData(utf8[..Encoding.UTF8.GetBytes(token, utf8)], h);
        return System.Buffers.Binary.BinaryPrimitives.ReadUInt128LittleEndian(h);
    }

    private Task<Result<ImportReport>> FailAsync(TableImport import, string code, string zh, string en, string? field, CancellationToken ct, ErrorKind kind = ErrorKind.Validation) =>
        FailAsync(import, new Error(code, zh, en, field), ct, kind);

    private async Task<Result<ImportReport>> FailAsync(TableImport import, Error error, CancellationToken ct, ErrorKind kind = ErrorKind.Validation)
    {
        db.ChangeTracker.Clear();
        await db.Imports.Where(i => i.Id == import.Id).ExecuteUpdateAsync(s => s
            .SetProperty(i => i.Status, ImportStatus.Failed).SetProperty(i => i.Failure, error.Message)
            .SetProperty(i => i.FinishedAt, clock.GetUtcNow()), ct);
        return Result<ImportReport>.Failure(error, kind);
    }

    // A struct: the outcomes of a batch are one array, not one object per row that lives until the batch is written.
    private readonly record struct RowOutcome(EncodedRow? Encoded, List<Error>? Errors, UInt128 KeyHash);
}

/// <summary>Progress of a running import.</summary>
/// <param name="RowsRead">Data rows read so far.</param>
/// <param name="Rejected">Rows rejected so far.</param>
/// <param name="Inserted">Rows inserted.</param>
/// <param name="Updated">Rows updated.</param>
/// <param name="Unchanged">Rows unchanged.</param>
internal sealed record ImportProgress(long RowsRead, long Rejected, long Inserted, long Updated, long Unchanged);
