// xUnit1051: these store tests run for seconds against a local database; threading TestContext tokens through every
// optional CancellationToken parameter of the log API would only add noise.
#pragma warning disable xUnit1051
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Qilu.Platform.Audit;
using Qilu.Platform.Audit.Checkpoints;
using Qilu.Platform.Audit.Data;
using Qilu.Platform.Audit.Merkle;
using Qilu.Platform.Audit.Verification;
using Qilu.SharedKernel.Actors;
using Qilu.SharedKernel.Paging;
using Shouldly;

namespace Qilu.Platform.Tests.Audit;

/// <summary>The audit log against a real database; run on SQLite and on PostgreSQL by the two subclasses.</summary>
public abstract class AuditLogStoreTests
{
    private protected abstract Task<AuditDatabase> CreateDatabaseAsync();

    private static AuditRecord Record(int i, string action = "case.viewed") => new(action, AuditOutcome.Success)
    {
        ActorId = $"user-{i % 7}",
        ActorKind = ActorKind.Official,
        ActorName = "张三丰",
        DivisionCode = "370102",
        Target = new AuditTarget("case", $"C{i}"),
        Details = JsonSerializer.SerializeToElement(new { n = i, note = "办件 \"查看\"" }),
        SourceIp = "127.0.0.1",
        TraceId = $"trace-{i}",
    };

    private static StaticCheckpointVerifierKeys Keys(AuditDatabase db) => StaticCheckpointVerifierKeys.Of(db.Signer);

    private static async Task<List<long>> AppendManyAsync(IAuditLog log, int count, int tasks, int offset = 0)
    {
        var seqs = new System.Collections.Concurrent.ConcurrentBag<long>();
        await Task.WhenAll(Enumerable.Range(0, tasks).Select(t => Task.Run(async () =>
        {
            for (var i = t; i < count; i += tasks) seqs.Add(await log.AppendAsync(Record(offset + i)));
        })));
        return [.. seqs.Order()];
    }

    private static readonly long[] WindowSequences = [14, 13, 12, 11, 10];

    private static byte[] LeafHash(AuditEntry e) => MerkleHash.Leaf(AuditLeafCodec.Serialize(e));

    [Fact]
    public async Task Append_WhenTenThousandConcurrent_SequencesDenseAndProofsVerify()
    {
        await using var db = await CreateDatabaseAsync();
        await using var host = await db.StartAsync();
        var log = host.Log;
        var seqs = await AppendManyAsync(log, 10_000, 64);
        seqs.ShouldBe(Enumerable.Range(0, 10_000).Select(i => (long)i));
        (await log.GetTreeSizeAsync()).ShouldBe(10_000);

        var cp = await log.CheckpointNowAsync();
        cp.TreeSize.ShouldBe(10_000);
        var parsed = SignedCheckpoint.ParseAndVerify(cp.Note, Keys(db), "qilu.shandong.gov.cn/audit");
        parsed.IsValid.ShouldBeTrue(parsed.Error);
        parsed.Checkpoint!.RootHash.ShouldBe(cp.RootHash);

        foreach (var seq in new long[] { 0, 1, 2, 4095, 4096, 5000, 8191, 9998, 9999 }.Concat(Enumerable.Range(0, 40).Select(i => (long)(i * 247))))
        {
            var entry = (await log.GetAsync(seq))!;
            var proof = (await log.GetInclusionProofAsync(seq, cp.TreeSize)).Value;
            proof.LeafHash.ShouldBe(LeafHash(entry));
            MerkleProofs.VerifyInclusion(seq, cp.TreeSize, LeafHash(entry), proof.Path, cp.RootHash).IsValid.ShouldBeTrue($"seq {seq}");
        }

        var early = (await log.GetConsistencyProofAsync(1, 10_000)).Value;
        MerkleProofs.VerifyConsistency(1, 10_000, early.FirstRoot, cp.RootHash, early.Path).IsValid.ShouldBeTrue();
        var report = await host.Services.GetRequiredService<AuditVerifier>().VerifyDatabaseAsync(db.Connection);
        report.IsValid.ShouldBeTrue(string.Join("; ", report.Issues.Select(i => i.Message)));
        report.EntriesVerified.ShouldBe(10_000);
        report.CheckpointsVerified.ShouldBeGreaterThanOrEqualTo(1);
        report.RootHash.ShouldBe(cp.RootHash);
    }

    [Fact]
    public async Task ConsistencyProof_BetweenTwoCheckpoints_Verifies()
    {
        await using var db = await CreateDatabaseAsync();
        await using var host = await db.StartAsync();
        await AppendManyAsync(host.Log, 333, 8);
        var first = await host.Log.CheckpointNowAsync();
        await AppendManyAsync(host.Log, 400, 8, 333);
        var second = await host.Log.CheckpointNowAsync();
        second.TreeSize.ShouldBe(733);
        second.Timestamp.ShouldBeGreaterThan(first.Timestamp);
        var proof = (await host.Log.GetConsistencyProofAsync(first.TreeSize, second.TreeSize)).Value;
        MerkleProofs.VerifyConsistency(first.TreeSize, second.TreeSize, first.RootHash, second.RootHash, proof.Path).IsValid.ShouldBeTrue();
        (await host.Log.GetLatestCheckpointAsync()).TreeSize.ShouldBe(733);
        // Asking again without growth returns the same checkpoint instead of signing a new one.
        (await host.Log.CheckpointNowAsync()).Note.ShouldBe(second.Note);
    }

    [Fact]
    public async Task Verifier_WhenRowModifiedBySql_NamesTheSequence()
    {
        await using var db = await CreateDatabaseAsync();
        await using var host = await db.StartAsync();
        await AppendManyAsync(host.Log, 500, 4);
        await host.Log.CheckpointNowAsync();
        var verifier = new AuditVerifier(Keys(db), "qilu.shandong.gov.cn/audit");
        (await verifier.VerifyDatabaseAsync(db.Connection)).IsValid.ShouldBeTrue();

        // An attacker with database access bypasses the triggers; only the hashes can catch the edit.
        await db.ExecAsync(db.IsSqlite
            ? "DROP TRIGGER audit_entries_no_update"
            : "ALTER TABLE audit.entries DISABLE TRIGGER entries_append_only");
        await db.ExecAsync($"UPDATE {db.Table("entries")} SET outcome = 'success', action = 'case.approved' WHERE seq = 123");

        var report = await verifier.VerifyDatabaseAsync(db.Connection);
        report.IsValid.ShouldBeFalse();
        report.FirstBrokenSequence.ShouldBe(123);
        report.Issues.ShouldContain(i => i.Code == "entry.leaf_mismatch" && i.Sequence == 123);
        report.Issues.ShouldContain(i => i.Code == "checkpoint.root_mismatch" && i.RangeStart <= 123 && i.RangeEnd > 123);
    }

    [Fact]
    public async Task Verifier_WhenEntryDeletedOrTailTruncated_ReportsIt()
    {
        await using var db = await CreateDatabaseAsync();
        await using var host = await db.StartAsync();
        await AppendManyAsync(host.Log, 50, 2);
        await host.Log.CheckpointNowAsync();
        await db.ExecAsync(db.IsSqlite
            ? "DROP TRIGGER audit_entries_no_delete"
            : "ALTER TABLE audit.entries DISABLE TRIGGER entries_append_only");
        await db.ExecAsync($"DELETE FROM {db.Table("entries")} WHERE seq = 20");
        var report = await new AuditVerifier(Keys(db)).VerifyDatabaseAsync(db.Connection);
        report.IsValid.ShouldBeFalse();
        report.FirstBrokenSequence.ShouldBe(20);
        report.Issues[0].Code.ShouldBe("entry.gap");
    }

    [Fact]
    public async Task Export_WhenVerified_IsValid_AndTamperedLineIsDetected()
    {
        await using var db = await CreateDatabaseAsync();
        await using var host = await db.StartAsync();
        await AppendManyAsync(host.Log, 300, 4);
        await host.Log.CheckpointNowAsync();
        await AppendManyAsync(host.Log, 100, 4, 300);
        await host.Log.CheckpointNowAsync();
        using var export = new MemoryStream();
        await host.Log.ExportAsync(export);
        var verifier = new AuditVerifier(Keys(db), "qilu.shandong.gov.cn/audit");
        export.Position = 0;
        var report = await verifier.VerifyExportAsync(export);
        report.IsValid.ShouldBeTrue(string.Join("; ", report.Issues.Select(i => i.Message)));
        report.EntriesVerified.ShouldBe(400);
        report.CheckpointsVerified.ShouldBe(2);

        var lines = Encoding.UTF8.GetString(export.ToArray()).Split('\n').ToList();
        var at = lines.FindIndex(l => l.StartsWith("{\"v\":1,\"seq\":77,", StringComparison.Ordinal));
        lines[at] = lines[at].Replace("\"outcome\":\"success\"", "\"outcome\":\"failure\"", StringComparison.Ordinal);
        var tampered = await verifier.VerifyExportAsync(new MemoryStream(Encoding.UTF8.GetBytes(string.Join('\n', lines))));
        tampered.IsValid.ShouldBeFalse();
        var issue = tampered.Issues.First(i => i.Code == "checkpoint.root_mismatch");
        issue.RangeStart.ShouldBe(0);
        issue.RangeEnd.ShouldBe(300);

        // A verifier that does not trust the signing key rejects every checkpoint.
        var stranger = new AuditVerifier(StaticCheckpointVerifierKeys.Of(new EphemeralSm2CheckpointSigner("qilu-audit-test")));
        var untrusted = await stranger.VerifyExportAsync(new MemoryStream(export.ToArray()));
        untrusted.IsValid.ShouldBeFalse();
        untrusted.Issues.ShouldAllBe(i => i.Code == "checkpoint.signature");
    }

    [Fact]
    public async Task Restart_WhenReopened_ContinuesTheTree()
    {
        await using var db = await CreateDatabaseAsync();
        SignedCheckpoint first;
        await using (var host = await db.StartAsync())
        {
            await AppendManyAsync(host.Log, 300, 6);
            first = await host.Log.CheckpointNowAsync();
        }
        await using (var host = await db.StartAsync())
        {
            (await host.Log.AppendAsync(Record(300))).ShouldBe(300);
            await AppendManyAsync(host.Log, 199, 6, 301);
            var second = await host.Log.CheckpointNowAsync();
            second.TreeSize.ShouldBe(500);
            var proof = (await host.Log.GetConsistencyProofAsync(300, 500)).Value;
            MerkleProofs.VerifyConsistency(300, 500, first.RootHash, second.RootHash, proof.Path).IsValid.ShouldBeTrue();
            (await new AuditVerifier(Keys(db)).VerifyDatabaseAsync(db.Connection)).IsValid.ShouldBeTrue();
        }
    }

    [Fact]
    public async Task Proofs_WhenParametersOutOfRange_NameTheField()
    {
        await using var db = await CreateDatabaseAsync();
        await using var host = await db.StartAsync();
        await AppendManyAsync(host.Log, 10, 2);
        (await host.Log.GetInclusionProofAsync(3, 11)).Error.Field.ShouldBe("treeSize");
        (await host.Log.GetInclusionProofAsync(5, 5)).Error.Field.ShouldBe("seq");
        (await host.Log.GetInclusionProofAsync(-1, 5)).Error.Field.ShouldBe("seq");
        (await host.Log.GetInclusionProofAsync(0, 0)).Error.Field.ShouldBe("treeSize");
        (await host.Log.GetConsistencyProofAsync(6, 5)).Error.Code.ShouldBe("audit.first.after_second");
        (await host.Log.GetConsistencyProofAsync(0, 5)).Error.Field.ShouldBe("first");
        (await host.Log.GetConsistencyProofAsync(2, 11)).Error.Field.ShouldBe("second");
        (await host.Log.GetConsistencyProofAsync(10, 10)).Value.Path.ShouldBeEmpty();
    }

    [Fact]
    public async Task Append_WhenRecordInvalid_Throws()
    {
        await using var db = await CreateDatabaseAsync();
        await using var host = await db.StartAsync();
        await Should.ThrowAsync<ArgumentException>(async () => await host.Log.AppendAsync(new AuditRecord("NoDots", AuditOutcome.Success)));
        await Should.ThrowAsync<ArgumentException>(async () => await host.Log.AppendAsync(new AuditRecord("a.b", AuditOutcome.Success)
        {
            Details = JsonSerializer.SerializeToElement(WindowSequences),
        }));
        (await host.Log.GetTreeSizeAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task GetAndQuery_WhenFiltered_ReturnMaskedEntriesNewestFirst()
    {
        await using var db = await CreateDatabaseAsync();
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero));
        await using var host = await db.StartAsync(clock);
        for (var i = 0; i < 30; i++)
        {
            await host.Log.AppendAsync(Record(i, i % 3 == 0 ? "identity.signin.failed" : "case.viewed"));
            clock.Advance(TimeSpan.FromMinutes(1));
        }
        var e = (await host.Log.GetAsync(3))!;
        e.ActorName.ShouldBe("张**");
        e.Action.ShouldBe("identity.signin.failed");
        e.Timestamp.ShouldBe(new DateTimeOffset(2026, 11, 1, 0, 3, 0, TimeSpan.Zero));
        e.Details!.Value.GetProperty("note").GetString().ShouldBe("办件 \"查看\"");
        (await host.Log.GetAsync(30)).ShouldBeNull();

        var signins = await host.Log.QueryAsync(new AuditQuery { ActionPrefix = "identity.", Page = new PageRequest(1, 4) });
        signins.Total.ShouldBe(10);
        signins.Items.Count.ShouldBe(4);
        signins.Items[0].Sequence.ShouldBe(27);
        var byActor = await host.Log.QueryAsync(new AuditQuery { ActorId = "user-1" });
        byActor.Items.ShouldAllBe(x => x.ActorId == "user-1");
        var window = await host.Log.QueryAsync(new AuditQuery
        {
            From = new DateTimeOffset(2026, 11, 1, 0, 10, 0, TimeSpan.Zero),
            To = new DateTimeOffset(2026, 11, 1, 0, 15, 0, TimeSpan.Zero),
        });
        window.Items.Select(x => x.Sequence).ShouldBe(WindowSequences);
    }

    [Fact]
    public async Task Triggers_WhenUpdateOrRecentDelete_AreRejected()
    {
        await using var db = await CreateDatabaseAsync();
        await using var host = await db.StartAsync();
        await AppendManyAsync(host.Log, 5, 1);
        await host.Log.CheckpointNowAsync();
        (await Should.ThrowAsync<Exception>(() => db.ExecAsync($"UPDATE {db.Table("entries")} SET action = 'x.y' WHERE seq = 1")))
            .Message.ShouldContain("append-only");
        (await Should.ThrowAsync<Exception>(() => db.ExecAsync($"DELETE FROM {db.Table("entries")} WHERE seq = 1")))
            .Message.ShouldContain("append-only");
        (await Should.ThrowAsync<Exception>(() => db.ExecAsync($"UPDATE {db.Table("tree")} SET hashes = hashes WHERE seq = 0")))
            .Message.ShouldContain("append-only");
        (await Should.ThrowAsync<Exception>(() => db.ExecAsync($"DELETE FROM {db.Table("tree")}")))
            .Message.ShouldContain("append-only");
        (await Should.ThrowAsync<Exception>(() => db.ExecAsync($"DELETE FROM {db.Table("checkpoints")}")))
            .Message.ShouldContain("append-only");
        (await host.Log.GetTreeSizeAsync()).ShouldBe(5);
    }

    /// <summary>
    /// ADR 0004 addendum 2: a log written with one row per subtree (migration AppendOnlyGuards) is carried into one row
    /// per leaf with every hash kept, back again by the Down migration, and then grows on as the same tree.
    /// </summary>
    [Fact]
    public async Task Upgrade_FromSubtreeRowsToLeafRows_KeepsEveryHashAndTheTreeGrowsOn()
    {
        const int Leaves = 37;
        await using var db = await CreateDatabaseAsync();
        var contexts = new AuditContextFactory(db.Connection);
        string Literal(byte[] h) => db.IsSqlite ? $"X'{Convert.ToHexString(h)}'" : $"'\\x{Convert.ToHexString(h)}'::bytea";
        await MigrateAsync(contexts, "AppendOnlyGuards");
        var range = new CompactRange();
        var nodes = new Dictionary<NodeId, byte[]>();
        for (var i = 0; i < Leaves; i++) range.Append(MerkleHash.Leaf([(byte)i, 0x51]), (id, h) => nodes[id] = h);
        foreach (var (id, h) in nodes)
        {
            await db.ExecAsync($"INSERT INTO {db.Table("nodes")} (level, idx, hash) VALUES ({id.Level}, {id.Index}, {Literal(h)})");
        }

        await MigrateAsync(contexts, null);
        var store = new AuditStore(db.Connection);
        await using (var c = await store.OpenAsync(CancellationToken.None))
        {
            (await store.ReadSizeAsync(c, null, CancellationToken.None)).ShouldBe(Leaves);
            var read = await store.ReadNodesAsync(c, null, nodes.Keys, CancellationToken.None);
            read.Count.ShouldBe(nodes.Count);
            foreach (var (id, h) in nodes) read[id].ShouldBe(h, $"level {id.Level}, index {id.Index}");
            (await store.ReadCompactRangeAsync(c, null, Leaves, CancellationToken.None)).Root().ShouldBe(range.Root());
        }
        (await db.ScalarAsync($"SELECT count(*) FROM {db.Table("tree")}")).ShouldBe(Leaves);

        await MigrateAsync(contexts, "AppendOnlyGuards");
        (await db.ScalarAsync($"SELECT count(*) FROM {db.Table("nodes")}")).ShouldBe(nodes.Count);
        foreach (var (id, h) in nodes)
        {
            (await db.ScalarAsync($"SELECT count(*) FROM {db.Table("nodes")} WHERE level = {id.Level} AND idx = {id.Index} AND hash = {Literal(h)}"))
                .ShouldBe(1, $"level {id.Level}, index {id.Index} after Down");
        }

        await MigrateAsync(contexts, null);
        await using var host = await db.StartAsync();
        (await host.Log.GetTreeSizeAsync()).ShouldBe(Leaves);
        (await host.Log.AppendAsync(Record(Leaves))).ShouldBe(Leaves);
        var checkpoint = await host.Log.CheckpointNowAsync();
        checkpoint.TreeSize.ShouldBe(Leaves + 1);
        var proof = (await host.Log.GetConsistencyProofAsync(Leaves, Leaves + 1)).Value;
        MerkleProofs.VerifyConsistency(Leaves, Leaves + 1, range.Root(), checkpoint.RootHash, proof.Path).IsValid.ShouldBeTrue();
    }

    private static async Task MigrateAsync(AuditContextFactory contexts, string? target)
    {
        await using var context = contexts.Create();
        await context.GetService<IMigrator>().MigrateAsync(target);
    }

    [Fact]
    public async Task RetentionPurge_WhenOldEntriesRemoved_RemainingProofsStillVerify()
    {
        await using var db = await CreateDatabaseAsync();
        var clock = new FakeTimeProvider(new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero));
        // The clock jumps years ahead below: a long timer period keeps the fake clock from firing millions of ticks,
        // and the background purge is off so that this test's explicit purge is the one that runs.
        await using var host = await db.StartAsync(clock, o =>
        {
            o.CheckpointInterval = TimeSpan.FromDays(1);
            o.RetentionPurgeInterval = null;
        });
        await AppendManyAsync(host.Log, 100, 4);
        var old = await host.Log.CheckpointNowAsync();
        clock.SetUtcNow(TimeProvider.System.GetUtcNow());
        await AppendManyAsync(host.Log, 37, 4, 100);
        var cp = await host.Log.CheckpointNowAsync();

        (await host.Impl.PurgeExpiredAsync(CancellationToken.None)).ShouldBe(100);
        (await host.Log.GetAsync(99)).ShouldBeNull();
        (await host.Log.GetTreeSizeAsync()).ShouldBe(137);
        for (long seq = 100; seq < 137; seq++)
        {
            var entry = (await host.Log.GetAsync(seq))!;
            var proof = (await host.Log.GetInclusionProofAsync(seq, 137)).Value;
            MerkleProofs.VerifyInclusion(seq, 137, LeafHash(entry), proof.Path, cp.RootHash).IsValid.ShouldBeTrue();
        }
        var c = (await host.Log.GetConsistencyProofAsync(old.TreeSize, cp.TreeSize)).Value;
        MerkleProofs.VerifyConsistency(old.TreeSize, cp.TreeSize, old.RootHash, cp.RootHash, c.Path).IsValid.ShouldBeTrue();

        var verifier = new AuditVerifier(Keys(db));
        var report = await verifier.VerifyDatabaseAsync(db.Connection);
        report.IsValid.ShouldBeTrue(string.Join("; ", report.Issues.Select(i => i.Message)));
        report.FirstSequence.ShouldBe(100);
        // The checkpoint at size 100 is checked against the stored border of the purged prefix; the timer may have
        // signed one more checkpoint while the fake clock jumped ahead.
        report.CheckpointsVerified.ShouldBeGreaterThanOrEqualTo(2);
        report.CheckpointsNotCheckable.ShouldBe(0);
        using var export = new MemoryStream();
        await host.Log.ExportAsync(export);
        export.Position = 0;
        var exported = await verifier.VerifyExportAsync(export);
        exported.IsValid.ShouldBeTrue(string.Join("; ", exported.Issues.Select(i => i.Message)));
        exported.EntriesVerified.ShouldBe(37);
    }

    [Fact]
    public async Task CheckpointTimer_WhenIntervalElapsesAfterGrowth_SignsCheckpoint()
    {
        await using var db = await CreateDatabaseAsync();
        var clock = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        await using var host = await db.StartAsync(clock, o => o.CheckpointInterval = TimeSpan.FromSeconds(30));
        await AppendManyAsync(host.Log, 20, 2);
        SignedCheckpoint? cp = null;
        for (var attempt = 0; attempt < 200; attempt++)
        {
            clock.Advance(TimeSpan.FromSeconds(30));
            await Task.Delay(50);
            await using var c = await new Qilu.Platform.Audit.Data.AuditStore(db.Connection).OpenAsync(CancellationToken.None);
            var row = await new Qilu.Platform.Audit.Data.AuditStore(db.Connection).ReadCheckpointAsync(c, null, CancellationToken.None);
            if (row is not null)
            {
                cp = AuditLog.ToCheckpoint(row);
                break;
            }
        }
        cp.ShouldNotBeNull();
        cp.TreeSize.ShouldBe(20);
    }

    [Fact]
    public async Task Read_WhenFollowingTheLog_ReturnsTheRangesMatchingEntriesOldestFirstAndMissesNone()
    {
        await using var db = await CreateDatabaseAsync();
        await using var host = await db.StartAsync();
        // Concurrent appends of two kinds, as a module's projection sees them: its own actions among everyone else's.
        await Task.WhenAll(Enumerable.Range(0, 8).Select(t => Task.Run(async () =>
        {
            for (var i = t; i < 300; i += 8) await host.Log.AppendAsync(Record(i, i % 3 == 0 ? "sharing.gateway.key" : "case.viewed"));
        })));
        var size = await host.Log.GetTreeSizeAsync();
        size.ShouldBe(300);

        // Followed in pages of 7 up to the size read first, as a projection's cursor does.
        var seen = new List<AuditTailEntry>();
        for (var from = 0L; from < size;)
        {
            var page = await host.Log.ReadTailAsync(from, size, "sharing.gateway.", 7);
            seen.AddRange(page);
            from = page.Count < 7 ? size : page[^1].Sequence + 1;
        }
        seen.Count.ShouldBe(100);
        seen.ShouldAllBe(e => e.Action == "sharing.gateway.key");
        seen.Select(e => e.Sequence).ShouldBe(seen.Select(e => e.Sequence).Order(), "oldest first");
        seen.Select(e => e.Details).Distinct().Count().ShouldBe(100);
        // The details as stored and hashed: the canonical text, Chinese unescaped.
        var n = JsonDocument.Parse(seen[0].Details!).RootElement.GetProperty("n").GetInt32();
        seen[0].Details.ShouldBe(AuditLeafCodec.CanonicalDetails(Record(n).Details!.Value));
        seen[0].Details!.ShouldContain("办件 \\\"查看\\\"");
        seen.ShouldAllBe(e => e.ActorId.StartsWith("user-") && e.Timestamp > DateTimeOffset.UnixEpoch);

        // The bounds: from inclusive, to exclusive; an empty range reads nothing.
        var first = seen[0].Sequence;
        (await host.Log.ReadTailAsync(first, first + 1, "sharing.", 10)).Single().Sequence.ShouldBe(first);
        (await host.Log.ReadTailAsync(first, first, "sharing.", 10)).ShouldBeEmpty();
        (await host.Log.ReadTailAsync(size, size + 100, "", 10)).ShouldBeEmpty();
        await Should.ThrowAsync<ArgumentOutOfRangeException>(() => host.Log.ReadTailAsync(0, size, "", 0));
    }
}

public sealed class AuditLogSqliteTests : AuditLogStoreTests
{
    private protected override Task<AuditDatabase> CreateDatabaseAsync() => Task.FromResult(AuditDatabase.Sqlite());
}

public sealed class AuditLogPostgresTests : AuditLogStoreTests
{
    private protected override Task<AuditDatabase> CreateDatabaseAsync() => AuditDatabase.PostgresAsync();
}
