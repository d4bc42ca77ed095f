using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Qilu.Sharing.Data;
using Qilu.Sharing.Gateway;
using Qilu.Sharing.Grants;
using Qilu.Sharing.Tests.Support;
using Shouldly;
using static Qilu.Sharing.Tests.Support.Scenario;

namespace Qilu.Sharing.Tests.Gateway;

/// <summary>
/// Several nodes on one PostgreSQL database (ADR 0018, addendum 5). The host is one node; the other is a second
/// <see cref="GrantCache"/> with its own <see cref="GrantCacheListener"/> on the same database — the two parts of a
/// node that take part in invalidation. A change committed through the host reaches the other node's cache; a change
/// rolled back does not; a node whose listener loses its connection stops serving from memory until it listens again.
/// </summary>
[Collection("sharing-postgres")]
public sealed class GrantCacheListenerTests(PostgresSharingFixture fixture) : IClassFixture<PostgresSharingFixture>
{
    [Fact]
    public async Task OtherNode_WhenTheHostRevokesAGrant_ForgetsItAndReadsTheRevocation()
    {
        var s = await fixture.ScenarioAsync();
        var grant = await s.GrantAsync(fields: ["姓名"]);
        var system = await s.Host.ConsumerSystemAsync(s.Consumer, "lx-health-node2-revoke");
        await using var other = await OtherNode.StartAsync(s.Host);
        await other.CacheAsync(s.Host, grant);

        var lixia = await s.Host.ApiAsync("lx.official");
        await Ok(await lixia.PostAsJsonAsync($"/api/sharing/grants/{grant}/revoke", new { version = await GrantVersionAsync(lixia, grant), reason = "跨节点撤销" }));

        await Probe.UntilAsync(() => !other.Cache.TryGet(grant, out _), "the other node forgets the revoked grant");
        (await other.ReadAsync(s.Host, grant)).Status.ShouldBe(GrantStatus.Revoked);
        await ShouldRefuseKeyAsync(system, grant, s.ResourceId, s.People[0].Id, "grant.revoked");
    }

    [Fact]
    public async Task OtherNode_WhenAChangeRollsBack_KeepsTheGrant()
    {
        var s = await fixture.ScenarioAsync();
        var kept = await s.GrantAsync(fields: ["姓名"]);
        var marker = await s.GrantAsync(fields: ["姓名"]);
        await using var other = await OtherNode.StartAsync(s.Host);
        await other.CacheAsync(s.Host, kept);
        await other.CacheAsync(s.Host, marker);
        var ct = TestContext.Current.CancellationToken;

        await s.Host.RunAsync(async sp =>
        {
            var db = sp.GetRequiredService<SharingDbContext>();
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            (await db.Grants.SingleAsync(g => g.Id == kept, ct)).Status = GrantStatus.Suspended;
            await db.SaveChangesAsync(ct);
            await tx.RollbackAsync(ct);
            return 0;
        });
        // Notifications arrive in commit order: once a later committed change has arrived, the rolled-back one would have.
        await s.Host.RunAsync(async sp =>
        {
            var db = sp.GetRequiredService<SharingDbContext>();
            (await db.Grants.SingleAsync(g => g.Id == marker, ct)).StatusReason = "标记";
            return await db.SaveChangesAsync(ct);
        });
        await Probe.UntilAsync(() => !other.Cache.TryGet(marker, out _), "the committed change reaches the other node");
        other.Cache.TryGet(kept, out var still).ShouldBeTrue();
        still.Status.ShouldBe(GrantStatus.Active);
    }

    [Fact]
    public async Task OtherNode_WhenItsListenerConnectionIsKilled_StopsServingUntilItListensAgain()
    {
        var s = await fixture.ScenarioAsync();
        var grant = await s.GrantAsync(fields: ["姓名"]);
        await using var other = await OtherNode.StartAsync(s.Host);
        await other.CacheAsync(s.Host, grant);
        await KillAsync(s.Host, other.Listener.ProcessId);

        // A change committed while the connection is down never reaches this node as a notification: the node stops
        // serving from memory when the connection fails, and serves again only from empty once it listens again.
        var lixia = await s.Host.ApiAsync("lx.official");
        await Ok(await lixia.PostAsJsonAsync($"/api/sharing/grants/{grant}/suspend", new { version = await GrantVersionAsync(lixia, grant), reason = "断线期间暂停" }));
        await Probe.UntilAsync(() => other.Listener.Connections >= 2 && other.Cache.Serving, "the other node listens again");
        other.Cache.TryGet(grant, out _).ShouldBeFalse();
        (await other.ReadAsync(s.Host, grant)).Status.ShouldBe(GrantStatus.Suspended);
    }

    [Fact]
    public async Task Readiness_WhenTheHostsListenerIsKilled_ReportsTheCacheDegradedUntilItListensAgain()
    {
        var s = await fixture.ScenarioAsync();
        var cache = await GrantCacheTestsBase.ServingCacheAsync(s.Host);
        var listener = s.Host.Services.GetRequiredService<GrantCacheListener>();
        using var probe = s.Host.CreateClient();
        (await GrantCacheCheckAsync(probe)).ShouldBe("Healthy");

        var connections = listener.Connections;
        await KillAsync(s.Host, listener.ProcessId);
        await Probe.UntilAsync(() => !cache.Serving || listener.Connections > connections, "the host notices its listener is gone");
        // While it is down (about a second before it reconnects) readiness says so, and stays 200: the node still serves.
        var suspendedBefore = !cache.Serving;
        using (var ready = await probe.GetAsync(new Uri("/readyz", UriKind.Relative), TestContext.Current.CancellationToken))
        {
            ready.StatusCode.ShouldBe(HttpStatusCode.OK, "a degraded grant cache leaves the node fit to serve");
            var status = (await SharingHost.ReadJsonAsync(ready)).GetProperty("checks").EnumerateArray()
                .Single(c => c.GetProperty("name").GetString() == GrantCacheHealth.Name).GetProperty("status").GetString();
            if (suspendedBefore && !cache.Serving) status.ShouldBe("Degraded");
        }
        await Probe.UntilAsync(() => cache.Serving && listener.Connections > connections, "the host listens again");
        (await GrantCacheCheckAsync(probe)).ShouldBe("Healthy");
    }

    [Fact]
    public async Task Health_WhenTheCacheIsSuspended_IsDegraded()
    {
        var cache = new GrantCache(enabled: true, suspended: true);
        using var listener = new GrantCacheListener(cache, "Host=127.0.0.1", NullLogger<GrantCacheListener>.Instance);
        var health = new GrantCacheHealth(cache, listener);
        (await health.CheckHealthAsync(new())).Status.ShouldBe(Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Degraded);
        cache.Resume();
        (await health.CheckHealthAsync(new())).Status.ShouldBe(Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy);
    }

    private static async Task<string?> GrantCacheCheckAsync(HttpClient probe)
    {
        using var ready = await probe.GetAsync(new Uri("/readyz", UriKind.Relative), TestContext.Current.CancellationToken);
        var json = await SharingHost.ReadJsonAsync(ready);
        return json.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == GrantCacheHealth.Name).GetProperty("status").GetString();
    }

    private static async Task KillAsync(SharingHost host, int pid)
    {
        pid.ShouldBeGreaterThan(0);
        await using var admin = new NpgsqlConnection(host.ConnectionString);
        await admin.OpenAsync(TestContext.Current.CancellationToken);
        await using var kill = new NpgsqlCommand("SELECT pg_terminate_backend(@pid)", admin);
        kill.Parameters.AddWithValue("pid", pid);
        (await kill.ExecuteScalarAsync(TestContext.Current.CancellationToken)).ShouldBe(true);
    }

    [Fact]
    public void Notification_NamesTheNodeAndTheGrants_AndIsSkippedByItsOwnNode()
    {
        var here = new GrantCache(enabled: true);
        var there = new GrantCache(enabled: true);
        var grants = Enumerable.Range(0, 3).Select(_ => GrantCacheTestsBase.SampleGrant()).ToList();
        foreach (var g in grants) here.Offer(g, here.Generation);

        GrantCacheListener.Apply(here, GrantCacheListener.Payload(here.Node, [grants[0].Id]));
        here.TryGet(grants[0].Id, out _).ShouldBeTrue();
        GrantCacheListener.Apply(here, GrantCacheListener.Payload(there.Node, [grants[0].Id]));
        here.TryGet(grants[0].Id, out _).ShouldBeFalse();
        here.TryGet(grants[1].Id, out _).ShouldBeTrue();

        // More grants than a payload carries: everything is forgotten.
        var many = Enumerable.Range(0, GrantCacheListener.MaxIds + 1).Select(_ => Guid.NewGuid()).ToList();
        GrantCacheListener.Payload(there.Node, many).ShouldEndWith(";" + GrantCacheListener.All);
        GrantCacheListener.Apply(here, GrantCacheListener.Payload(there.Node, many));
        here.Count.ShouldBe(0);

        // A payload that cannot be read forgets everything too.
        foreach (var g in grants) here.Offer(g, here.Generation);
        GrantCacheListener.Apply(here, "not a payload");
        here.Count.ShouldBe(0);
        foreach (var g in grants) here.Offer(g, here.Generation);
        GrantCacheListener.Apply(here, there.Node.ToString("N") + ";zz");
        here.Count.ShouldBe(0);
    }

    [Fact]
    public void Suspend_ForgetsEverythingAndRefusesOffersUntilResumed()
    {
        var cache = new GrantCache(enabled: true, suspended: true);
        var grant = GrantCacheTestsBase.SampleGrant();
        cache.Serving.ShouldBeFalse();
        cache.Offer(grant, cache.Generation);
        cache.TryGet(grant.Id, out _).ShouldBeFalse();
        cache.Resume();
        var before = cache.Generation;
        cache.Offer(grant, before);
        cache.TryGet(grant.Id, out _).ShouldBeTrue();
        cache.Suspend();
        cache.TryGet(grant.Id, out _).ShouldBeFalse();
        cache.Count.ShouldBe(0);
        // A read begun before the suspension is not kept after the cache resumes either.
        cache.Resume();
        cache.Offer(grant, before);
        cache.TryGet(grant.Id, out _).ShouldBeFalse();
    }


    /// <summary>A second node's cache and listener on the host's database.</summary>
    private sealed class OtherNode : IAsyncDisposable
    {
        private OtherNode(GrantCache cache, GrantCacheListener listener)
        {
            Cache = cache;
            Listener = listener;
        }

        public GrantCache Cache { get; }

        public GrantCacheListener Listener { get; }

        public static async Task<OtherNode> StartAsync(SharingHost host)
        {
            var cache = new GrantCache(enabled: true, suspended: true);
            var listener = new GrantCacheListener(cache, host.ConnectionString, NullLogger<GrantCacheListener>.Instance);
            await listener.StartAsync(TestContext.Current.CancellationToken);
            await Probe.UntilAsync(() => cache.Serving, "the other node's listener connects");
            return new OtherNode(cache, listener);
        }

        /// <summary>Reads the grant as the gateway does on a miss, and offers it.</summary>
        public async Task<Grant> ReadAsync(SharingHost host, Guid id)
        {
            var generation = Cache.Generation;
            var grant = await host.RunAsync(sp => sp.GetRequiredService<SharingDbContext>().Grants.AsNoTracking().SingleAsync(g => g.Id == id));
            Cache.Offer(grant, generation);
            return grant;
        }

        public async Task CacheAsync(SharingHost host, Guid id)
        {
            await ReadAsync(host, id);
            Cache.TryGet(id, out _).ShouldBeTrue();
        }

        public async ValueTask DisposeAsync()
        {
            await Listener.StopAsync(CancellationToken.None);
            Listener.Dispose();
        }
    }
}
