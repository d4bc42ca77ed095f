using System.Net.Http.Json;
using Qilu.Sharing.Tests.Support;
using Shouldly;
using static Qilu.Sharing.Tests.Support.Scenario;

namespace Qilu.Sharing.Tests.Subscriptions;

/// <summary>
/// Subscriptions: the polled change feed (within the grant's fields and row scope, masked) and signed webhook
/// notifications on ResourceRowsChanged, whose SM2 signature checks out at the public verify endpoint.
/// </summary>
public abstract class SubscriptionTestsBase(SharingFixture fixture)
{
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

        // The imports' ResourceRowsChanged events travel through Catalog's outbox to the subscription's webhook.
        await Probe.DispatchOutboxesAsync(s.Host);
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
}

[Collection("sharing-sqlite")]
public sealed class SubscriptionTests(SqliteSharingFixture fixture) : SubscriptionTestsBase(fixture), IClassFixture<SqliteSharingFixture>;

[Collection("sharing-postgres")]
public sealed class PostgresSubscriptionTests(PostgresSharingFixture fixture) : SubscriptionTestsBase(fixture), IClassFixture<PostgresSharingFixture>;
