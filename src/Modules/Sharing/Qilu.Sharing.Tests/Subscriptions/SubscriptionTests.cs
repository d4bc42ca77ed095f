using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Qilu.Platform.Persistence;
using Qilu.Sharing.Subscriptions;
using Qilu.Sharing.Tests.Support;
using Shouldly;
using static Qilu.Sharing.Tests.Support.Scenario;

namespace Qilu.Sharing.Tests.Subscriptions;

/// <summary>
/// Subscriptions: the polled change feed (within the grant's fields and row scope, masked) and signed webhook
/// notifications, whose SM2 signature checks out at the public verify endpoint; delivery that drains page after page,
/// retries a failed callback without a new change (a second delivery instance on a fake clock stands in for the loop
/// on another node, later), suspends after the failure limit, and the consumer's list, cancel and resume through the
/// gateway. The class's host pushes pages of <see cref="PageSize"/> changes and suspends after <see cref="FailureLimit"/> failures.
/// </summary>
public abstract class SubscriptionTestsBase(SharingFixture fixture)
{
    public const int PageSize = 50;
    public const int FailureLimit = 4;

    [Fact]
    public async Task ChangeFeedAndWebhook_DeliverOnlyGrantedFieldsAndScope_Signed()
    {
        var s = await fixture.ScenarioAsync();
        var grant = await s.GrantAsync(fields: ["公民身份号码", "姓名"], rowScope: "370102");
        var system = await s.Host.ConsumerSystemAsync(s.Consumer, "lx-health-sub");
        var sub = await Ok(await system.PostAsJsonAsync($"/api/sharing/gateway/{grant}/subscriptions",
            new { resourceId = s.ResourceId, callbackUrl = "http://consumer.example/callback/births" }));
        var from = sub.GetProperty("fromSequence").GetInt64();

        var inScope = Id("370102", 20260301, 51);
        var first = await s.Host.Resources.UpsertAsync(s.ResourceId, new Dictionary<string, string?> { ["公民身份号码"] = inScope, ["姓名"] = "孙小明", ["联系电话"] = "13911112222", ["行政区划代码"] = "370102" });
        await s.Host.Resources.UpsertAsync(s.ResourceId, new Dictionary<string, string?> { ["公民身份号码"] = Id("370202", 20260302, 53), ["姓名"] = "周小红", ["联系电话"] = "13933334444", ["行政区划代码"] = "370202" });

        var feed = await Ok(await system.GetAsync($"/api/sharing/gateway/{grant}/resources/{s.ResourceId}/changes?after={from}"));
        var changes = feed.GetProperty("changes").EnumerateArray().ToList();
        changes.Count.ShouldBe(1);
        changes[0].GetProperty("sequence").GetInt64().ShouldBe(first);
        changes[0].GetProperty("row").GetProperty("姓名").GetString().ShouldBe("孙**");
        changes[0].GetProperty("row").TryGetProperty("联系电话", out _).ShouldBeFalse();
        feed.GetRawText().ShouldNotContain("周小红");

        // The imports' ResourceRowsChanged events travel through Catalog's outbox; they mark the subscription due.
        await Probe.DeliverSubscriptionsAsync(s.Host);
        var delivered = s.Host.Upstream.Received.Where(r => r.Uri.AbsolutePath == "/callback/births").ToList();
        delivered.Count.ShouldBe(1);
        var (_, body, headers) = delivered[0];
        body.ShouldContain("孙**");
        body.ShouldNotContain("周小红");
        body.ShouldNotContain("13911112222");
        var check = await Ok(await s.Host.CreateClient().PostAsJsonAsync("/api/sharing/verifications/check",
            new { statement = body, signature = headers["X-Qilu-Signature"], keyId = headers["X-Qilu-Key-Id"] }));
        check.GetProperty("valid").GetBoolean().ShouldBeTrue();
        (await Probe.MeteringAsync(s.Host, grant)).Select(m => m.Operation).ShouldBe(["subscribe", "changes", "webhook"], ignoreOrder: true);
    }

    [Fact]
    public async Task Push_WhenAnImportChangesMoreThanAPage_DeliversEveryChangeInOrderWithoutAnotherImport()
    {
        var s = await fixture.ScenarioAsync();
        var sub = await SubscriptionAfterImportAsync(s, "lx-health-bulk", "/callback/bulk", null, 2 * PageSize + 20, 100);

        var pushes = Pushes(s.Host, "/callback/bulk");
        pushes.Count.ShouldBe(3);
        pushes.ShouldAllBe(p => p.Length <= PageSize);
        var view = await ShouldHaveReceivedEveryChangeAsync(s, sub, "/callback/bulk", 2 * PageSize + 20);
        view.GetProperty("nextAttemptAt").ValueKind.ShouldBe(JsonValueKind.Null);
        (await Probe.MeteringAsync(s.Host, sub.Grant)).Count(m => m.Operation == "webhook" && m.Status == 204).ShouldBe(3);
    }

    [Fact]
    public async Task Push_WhenTwoNodesDeliverAtOnce_PushesEachPageOnceInOrder()
    {
        var s = await fixture.ScenarioAsync();
        var other = ActivatorUtilities.CreateInstance<SubscriptionDelivery>(s.Host.Services);
        var here = s.Host.Services.GetRequiredService<SubscriptionDelivery>();
        var sub = await SubscriptionAfterImportAsync(s, "lx-health-nodes", "/callback/nodes", null, 2 * PageSize + 20, 600, async host =>
        {
            await Probe.DispatchOutboxesAsync(host);
            await Task.WhenAll(here.DeliverDueAsync(), other.DeliverDueAsync(), other.DeliverDueAsync(), here.DeliverDueAsync());
        });
        other.Dispose();

        Pushes(s.Host, "/callback/nodes").Count.ShouldBe(3);
        await ShouldHaveReceivedEveryChangeAsync(s, sub, "/callback/nodes", 2 * PageSize + 20);
    }

    [Fact]
    public async Task Push_WhenTheCallbackFailsThenRecovers_IsRetriedWithoutANewChange()
    {
        var s = await fixture.ScenarioAsync();
        var sub = await SubscriptionAfterImportAsync(s, "lx-health-flaky", "/callback/flaky", HttpStatusCode.ServiceUnavailable, 3, 300);
        var failed = await ViewAsync(sub);
        failed.GetProperty("failures").GetInt32().ShouldBeGreaterThanOrEqualTo(1);
        failed.GetProperty("lastDeliveryStatus").GetInt32().ShouldBe(503);
        failed.GetProperty("deliveredSequence").GetInt64().ShouldBe(sub.From);
        failed.GetProperty("nextAttemptAt").ValueKind.ShouldNotBe(JsonValueKind.Null);

        // The callback recovers; no import, no event: the loop's next round after the back-off pushes the same changes.
        s.Host.Upstream.CallbackStatus.TryRemove("/callback/flaky", out _);
        using (var later = LaterNode(s.Host, out var clock))
        {
            clock.Advance(Subscription.MaxBackoff);
            await later.DeliverDueAsync();
        }

        (await ShouldHaveReceivedEveryChangeAsync(s, sub, "/callback/flaky", 3)).GetProperty("failures").GetInt32().ShouldBe(0);
    }

    [Fact]
    public async Task Push_InFlightWhenTheNodeStops_GivesItsClaimBack_AndTheNextRoundPushesThePageAgain()
    {
        var s = await fixture.ScenarioAsync();
        // A first push fails, so the host's own loop (real clock) leaves the subscription to its back-off.
        var sub = await SubscriptionAfterImportAsync(s, "lx-health-halt", "/callback/halt", HttpStatusCode.ServiceUnavailable, 3, 900);
        s.Host.Upstream.CallbackStatus.TryRemove("/callback/halt", out _);
        var inFlight = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        s.Host.Upstream.CallbackHold["/callback/halt"] = inFlight;

        // Another node, after the back-off, claims it and pushes to a consumer that does not answer; then it stops.
        using var stopping = new CancellationTokenSource();
        Task round;
        using (var node = LaterNode(s.Host, out var clock))
        {
            clock.Advance(Subscription.MaxBackoff);
            round = node.DeliverDueAsync(stopping.Token);
            await inFlight.Task.WaitAsync(TimeSpan.FromSeconds(30));
            (await StoredAsync(s.Host, sub.Id)).LeaseUntil.ShouldNotBeNull();
            await stopping.CancelAsync();
            await Should.ThrowAsync<OperationCanceledException>(() => round);
        }

        var stored = await StoredAsync(s.Host, sub.Id);
        stored.LeaseUntil.ShouldBeNull("the stopping node gives its claim back instead of holding it for the lease");
        stored.DeliveredSequence.ShouldBe(sub.From);
        stored.State.ShouldBe(SubscriptionState.Active);

        // At the same (fake) time a node that starts next pushes the page again; before, it waited out the lease.
        s.Host.Upstream.CallbackHold.TryRemove("/callback/halt", out _);
        using (var next = LaterNode(s.Host, out var clock))
        {
            clock.Advance(Subscription.MaxBackoff);
            (await next.DeliverDueAsync()).ShouldBe(1);
        }
        await ShouldHaveReceivedEveryChangeAsync(s, sub, "/callback/halt", 3);
    }

    [Fact]
    public async Task Push_AfterTheFailureLimit_IsSuspendedAndResumeContinuesFromTheCursor()
    {
        var s = await fixture.ScenarioAsync();
        var sub = await SubscriptionAfterImportAsync(s, "lx-health-down", "/callback/down", HttpStatusCode.InternalServerError, 2, 400);

        JsonElement view;
        using (var later = LaterNode(s.Host, out var clock))
        {
            for (var round = 0; (view = await ViewAsync(sub)).GetProperty("state").GetString() != "Suspended"; round++)
            {
                round.ShouldBeLessThan(2 * FailureLimit, "the subscription should be suspended after the failure limit");
                clock.Advance(Subscription.MaxBackoff);
                await later.DeliverDueAsync();
            }
            var attempts = Attempts(s.Host, "/callback/down");
            attempts.ShouldBe(FailureLimit);
            clock.Advance(TimeSpan.FromDays(1));
            await later.DeliverDueAsync();
            Attempts(s.Host, "/callback/down").ShouldBe(attempts, "a suspended subscription is not pushed");
        }
        view.GetProperty("failures").GetInt32().ShouldBe(FailureLimit);
        view.GetProperty("stateReason").GetString()!.ShouldContain($"{FailureLimit}");
        view.GetProperty("nextAttemptAt").ValueKind.ShouldBe(JsonValueKind.Null);
        view.GetProperty("deliveredSequence").GetInt64().ShouldBe(sub.From);
        (await Probe.AuditAsync(s.Host, "qilu-sharing", "sharing.subscription.suspended")).ShouldContain(e => e.Target!.Id == sub.Id.ToString());

        s.Host.Upstream.CallbackStatus.TryRemove("/callback/down", out _);
        var resumed = await Ok(await sub.System.PostAsync($"/api/sharing/gateway/{sub.Grant}/subscriptions/{sub.Id}/resume", null));
        resumed.GetProperty("state").GetString().ShouldBe("Active");
        resumed.GetProperty("failures").GetInt32().ShouldBe(0);
        await Probe.DeliverSubscriptionsAsync(s.Host);

        await ShouldHaveReceivedEveryChangeAsync(s, sub, "/callback/down", 2);
    }

    [Fact]
    public async Task ListAndCancel_ThroughTheGateway_StopPushesAndStayWithinTheConsumersGrant()
    {
        var s = await fixture.ScenarioAsync();
        var grant = await s.GrantAsync(fields: ["公民身份号码", "姓名"]);
        var system = await s.Host.ConsumerSystemAsync(s.Consumer, "lx-health-manage");
        var (keep, _) = await SubscribeAsync(system, grant, s.ResourceId, "/callback/keep");
        var (stop, _) = await SubscribeAsync(system, grant, s.ResourceId, "/callback/stop");

        var listed = (await Ok(await system.GetAsync($"/api/sharing/gateway/{grant}/subscriptions"))).GetProperty("subscriptions").EnumerateArray().ToList();
        listed.Select(v => v.GetProperty("id").GetGuid()).ShouldBe([keep, stop]);
        listed.ShouldAllBe(v => v.GetProperty("state").GetString() == "Active");

        // Another unit's system does not see the grant at all; the same unit's other grant does not hold the subscription.
        var other = await s.Host.ConsumerSystemAsync(s.Provider, "lx-civil-manage");
        (await other.GetAsync($"/api/sharing/gateway/{grant}/subscriptions")).ShouldBe(HttpStatusCode.NotFound);
        (await other.DeleteAsync($"/api/sharing/gateway/{grant}/subscriptions/{stop}")).ShouldBe(HttpStatusCode.NotFound);
        var otherGrant = await s.GrantAsync(fields: ["姓名"]);
        (await system.DeleteAsync($"/api/sharing/gateway/{otherGrant}/subscriptions/{stop}")).ShouldBe(HttpStatusCode.NotFound);

        var cancelled = await Ok(await system.DeleteAsync($"/api/sharing/gateway/{grant}/subscriptions/{stop}"));
        cancelled.GetProperty("state").GetString().ShouldBe("Cancelled");
        (await Ok(await system.DeleteAsync($"/api/sharing/gateway/{grant}/subscriptions/{stop}"))).GetProperty("state").GetString().ShouldBe("Cancelled");
        using (var refused = await system.PostAsync($"/api/sharing/gateway/{grant}/subscriptions/{stop}/resume", null))
        {
            refused.ShouldBe(HttpStatusCode.BadRequest);
            (await Probe.CodeOfAsync(refused)).ShouldBe("subscription.cancelled");
        }

        await ImportPeopleAsync(s, 1, 500);
        await Probe.DeliverSubscriptionsAsync(s.Host);
        Pushes(s.Host, "/callback/keep").Count.ShouldBe(1);
        Attempts(s.Host, "/callback/stop").ShouldBe(0);
        (await ViewAsync(system, grant, stop)).GetProperty("state").GetString().ShouldBe("Cancelled");
        (await Probe.MeteringAsync(s.Host, grant)).Select(m => m.Operation).ShouldContain("unsubscribe");
        (await Probe.AuditAsync(s.Host, "lx-health-manage", "sharing.subscription.cancelled")).ShouldContain(e => e.Target!.Id == stop.ToString());
    }

    [Fact]
    public async Task ListAndCancel_WhenTheQuotaIsUsedUp_StillWork_AndChargeNothing()
    {
        var s = await fixture.ScenarioAsync();
        var grant = await s.GrantAsync(fields: ["公民身份号码", "姓名"], terms: new { dailyQuota = 2 });
        var system = await s.Host.ConsumerSystemAsync(s.Consumer, "lx-health-manage-quota");
        var (id, _) = await SubscribeAsync(system, grant, s.ResourceId, "/callback/quota");
        (await KeyAsync(system, grant, s.ResourceId, s.People[0].Id)).ShouldBe(HttpStatusCode.OK);
        (await KeyAsync(system, grant, s.ResourceId, s.People[0].Id)).ShouldBe((HttpStatusCode)429);

        // The consumer can still see and stop what it no longer wants.
        (await Ok(await system.GetAsync($"/api/sharing/gateway/{grant}/subscriptions"))).GetProperty("subscriptions").GetArrayLength().ShouldBe(1);
        (await Ok(await system.DeleteAsync($"/api/sharing/gateway/{grant}/subscriptions/{id}"))).GetProperty("state").GetString().ShouldBe("Cancelled");
        (await KeyAsync(system, grant, s.ResourceId, s.People[0].Id)).ShouldBe((HttpStatusCode)429);
        (await Probe.MeteringAsync(s.Host, grant)).Select(m => m.Operation).ShouldContain("unsubscribe");
    }

    [Fact]
    public async Task Push_UnderASuspendedGrant_WaitsAndResumingTheGrantDeliversAtOnce()
    {
        var s = await fixture.ScenarioAsync();
        var grant = await s.GrantAsync(fields: ["公民身份号码", "姓名"]);
        var system = await s.Host.ConsumerSystemAsync(s.Consumer, "lx-health-grant-resume");
        var (id, _) = await SubscribeAsync(system, grant, s.ResourceId, "/callback/grant-resume");
        var lixia = await s.Host.ApiAsync("lx.official");
        var suspended = await Ok(await lixia.PostAsJsonAsync($"/api/sharing/grants/{grant}/suspend", new { version = await GrantVersionAsync(lixia, grant), reason = "核查" }));

        await ImportPeopleAsync(s, 2, 850);
        // The change event may reach the subscription a moment after the import: deliver until a drain has seen the
        // suspended grant and put the subscription off.
        // (Read from the database: the gateway refuses the consumer's own list while the grant is suspended.)
        var clock = s.Host.Services.GetRequiredService<TimeProvider>();
        Task<bool> PutOffAsync() => s.Host.RunAsync(async sp =>
            (await sp.GetRequiredService<Qilu.Sharing.Data.SharingDbContext>().Subscriptions.AsNoTracking().SingleAsync(x => x.Id == id)).NextAttemptAt
                > clock.GetUtcNow().AddMinutes(1));
        for (var round = 0; round < 100 && !await PutOffAsync(); round++)
        {
            await Task.Delay(50);
            await Probe.DeliverSubscriptionsAsync(s.Host);
        }
        (await PutOffAsync()).ShouldBeTrue("the drain should have put the subscription off while its grant is suspended");
        Attempts(s.Host, "/callback/grant-resume").ShouldBe(0);

        // Put off for the longest back-off while suspended; due at once when the grant is resumed.
        await Ok(await lixia.PostAsJsonAsync($"/api/sharing/grants/{grant}/resume", new { version = suspended.GetProperty("version").GetUInt32() }));
        await Probe.DeliverSubscriptionsAsync(s.Host);
        Pushes(s.Host, "/callback/grant-resume").SelectMany(p => p).Count().ShouldBe(2);
    }

    private sealed record Sub(HttpClient System, Guid Grant, Guid Id, long From);

    /// <summary>
    /// A subscription under a new grant to a callback at <paramref name="path"/> (answering <paramref name="status"/>
    /// when given), after an import of <paramref name="count"/> people and the delivery it started (<paramref name="deliver"/>,
    /// by default a round of the host's loop).
    /// </summary>
    private static async Task<Sub> SubscriptionAfterImportAsync(Scenario s, string client, string path, HttpStatusCode? status, int count, int firstSequence,
        Func<SharingHost, Task>? deliver = null)
    {
        var grant = await s.GrantAsync(fields: ["公民身份号码", "姓名"]);
        var system = await s.Host.ConsumerSystemAsync(s.Consumer, client);
        var (id, from) = await SubscribeAsync(system, grant, s.ResourceId, path);
        if (status is { } answer) s.Host.Upstream.CallbackStatus[path] = answer;
        await ImportPeopleAsync(s, count, firstSequence);
        await (deliver ?? Probe.DeliverSubscriptionsAsync)(s.Host);
        return new Sub(system, grant, id, from);
    }

    /// <summary>
    /// The callback accepted exactly the change feed after the subscription's start (<paramref name="count"/> changes),
    /// in order, and the cursor stands at the last; returns the subscription as listed.
    /// </summary>
    private static async Task<JsonElement> ShouldHaveReceivedEveryChangeAsync(Scenario s, Sub sub, string path, int count)
    {
        var expected = await FeedSequencesAsync(sub.System, sub.Grant, s.ResourceId, sub.From);
        expected.Count.ShouldBe(count);
        Pushes(s.Host, path).SelectMany(p => p).ShouldBe(expected);
        var view = await ViewAsync(sub);
        view.GetProperty("deliveredSequence").GetInt64().ShouldBe(expected[^1]);
        return view;
    }

    private static Task<JsonElement> ViewAsync(Sub sub) => ViewAsync(sub.System, sub.Grant, sub.Id);

    /// <summary>The stored subscription, with what the consumer's view does not show (the delivery claim).</summary>
    private static async Task<Subscription> StoredAsync(SharingHost host, Guid id)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<Qilu.Sharing.Data.SharingDbContext>().Subscriptions.AsNoTracking().SingleAsync(x => x.Id == id);
    }

    private static async Task<(Guid Id, long From)> SubscribeAsync(HttpClient system, Guid grant, Guid resource, string path)
    {
        var sub = await Ok(await system.PostAsJsonAsync($"/api/sharing/gateway/{grant}/subscriptions",
            new { resourceId = resource, callbackUrl = "http://consumer.example" + path }));
        return (sub.GetProperty("id").GetGuid(), sub.GetProperty("fromSequence").GetInt64());
    }

    /// <summary>Imports <paramref name="count"/> new people of 历下区 in one import (one change event).</summary>
    private static Task<long> ImportPeopleAsync(Scenario s, int count, int firstSequence) =>
        s.Host.Resources.ImportAsync(s.ResourceId, [.. Enumerable.Range(firstSequence, count).Select(i => (IReadOnlyDictionary<string, string?>)new Dictionary<string, string?>
        {
            ["公民身份号码"] = Id("370102", 19700101, i), ["姓名"] = "测试" + i, ["联系电话"] = "13800000000", ["行政区划代码"] = "370102", ["地址"] = "济南市测试路1号",
        })]);

    /// <summary>The sequences of each notification the callback at <paramref name="path"/> accepted (2xx), in arrival order.</summary>
    private static List<long[]> Pushes(SharingHost host, string path) =>
        [.. host.Upstream.Accepted.Where(r => r.Path == path).Select(r =>
            JsonDocument.Parse(r.Body).RootElement.GetProperty("changes").EnumerateArray().Select(c => c.GetProperty("sequence").GetInt64()).ToArray())];

    /// <summary>Every push the callback at <paramref name="path"/> was sent, accepted or not.</summary>
    private static int Attempts(SharingHost host, string path) => host.Upstream.Received.Count(r => r.Uri.AbsolutePath == path);

    /// <summary>The change feed's sequences after <paramref name="from"/>: what the callback must have received.</summary>
    private static async Task<List<long>> FeedSequencesAsync(HttpClient system, Guid grant, Guid resource, long from)
    {
        var feed = await Ok(await system.GetAsync($"/api/sharing/gateway/{grant}/resources/{resource}/changes?after={from}&limit=1000"));
        return [.. feed.GetProperty("changes").EnumerateArray().Select(c => c.GetProperty("sequence").GetInt64())];
    }

    private static async Task<JsonElement> ViewAsync(HttpClient system, Guid grant, Guid id) =>
        (await Ok(await system.GetAsync($"/api/sharing/gateway/{grant}/subscriptions"))).GetProperty("subscriptions").EnumerateArray()
        .Single(v => v.GetProperty("id").GetGuid() == id);

    /// <summary>
    /// A second delivery instance on the host's database with a fake clock: the loop as another node would run it once
    /// the back-off has passed. The host's own loop (real clock) never finds these retries due in the meantime.
    /// </summary>
    private static SubscriptionDelivery LaterNode(SharingHost host, out FakeTimeProvider clock)
    {
        clock = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        return ActivatorUtilities.CreateInstance<SubscriptionDelivery>(host.Services, (TimeProvider)clock);
    }
}

/// <summary>The class's host, with small pages and a low failure limit.</summary>
public abstract class SubscriptionFixture : SharingFixture
{
    protected override SharingHost CreateHost() => new(Provider, new Dictionary<string, string?>
    {
        ["Qilu:Sharing:SubscriptionPageSize"] = $"{SubscriptionTestsBase.PageSize}",
        ["Qilu:Sharing:SubscriptionFailureLimit"] = $"{SubscriptionTestsBase.FailureLimit}",
    });
}

public sealed class SqliteSubscriptionFixture : SubscriptionFixture
{
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class PostgresSubscriptionFixture : SubscriptionFixture
{
    public override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}

[Collection("sharing-sqlite")]
public sealed class SubscriptionTests(SqliteSubscriptionFixture fixture) : SubscriptionTestsBase(fixture), IClassFixture<SqliteSubscriptionFixture>;

[Collection("sharing-postgres")]
public sealed class PostgresSubscriptionTests(PostgresSubscriptionFixture fixture) : SubscriptionTestsBase(fixture), IClassFixture<PostgresSubscriptionFixture>;
