using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qilu.Catalog.Data;
using Qilu.Catalog.Elements;
using Qilu.Catalog.Resources;
using Qilu.Catalog.Resources.Import;
using Qilu.Platform.Cryptography.Fields;

namespace Qilu.Bench.Catalog;

/// <summary>
/// Stage profile of the import (<c>resources --profile</c>): runs each stage of the pipeline single-threaded over the
/// same CSV and prints µs/row per stage (parse, validate, seal, blind indexes, digest, write), so a change can be aimed
/// at the stage that costs. The write stage goes into a scratch resource in one rolled-back transaction.
/// </summary>
internal static class ResourcesProfile
{
    public static async Task RunAsync(IServiceProvider sp, Guid resourceId, string csv)
    {
        await using var scope = sp.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CatalogDbContext>();
        var protector = scope.ServiceProvider.GetRequiredService<IFieldProtector>();
        var resource = await db.Resources.AsNoTracking().FirstAsync(r => r.Id == resourceId);
        var codec = new RowCodec(resource, protector);
        var ids = codec.Columns.Select(c => c.ElementIdentifier).ToList();
        var elements = (await db.Elements.AsNoTracking().Where(e => ids.Contains(e.Identifier)).ToListAsync()).ToDictionary(e => e.Identifier, e => e.ToInfo());
        var validator = new ElementValueValidator(null, TimeProvider.System);

        var watch = Stopwatch.StartNew();
        var raw = new List<string?[]>();
        await using (var file = File.OpenRead(csv))
            await foreach (var r in CsvRows.ReadAsync(file, CancellationToken.None)) raw.Add(r);
        raw.RemoveAt(0);
        var parse = watch.Elapsed.TotalMilliseconds;
        var n = raw.Count;

        watch.Restart();
        var canonical = new List<string?[]>(n);
        foreach (var r in raw)
        {
            var c = new string?[r.Length];
            var ok = true;
            for (var i = 0; i < r.Length; i++)
            {
                if (string.IsNullOrWhiteSpace(r[i])) continue;
                var v = validator.Validate(elements[codec.Columns[i].ElementIdentifier], r[i]);
                if (v.IsSuccess) c[i] = v.Value; else ok = false;
            }
            if (ok) canonical.Add(c);
        }
        var validate = watch.Elapsed.TotalMilliseconds;

        watch.Restart();
        foreach (var c in canonical) protector.Protect($"{{\"姓名\":\"{c[1]}\",\"出生日期\":\"{c[3]}\",\"联系电话\":\"{c[4]}\",\"公民身份号码\":\"{c[0]}\"}}");
        var seal = watch.Elapsed.TotalMilliseconds;
        watch.Restart();
        var blinds = 0;
        foreach (var c in canonical)
            for (var i = 0; i < c.Length; i++)
                if (codec.Columns[i].Indexed && c[i] is { } v) { codec.FilterToken(i, v); blinds++; }
        var blind = watch.Elapsed.TotalMilliseconds;
        watch.Restart();
        foreach (var c in canonical) codec.Digest(c);
        var digest = watch.Elapsed.TotalMilliseconds;
        watch.Restart();
        var encoded = canonical.Select(codec.Encode).ToList();
        var encode = watch.Elapsed.TotalMilliseconds;

        await db.Database.OpenConnectionAsync();
        var store = new RowStore(db);
        // As the importer does: the import connection's page cache (ADR 0016 addendum 2).
        await using var bulk = await store.BulkModeAsync(CancellationToken.None);
        await using var tx = await db.Database.BeginTransactionAsync();
        watch.Restart();
        long seq = 0;
        // One scratch resource for every batch, as an import writes: a new resource id per batch (as this profile did
        // until addendum 4) put each batch's keys into an empty range of the indexes, so the write figure missed the
        // random-insert cost of a real import into one growing table.
        var scratch = Guid.NewGuid();
        if (store.IsSqlite)
        {
            await using var writer = new SqliteRowWriter(store, scratch, DateTimeOffset.UnixEpoch);
            foreach (var chunk in encoded.Chunk(TableImporter.BatchSize))
                await writer.WriteAsync([.. chunk.Select(e => (e, ++seq, false))], [], CancellationToken.None);
        }
        else
        {
            foreach (var chunk in encoded.Chunk(TableImporter.BatchSize))
                await store.UpsertAsync(scratch, [.. chunk.Select(e => (e, ++seq, false))], [], DateTimeOffset.UnixEpoch, CancellationToken.None);
        }
        var write = watch.Elapsed.TotalMilliseconds;
        await tx.RollbackAsync();

        string Us(double ms, int count) => BenchOptions.F(ms * 1000 / count, 2);
        Console.WriteLine($"profile over {n:N0} rows (single thread, µs/row): parse {Us(parse, n)}, validate {Us(validate, n)}, " +
            $"seal {Us(seal, canonical.Count)}, blind indexes {Us(blind, canonical.Count)} ({BenchOptions.F(blind * 1000 / blinds, 2)} µs each), digest {Us(digest, canonical.Count)}, " +
            $"encode total {Us(encode, canonical.Count)}, write {Us(write, canonical.Count)}");
    }
}
