using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Qilu.Platform.Audit;
using Qilu.Platform.Persistence;
using Qilu.Sharing.Data;

namespace Qilu.Sharing.Usage;

/// <summary>
/// Writes the gateway's metering records (计量记录) from the audit log (ADR 0018 addendum 7). A gateway call answers
/// once its audit entry is durable; the entry carries the call's facts (<see cref="GatewayCallDetails"/>), and this
/// projector follows the log and writes one metering record per gateway entry, with the grant's consumer, provider
/// and catalog entry, in batches (every <see cref="Interval"/>, or when asked by <see cref="CatchUpAsync"/>). So a
/// metering record exists exactly when its audit entry does, as when both were written by one transaction (addendum
/// 3), but without a write to the modules' database on the call's path: on SQLite the audit log has its own file, and
/// the reads of every other request keep their page cache.
/// </summary>
/// <remarks>
/// Exactly once: the cursor (<see cref="MeteringCursor"/>) moves by compare-and-set in the transaction that inserts
/// the records, so a crash re-projects at most an uncommitted batch and two nodes on one PostgreSQL database never
/// insert the same batch. A record whose call id is already stored (written with its entry before addendum 7, when
/// the cursor started at 0) is skipped. Records are dated by their audit entry (the commit, a few milliseconds after
/// the call began).
/// </remarks>
internal sealed class MeteringProjector(IServiceScopeFactory scopes, IAuditLog log, ILogger<MeteringProjector> logger) : BackgroundService
{
    /// <summary>Action prefix of the gateway's audit entries (<c>sharing.gateway.key</c>, <c>sharing.gateway.verify.name_id</c> …).</summary>
    public const string ActionPrefix = "sharing.gateway.";

    /// <summary>How often the log is followed: the metering dashboard lags the calls by about this much.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

    private const int PageSize = 2_000;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>Projects every gateway entry committed before the call; returns the number of records written.</summary>
    public async Task<int> CatchUpAsync(CancellationToken ct = default)
    {
        await _gate.WaitAsync(ct);
        try
        {
            var written = 0;
            while (await ProjectPageAsync(ct) is { } page)
            {
                written += page.Written;
                if (!page.More) break;
            }
            return written;
        }
        finally
        {
            _gate.Release();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await CatchUpAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Nothing is lost: the entries stay in the log and the cursor did not move; the next round retries.
                logger.LogError(e, "Metering projection from the audit log failed; retrying");
                await Task.Delay(TimeSpan.FromSeconds(5), stoppingToken);
            }
        }
    }

    public override void Dispose()
    {
        _gate.Dispose();
        base.Dispose();
    }

    /// <summary>One page of entries after the cursor; null when there was nothing to project.</summary>
    private async Task<(int Written, bool More)?> ProjectPageAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SharingDbContext>();
        var size = await log.GetTreeSizeAsync(ct);
        var cursor = await db.MeteringCursors.AsNoTracking().Where(c => c.Id == MeteringCursor.Only).Select(c => c.NextSequence).SingleAsync(ct);
        if (cursor > size)
        {
            // The log is shorter than what was projected: it was restored from an older backup than this database.
            // Follow it from its end, so that new calls are metered; the records of the lost entries stay.
            logger.LogWarning("The audit log has {Size} entries but metering followed it to {Cursor}; was it restored from an older backup? Metering continues from {Size}", size, cursor, size);
            await MoveAsync(db, cursor, size, ct);
            return null;
        }
        if (cursor == size) return null;

        var entries = await log.ReadTailAsync(cursor, size, ActionPrefix, PageSize, ct);
        var next = entries.Count < PageSize ? size : entries[^1].Sequence + 1;
        var calls = entries.Select(e => (Entry: e, Details: CallOf(e))).ToList();
        var grantIds = calls.Where(c => c.Details?.Grant is not null).Select(c => c.Details!.Grant!.Value).Distinct().ToList();
        var grants = grantIds.Count == 0 ? [] : await db.Grants.AsNoTracking().Where(g => grantIds.Contains(g.Id))
            .ToDictionaryAsync(g => g.Id, ct);

        var records = new List<MeteringRecord>(calls.Count);
        foreach (var (entry, details) in calls)
        {
            if (details is null) continue;
            var grant = details.Grant is { } id ? grants.GetValueOrDefault(id) : null;
            records.Add(new MeteringRecord
            {
                Id = details.Call, At = entry.Timestamp, GrantId = details.Grant, ClientId = Clip(entry.ActorId, 100),
                ConsumerUnitId = grant?.ConsumerUnitId, ConsumerName = grant?.ConsumerName, ConsumerDivision = grant?.ConsumerDivision,
                ProviderUnitId = grant?.ProviderUnitId, ProviderName = grant?.ProviderName, ProviderDivision = grant?.ProviderDivision,
                EntryId = grant?.EntryId, EntryName = grant?.EntryName, ResourceId = details.Resource,
                Operation = Clip(details.Operation ?? entry.Action[ActionPrefix.Length..].Replace('_', '-'), 32),
                Status = details.Status, Rows = details.Rows, Fields = details.Fields?.Count ?? 0, DurationMs = details.DurationMs ?? 0,
                RequestHash = details.RequestHash,
            });
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // Compare-and-set first: on PostgreSQL a second node's UPDATE waits for this transaction and then moves nothing.
        if (!await MoveAsync(db, cursor, next, ct)) return (0, true);
        var written = 0;
        if (records.Count > 0)
        {
            // A call id already stored is skipped by the insert itself (ON CONFLICT DO NOTHING). Looking the page's ids
            // up first was a statement of up to 2,000 parameters, parsed anew and bound by name on every page: on SQLite
            // ~2,000,000 name comparisons a page, the largest single cost the projector added to a gateway call.
            var type = db.Model.FindEntityType(typeof(MeteringRecord))!;
            await using var insert = new PreparedRowInsert(db.Database.GetDbConnection(), type, skipExistingKeys: true);
            written = await insert.InsertAsync(tx.GetDbTransaction(), records, ct);
        }
        await tx.CommitAsync(ct);
        return (written, entries.Count == PageSize);
    }

    /// <summary>
    /// The call an entry describes, or null for an entry that names no call (logged and passed over): one unreadable
    /// entry must not stop the metering of every call after it. The entry itself stays in the log.
    /// </summary>
    private GatewayCallDetails? CallOf(AuditTailEntry entry)
    {
        try
        {
            var details = entry.Details is null ? null : JsonSerializer.Deserialize<GatewayCallDetails>(entry.Details, Json);
            if (details is { RequestHash: not null } && details.Call != Guid.Empty) return details;
        }
        catch (JsonException)
        {
            // Logged below: the entry's details are not a gateway call's.
        }
        logger.LogWarning("Audit entry {Sequence} ({Action}) names no gateway call; no metering record is written for it", entry.Sequence, entry.Action);
        return null;
    }

    private static async Task<bool> MoveAsync(SharingDbContext db, long from, long to, CancellationToken ct) =>
        await db.MeteringCursors.Where(c => c.Id == MeteringCursor.Only && c.NextSequence == from)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.NextSequence, to), ct) == 1;

    private static string Clip(string s, int max) => s.Length <= max ? s : s[..max];
}
