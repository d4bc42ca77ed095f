using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qilu.Sharing.Data;
using Qilu.Sharing.Gateway;
using Qilu.Sharing.Grants;
using Qilu.Sharing.Tests.Support;
using Shouldly;
using static Qilu.Sharing.Tests.Support.Scenario;

namespace Qilu.Sharing.Tests.Gateway;

/// <summary>
/// The gateway's grant cache (ADR 0018, addendum 2) never serves a grant as it was before a committed change: a
/// suspension through the API drops the cached grant before the API answers; a change saved inside a transaction is
/// dropped again when the transaction commits (a gateway read between SaveChanges and the commit saw the old row); a
/// read that raced with a change is not kept; and expiry is judged per call from the cached grant's period.
/// </summary>
public abstract class GrantCacheTestsBase(SharingFixture fixture)
{
    [Fact]
    public async Task Suspend_WhenTheGrantIsCached_TheCacheDropsItBeforeTheApiAnswers()
    {
        var s = await fixture.ScenarioAsync();
        var cache = await ServingCacheAsync(s.Host);
        var grant = await s.GrantAsync(fields: ["姓名"]);
        var system = await s.Host.ConsumerSystemAsync(s.Consumer, "lx-health-cache");
        (await KeyAsync(system, grant, s.ResourceId, s.People[0].Id)).ShouldBe(HttpStatusCode.OK);
        cache.TryGet(grant, out var cached).ShouldBeTrue();
        cached.Status.ShouldBe(GrantStatus.Active);

        var lixia = await s.Host.ApiAsync("lx.official");
        var version = await GrantVersionAsync(lixia, grant);
        await Ok(await lixia.PostAsJsonAsync($"/api/sharing/grants/{grant}/suspend", new { version, reason = "缓存核查" }));
        cache.TryGet(grant, out _).ShouldBeFalse();
        using var suspended = await KeyAsync(system, grant, s.ResourceId, s.People[0].Id);
        suspended.ShouldBe(HttpStatusCode.Forbidden);
        (await Probe.CodeOfAsync(suspended)).ShouldBe("grant.suspended");
        cache.TryGet(grant, out var now).ShouldBeTrue();
        now.Status.ShouldBe(GrantStatus.Suspended);
    }

    [Fact]
    public async Task SaveChanges_InsideATransaction_AReadBeforeTheCommitIsDroppedAtTheCommit()
    {
        var s = await fixture.ScenarioAsync();
        var cache = await ServingCacheAsync(s.Host);
        var grant = await s.GrantAsync(fields: ["姓名"]);
        var system = await s.Host.ConsumerSystemAsync(s.Consumer, "lx-health-cache-tx");
        (await KeyAsync(system, grant, s.ResourceId, s.People[0].Id)).ShouldBe(HttpStatusCode.OK);
        var ct = TestContext.Current.CancellationToken;

        await using (var scope = s.Host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SharingDbContext>();
            var old = await db.Grants.AsNoTracking().SingleAsync(g => g.Id == grant, ct);
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var tracked = await db.Grants.SingleAsync(g => g.Id == grant, ct);
            tracked.Status = GrantStatus.Revoked;
            tracked.StatusReason = "事务内撤销";
            await db.SaveChangesAsync(ct);
            cache.TryGet(grant, out _).ShouldBeFalse();
            // A gateway call reading now (another connection) still sees the committed, old row and keeps it.
            cache.Offer(old, cache.Generation);
            cache.TryGet(grant, out _).ShouldBeTrue();
            await tx.CommitAsync(ct);
        }
        cache.TryGet(grant, out _).ShouldBeFalse();
        await ShouldRefuseKeyAsync(system, grant, s.ResourceId, s.People[0].Id, "grant.revoked");
    }

    [Fact]
    public async Task ValidUntil_WhenACachedGrantExpires_TheNextCallIsRefused()
    {
        var s = await fixture.ScenarioAsync();
        var cache = await ServingCacheAsync(s.Host);
        var source = await s.GrantAsync(fields: ["姓名"]);
        var clock = s.Host.Services.GetRequiredService<TimeProvider>();
        var until = clock.GetUtcNow().AddSeconds(3);
        var grant = await s.CopyGrantEndingAsync(source, until);
        var system = await s.Host.ConsumerSystemAsync(s.Consumer, "lx-health-cache-expiry");
        (await KeyAsync(system, grant, s.ResourceId, s.People[0].Id)).ShouldBe(HttpStatusCode.OK);
        cache.TryGet(grant, out _).ShouldBeTrue();
        var wait = until - clock.GetUtcNow() + TimeSpan.FromMilliseconds(200);
        if (wait > TimeSpan.Zero) await Task.Delay(wait, TestContext.Current.CancellationToken);
        using var expired = await KeyAsync(system, grant, s.ResourceId, s.People[0].Id);
        expired.ShouldBe(HttpStatusCode.Forbidden);
        (await Probe.CodeOfAsync(expired)).ShouldBe("grant.expired");
    }

    [Fact]
    public void Offer_WhenAGrantChangedDuringTheRead_IsNotKept()
    {
        var cache = new GrantCache(enabled: true);
        var grant = SampleGrant();
        var before = cache.Generation;
        cache.Invalidate([Guid.NewGuid()]);
        cache.Offer(grant, before);
        cache.TryGet(grant.Id, out _).ShouldBeFalse();
        cache.Offer(grant, cache.Generation);
        cache.TryGet(grant.Id, out _).ShouldBeTrue();
        cache.Invalidate([grant.Id]);
        cache.TryGet(grant.Id, out _).ShouldBeFalse();

        var off = new GrantCache(enabled: false);
        off.Offer(grant, off.Generation);
        off.TryGet(grant.Id, out _).ShouldBeFalse();
    }

    /// <summary>A grant held in memory only (for the cache's own rules).</summary>
    internal static Grant SampleGrant() => new()
    {
        ConsumerName = "c", ConsumerDivision = "370102", EntryCode = "e", EntryName = "e", ProviderName = "p", ProviderDivision = "370102", Purpose = "p",
        Fields = "姓名", Masking = "姓名=Partial",
    };

    /// <summary>
    /// The host's cache once it serves: on PostgreSQL it starts suspended until its change listener has connected
    /// (addendum 5), which happens as the host starts.
    /// </summary>
    internal static async Task<GrantCache> ServingCacheAsync(SharingHost host)
    {
        var cache = host.Services.GetRequiredService<GrantCache>();
        await Probe.UntilAsync(() => cache.Serving, "the grant cache serves");
        return cache;
    }

}

[Collection("sharing-sqlite")]
public sealed class GrantCacheTests(SqliteSharingFixture fixture) : GrantCacheTestsBase(fixture), IClassFixture<SqliteSharingFixture>;

[Collection("sharing-postgres")]
public sealed class PostgresGrantCacheTests(PostgresSharingFixture fixture) : GrantCacheTestsBase(fixture), IClassFixture<PostgresSharingFixture>;
