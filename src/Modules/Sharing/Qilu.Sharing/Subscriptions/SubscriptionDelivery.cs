using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Qilu.Catalog.Contracts;
using Qilu.SharedKernel.Actors;
using Qilu.Sharing.Auditing;
using Qilu.Sharing.Contracts;
using Qilu.Sharing.Data;
using Qilu.Sharing.Gateway;
using Qilu.Sharing.Grants;
using Qilu.Sharing.Usage;
using Qilu.Sharing.Verification;

namespace Qilu.Sharing.Subscriptions;

/// <summary>
/// Pushes subscriptions' changes to their callbacks (hosted service, and a singleton that others can wake or ask):
/// every subscription that is due (<see cref="Subscription.NextAttemptAt"/>) is pushed page after page — the changes
/// after its cursor, within its grant's fields and row scope, masked, as a JSON body signed with SM2
/// (<see cref="GatewayProtocol.SignatureHeader"/>, <see cref="GatewayProtocol.KeyIdHeader"/>) — until it is caught up
/// or a push fails. The cursor advances only on a 2xx answer (at-least-once; consumers de-duplicate by sequence). A
/// failure is retried after 10 s, 20 s, 40 s … at most 15 min; after <see cref="SharingOptions.SubscriptionFailureLimit"/>
/// consecutive failures the subscription is suspended until the consumer resumes it. Nothing is pushed under a grant
/// that is not active or does not allow the 接口 share method. Every push writes a metering record and an audit entry.
/// </summary>
/// <remarks>
/// Several nodes: a node claims a due subscription with a lease (<see cref="Subscription.LeaseUntil"/>) by a conditional
/// UPDATE that is a compare-and-set on <see cref="Subscription.Version"/>, and every later write of its drain (cursor,
/// failure, release) is a compare-and-set on the version it holds. On PostgreSQL the second node's UPDATE waits for the
/// first and then matches nothing, so one node pushes a subscription at a time, in order; a node whose lease ran out
/// (stalled longer than <see cref="Lease"/>), or whose subscription was cancelled meanwhile, pushes at most the page in
/// flight and can never move the cursor. A node stopped with a push in flight releases its claim (same compare-and-set),
/// so the page is pushed again at once rather than after the lease.
/// </remarks>
internal sealed class SubscriptionDelivery(IServiceScopeFactory scopes, TimeProvider clock, IOptions<SharingOptions> options, VerificationSigner signer,
    IHttpClientFactory http, ILogger<SubscriptionDelivery> logger) : BackgroundService
{
    /// <summary>How often every node looks for due subscriptions when nothing wakes it (a retry is due, another node's event).</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);

    private const int BatchSize = 100;
    private const int Parallelism = 4;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly Actor SystemActor = new(ActorKind.SystemClient, "qilu-sharing", "数据共享订阅推送", null, null,
        new HashSet<string>(), new HashSet<string>(), RealNameLevel.None);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private TaskCompletionSource _wake = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Longer than a push can take (its HTTP timeout), so a live drain never loses its claim between pages.</summary>
    private TimeSpan Lease => TimeSpan.FromSeconds(Math.Max(120, 4 * options.Value.UpstreamTimeoutSeconds));

    private int PageSize => Math.Clamp(options.Value.SubscriptionPageSize, 1, 1000);

    /// <summary>Starts a round now instead of at the next interval (a change event marked subscriptions due).</summary>
    public void Wake() => Volatile.Read(ref _wake).TrySetResult();

    /// <summary>Pushes every subscription due now until each is caught up, fails or is taken by another node; returns the pushes made.</summary>
    public async Task<int> DeliverDueAsync(CancellationToken ct = default)
    {
        await _gate.WaitAsync(ct);
        try
        {
            var pushes = 0;
            while (true)
            {
                var now = clock.GetUtcNow();
                List<Subscription> due;
                await using (var scope = scopes.CreateAsyncScope())
                {
                    due = await scope.ServiceProvider.GetRequiredService<SharingDbContext>().Subscriptions.AsNoTracking()
                        .Where(s => s.State == SubscriptionState.Active && s.CallbackUrl != null && s.NextAttemptAt <= now && (s.LeaseUntil == null || s.LeaseUntil < now))
                        .OrderBy(s => s.NextAttemptAt).Take(BatchSize).ToListAsync(ct);
                }
                // One slow or dead callback (up to its timeout per push) must not hold up every other consumer's pushes.
                await Parallel.ForEachAsync(due, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = ct },
                    async (s, c) =>
                    {
                        var n = await DrainAsync(s, c);
                        Interlocked.Add(ref pushes, n);
                    });
                if (due.Count < BatchSize) return pushes;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            // Replaced before the round reads the database: a wake during the round starts the next one at once, and a
            // wake before it was for rows the round reads anyway (the handler marks them due before waking).
            var wake = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            Volatile.Write(ref _wake, wake);
            try
            {
                await DeliverDueAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // The subscriptions stay due (a claim expires after its lease); the next round retries.
                logger.LogError(e, "Subscription delivery round failed; retrying");
            }
            // Real-time wait (like the outbox's idle poll): the cadence is operational; due times come from the clock.
            await Task.WhenAny(wake.Task, Task.Delay(Interval, stoppingToken));
        }
    }

    public override void Dispose()
    {
        _gate.Dispose();
        base.Dispose();
    }

    /// <summary>Claims <paramref name="s"/> and pushes it page after page; returns the pushes made.</summary>
    private async Task<int> DrainAsync(Subscription s, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<SharingDbContext>();
        var now = clock.GetUtcNow();
        var until = now + Lease;
        if (!await SetAsync(db, s.Id, s.Version, u => u.SetProperty(x => x.LeaseUntil, until), ct,
                x => x.State == SubscriptionState.Active && x.NextAttemptAt <= now && (x.LeaseUntil == null || x.LeaseUntil < now)))
            return 0;
        var claim = new Claim(s.Version + 1);
        try
        {
            return await PushPagesAsync(sp, db, s, claim, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The host is stopping with a push in flight. Give the claim back, so that this node after its restart, or
            // another node, pushes the page again at once instead of after the lease (2 minutes and more). The cursor
            // has not moved, so the consumer gets the page again (at least once; it de-duplicates by sequence).
            await ReleaseOnStopAsync(db, s.Id, claim.Version);
            throw;
        }
    }

    /// <summary>The version of the subscription row while this node holds it; every write of the drain moves it on.</summary>
    private sealed class Claim(uint version)
    {
        public uint Version { get; set; } = version;
    }

    /// <summary>A compare-and-set release of a claim held at <paramref name="version"/>, outside the stopping token, briefly.</summary>
    private async Task ReleaseOnStopAsync(SharingDbContext db, Guid id, uint version)
    {
        using var brief = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            if (await SetAsync(db, id, version, u => u.SetProperty(x => x.LeaseUntil, (DateTimeOffset?)null), brief.Token))
                logger.LogInformation("Subscription {Subscription}: push in flight at shutdown; claim released, the page will be pushed again", id);
        }
        catch (Exception e) when (e is OperationCanceledException or System.Data.Common.DbException or InvalidOperationException)
        {
            // Best effort: the claim then expires with its lease, as before.
            logger.LogWarning(e, "Subscription {Subscription}: the claim could not be released at shutdown; it expires with its lease", id);
        }
    }

    /// <summary>Pushes page after page while <paramref name="claim"/> holds the subscription; returns the pushes made.</summary>
    private async Task<int> PushPagesAsync(IServiceProvider sp, SharingDbContext db, Subscription s, Claim claim, CancellationToken ct)
    {
        var rows = sp.GetService<IResourceRows>();
        var cursor = s.DeliveredSequence;
        var failures = s.Failures;
        for (var pushes = 0; ; pushes++)
        {
            var version = claim.Version;
            var now = clock.GetUtcNow();
            var grant = await db.Grants.AsNoTracking().FirstOrDefaultAsync(g => g.Id == s.GrantId, ct);
            var (granted, refusal) = grant is null || rows is null ? (null, null) : await GrantedResource.ResolveAsync(sp, grant, s.ResourceId, null, ct);
            if (grant is null || granted is null || grant.EffectiveStatus(now) != "Active" || !grant.Allows(ShareMethod.Api))
            {
                await SetAsync(db, s.Id, version, u => u.SetProperty(x => x.LeaseUntil, (DateTimeOffset?)null)
                    .SetProperty(x => x.NextAttemptAt, LookAgain(grant, refusal, now)), ct);
                return pushes;
            }
            var changes = await rows!.ChangesSinceAsync(s.ResourceId, cursor, PageSize, granted.FieldNames, grant.RowScope, ct);
            if (changes.Count == 0)
            {
                await ReleaseCaughtUpAsync(db, rows, s, version, cursor, granted, grant, ct);
                return pushes;
            }

            var (body, status, elapsed) = await PushAsync(s, grant, granted, changes, now, ct);
            var ok = status is >= 200 and < 300;
            failures = ok ? 0 : failures + 1;
            var suspend = !ok && failures >= options.Value.SubscriptionFailureLimit;
            var last = changes[^1].Sequence;
            var retryAt = now + Subscription.BackoffAfter(failures);
            var leaseUntil = now + Lease;
            await using (var tx = await db.Database.BeginTransactionAsync(ct))
            {
                var held = await SetAsync(db, s.Id, version, u =>
                {
                    u.SetProperty(x => x.LastDeliveryAt, now).SetProperty(x => x.LastDeliveryStatus, status).SetProperty(x => x.Failures, failures);
                    if (ok) u.SetProperty(x => x.DeliveredSequence, last).SetProperty(x => x.LeaseUntil, leaseUntil);
                    else u.SetProperty(x => x.LeaseUntil, (DateTimeOffset?)null).SetProperty(x => x.NextAttemptAt, suspend ? null : retryAt);
                    if (suspend)
                        u.SetProperty(x => x.State, SubscriptionState.Suspended).SetProperty(x => x.StateChangedAt, now)
                            .SetProperty(x => x.StateReason, $"回调连续 {failures} 次推送失败（最近状态 {status}）/ {failures} consecutive failed pushes (last status {status})");
                }, ct);
                // The push happened whether or not this node still held the subscription: it is metered either way.
                db.Metering.Add(Metering(s, grant, granted, changes.Count, status, body, now, elapsed));
                await db.SaveChangesAsync(ct);
                await tx.CommitAsync(ct);
                if (held) claim.Version++;
                var audit = sp.GetRequiredService<SharingAudit>();
                await audit.WriteAsync("sharing.webhook.delivered", "subscription", s.Id.ToString(), SystemActor, new
                {
                    consumer = grant.ConsumerName, grant = grant.Id, purpose = grant.Purpose, fields = granted.FieldNames, rows = changes.Count, status,
                    from = changes[0].Sequence, to = last,
                }, ok ? "success" : "failure", ct);
                if (held && suspend)
                    await audit.WriteAsync("sharing.subscription.suspended", "subscription", s.Id.ToString(), SystemActor,
                        new { grant = grant.Id, failures, status }, "success", ct);
                if (!held || !ok) return pushes + 1;
            }
            cursor = last;
        }
    }

    /// <summary>
    /// Releases a caught-up subscription (nothing pending) and looks once more: a change whose event was handled
    /// between the empty page and this release found the subscription still due and left it so, and the release just
    /// cleared that; its change is already committed (events are dispatched after commit), so this read sees it.
    /// </summary>
    private async Task ReleaseCaughtUpAsync(SharingDbContext db, IResourceRows rows, Subscription s, uint version, long cursor, GrantedResource granted,
        Grant grant, CancellationToken ct)
    {
        if (!await SetAsync(db, s.Id, version, u => u.SetProperty(x => x.LeaseUntil, (DateTimeOffset?)null).SetProperty(x => x.NextAttemptAt, (DateTimeOffset?)null), ct))
            return;
        if ((await rows.ChangesSinceAsync(s.ResourceId, cursor, 1, granted.FieldNames, grant.RowScope, ct)).Count == 0) return;
        var now = clock.GetUtcNow();
        await db.Subscriptions.Where(x => x.Id == s.Id && x.State == SubscriptionState.Active && x.NextAttemptAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.NextAttemptAt, now), ct);
        Wake();
    }

    /// <summary>
    /// When to look again at a subscription whose grant or resource cannot be pushed now: a suspended or not yet valid
    /// grant, or a resource store briefly unavailable, may come back (looked at again after the longest back-off, not
    /// counted as a failure); an ended grant (revoked, withdrawn, expired, without 接口) or an unmounted resource does
    /// not, and the subscription goes idle.
    /// </summary>
    private static DateTimeOffset? LookAgain(Grant? grant, GatewayRefusal? refusal, DateTimeOffset now)
    {
        if (grant is null || !grant.Allows(ShareMethod.Api)) return null;
        var again = refusal is { Status: >= 500 } || grant.EffectiveStatus(now) is "Suspended" or "NotYetValid";
        return again ? now + Subscription.MaxBackoff : null;
    }

    private async Task<(byte[] Body, int Status, double ElapsedMs)> PushAsync(Subscription s, Grant grant, GrantedResource granted,
        IReadOnlyList<RowChange> changes, DateTimeOffset now, CancellationToken ct)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(new
        {
            subscriptionId = s.Id, grantId = grant.Id, resourceId = s.ResourceId, sentAt = now,
            changes = changes.Select(c => new { c.Sequence, key = granted.MaskKey(c.Key), c.Deleted, c.At, row = c.Row is null ? null : granted.Mask(c.Row) }),
        }, Json);
        // Signed before any transaction: the key store is never called inside one (docs/architecture.md, Locks).
        var (keyId, signature) = await signer.SignAsync(VerificationSigner.NotificationPurpose, body, ct);
        using var request = new HttpRequestMessage(HttpMethod.Post, s.CallbackUrl) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Add(GatewayProtocol.SignatureHeader, signature);
        request.Headers.Add(GatewayProtocol.KeyIdHeader, keyId);
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var response = await http.CreateClient(CallApi.HttpClientName).SendAsync(request, ct);
            return (body, (int)response.StatusCode, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        catch (Exception ex) when ((ex is HttpRequestException or TaskCanceledException) && !ct.IsCancellationRequested)
        {
            return (body, 0, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    }

    private static MeteringRecord Metering(Subscription s, Grant grant, GrantedResource granted, int rows, int status, byte[] body, DateTimeOffset now, double elapsedMs) => new()
    {
        At = now, GrantId = grant.Id, ClientId = s.ClientId, ConsumerUnitId = grant.ConsumerUnitId, ConsumerName = grant.ConsumerName,
        ConsumerDivision = grant.ConsumerDivision, ProviderUnitId = grant.ProviderUnitId, ProviderName = grant.ProviderName,
        ProviderDivision = grant.ProviderDivision, EntryId = grant.EntryId, EntryName = grant.EntryName, ResourceId = s.ResourceId,
        Operation = "webhook", Status = status, Rows = rows, Fields = granted.Fields.Count, DurationMs = Math.Round(elapsedMs, 3),
        RequestHash = Convert.ToHexStringLower(Qilu.Platform.Cryptography.Sm3.Hash(body)),
    };

    /// <summary>
    /// Compare-and-set on the subscription's version: applies <paramref name="set"/> (and bumps the version) only if the
    /// row still has <paramref name="version"/> and matches <paramref name="also"/>; false when another writer was first.
    /// </summary>
    private static async Task<bool> SetAsync(SharingDbContext db, Guid id, uint version, Action<UpdateSettersBuilder<Subscription>> set, CancellationToken ct,
        System.Linq.Expressions.Expression<Func<Subscription, bool>>? also = null)
    {
        var query = db.Subscriptions.Where(x => x.Id == id && x.Version == version);
        if (also is not null) query = query.Where(also);
        return await query.ExecuteUpdateAsync(u =>
        {
            set(u);
            u.SetProperty(x => x.Version, version + 1);
        }, ct) == 1;
    }
}
