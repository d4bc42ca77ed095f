using System.Data;
using System.Data.Common;
using System.Diagnostics;
using Qilu.Platform.Audit;
using Qilu.Platform.Audit.Data;
using Qilu.Platform.Audit.Merkle;
using Qilu.Platform.Persistence;
using static Qilu.Bench.BenchOptions;

namespace Qilu.Bench.Audit;

/// <summary>
/// Where database-mode verification spends its time: the stages of <c>AuditVerifier.VerifyDatabaseAsync</c> run one
/// after another on one thread with the same queries and codecs, each timed with a Stopwatch. The verifier itself
/// overlaps reading (one task) with serialising and hashing (Parallel.For), so its rate is bounded by the slower of
/// "read" and "(serialise + hash) spread over the remaining cores", and by the single-threaded tree fold.
/// </summary>
internal static class VerifyProfile
{
    public static async Task RunAsync(DatabaseConnection db)
    {
        var store = new AuditStore(db);
        var rows = new List<AuditEntryRow>(256 * 1024);
        var stored = new List<byte[]>(256 * 1024);
        await using var conn = await store.OpenAsync(CancellationToken.None);

        // Warm the page cache and the JIT with one untimed pass over the entries.
        await ReadEntriesAsync(conn, store, new List<AuditEntryRow>());

        var sw = Stopwatch.StartNew();
        await ReadEntriesAsync(conn, store, rows);
        var readEntries = sw.Elapsed;

        sw.Restart();
        await using (var cmd = conn.CreateCommand())
        {
            cmd.CommandText = $"SELECT seq, hashes FROM {store.Tree} WHERE seq >= 0 ORDER BY seq";
            await using var r = await cmd.ExecuteReaderAsync(CommandBehavior.SequentialAccess);
            while (r.Read())
            {
                r.GetInt64(0);
                stored.Add(((byte[])r.GetValue(1))[..MerkleHash.Size]);
            }
        }
        var readNodes = sw.Elapsed;

        var leaves = new byte[rows.Count][];
        sw.Restart();
        for (var i = 0; i < rows.Count; i++) leaves[i] = AuditLeafCodec.Write(rows[i]).ToArray();
        var serialise = sw.Elapsed;

        var hashes = new byte[rows.Count][];
        sw.Restart();
        for (var i = 0; i < rows.Count; i++) hashes[i] = MerkleHash.Leaf(leaves[i]);
        var hash = sw.Elapsed;

        sw.Restart();
        var mismatches = 0;
        for (var i = 0; i < rows.Count; i++)
            if (!stored[i].AsSpan().SequenceEqual(hashes[i])) mismatches++;
        var compare = sw.Elapsed;

        sw.Restart();
        var range = new CompactRange();
        foreach (var h in hashes) range.Append(h);
        var fold = sw.Elapsed;

        var n = rows.Count;
        string Row(string stage, TimeSpan t) =>
            $"| {stage} | {F(t.TotalMilliseconds, 0)} | {F(t.TotalMicroseconds / n, 2)} | {N0(n / t.TotalSeconds)} |";
        Console.WriteLine();
        Console.WriteLine($"verification profile, database mode ({N0(n)} entries, stages run alone on one thread, {mismatches} leaf mismatches):");
        Console.WriteLine("| stage | ms | µs/entry | entries/s alone |");
        Console.WriteLine("|---|---:|---:|---:|");
        Console.WriteLine(Row("read entry rows (SqliteDataReader + AuditStore.ReadEntry)", readEntries));
        Console.WriteLine(Row("read leaf hashes (tree rows)", readNodes));
        Console.WriteLine(Row("serialise leaf (AuditLeafCodec.Write)", serialise));
        Console.WriteLine(Row("SM3 leaf hash (MerkleHash.Leaf)", hash));
        Console.WriteLine(Row("compare with stored leaf", compare));
        Console.WriteLine(Row("fold tree (CompactRange.Append)", fold));
        var reader = readEntries + readNodes;
        var cpuStages = serialise + hash;
        var cores = Environment.ProcessorCount;
        Console.WriteLine($"bound: the reading task alone ({F(reader.TotalMicroseconds / n, 2)} µs/entry) caps the verifier at {N0(n / reader.TotalSeconds)} entries/s; " +
                          $"serialise + hash ({F(cpuStages.TotalMicroseconds / n, 2)} µs/entry) on the other {cores - 1} core(s) at {N0(n / cpuStages.TotalSeconds * Math.Max(1, cores - 1))} entries/s; " +
                          $"all stages on {cores} cores with perfect overlap: {N0(n / ((reader + cpuStages + compare + fold).TotalSeconds / cores))} entries/s");
    }

    private static async Task ReadEntriesAsync(DbConnection conn, AuditStore store, List<AuditEntryRow> into)
    {
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = $"SELECT {AuditStore.EntryColumns} FROM {store.Entries} ORDER BY seq";
        await using var r = await cmd.ExecuteReaderAsync(CommandBehavior.SequentialAccess);
        while (r.Read()) into.Add(AuditStore.ReadEntry(r));
    }
}
