using System.Net;
using System.Net.Http.Json;
using Qilu.Sharing.Tests.Support;
using Shouldly;
using static Qilu.Sharing.Tests.Support.Scenario;

namespace Qilu.Sharing.Tests.Gateway;

/// <summary>
/// The gateway through HTTP with a real client-credentials token: projection and masking by grade, row scope, bad
/// input (named, not charged), binding hash on every answer, an audit entry and a metering record per call,
/// suspension and revocation stopping access at the next call, the rate limit, and the caller scope matrix.
/// </summary>
public abstract class GatewayTestsBase(SharingFixture fixture)
{
    [Fact]
    public async Task QueryByKey_WhenGranted_ReturnsProjectedMaskedRowWithBindingHash_AuditAndMetering()
    {
        var s = await fixture.ScenarioAsync();
        var grant = await s.GrantAsync();
        var system = await s.Host.ConsumerSystemAsync(s.Consumer, "lx-health-key");
        var (id, name, phone, _) = s.People[0];
        using var r = await KeyAsync(system, grant, s.ResourceId, id, "姓名,联系电话,行政区划代码");
        r.ShouldBe(HttpStatusCode.OK);
        var body = await SharingHost.ReadJsonAsync(r);
        body.GetProperty("found").GetBoolean().ShouldBeTrue();
        var row = body.GetProperty("row");
        row.GetProperty("姓名").GetString().ShouldBe("张**");
        row.GetProperty("联系电话").GetString().ShouldBe("138****5678");
        row.GetProperty("行政区划代码").GetString().ShouldBe("370102");
        row.TryGetProperty("公民身份号码", out _).ShouldBeFalse();
        row.TryGetProperty("地址", out _).ShouldBeFalse();
        body.GetRawText().ShouldNotContain(name);
        body.GetRawText().ShouldNotContain(phone);
        await Probe.ShouldCarryValidBindingAsync(r, "lx-health-key");

        var metering = await Probe.MeteringAsync(s.Host, grant);
        var record = metering.Single();
        record.Operation.ShouldBe("key");
        record.Rows.ShouldBe(1);
        record.Fields.ShouldBe(3);
        record.Status.ShouldBe(200);
        record.RequestHash.ShouldBe(r.Headers.GetValues("X-Qilu-Request-Hash").Single());
        // Written from the call's audit entry (ADR 0018 addendum 7), with the grant's parties and the call's own facts.
        record.Id.ToString().ShouldBe(r.Headers.GetValues("X-Qilu-Call-Id").Single());
        record.ClientId.ShouldBe("lx-health-key");
        record.ResourceId.ShouldBe(s.ResourceId);
        record.ConsumerName.ShouldNotBeNullOrEmpty();
        record.ProviderName.ShouldNotBeNullOrEmpty();
        record.EntryName.ShouldNotBeNullOrEmpty();
        record.DurationMs.ShouldBeGreaterThan(0);
        var audit = await Probe.AuditAsync(s.Host, "lx-health-key", "sharing.gateway.key");
        var entry = audit.Single(a => a.Details!.Value.GetProperty("requestHash").GetString() == record.RequestHash);
        entry.Target!.Id.ShouldBe(grant.ToString());
        entry.Details!.Value.GetProperty("rows").GetInt32().ShouldBe(1);
        entry.Details!.Value.GetProperty("purpose").GetString().ShouldBe("新生儿出生一件事：核对父母身份");
        entry.Details!.Value.GetProperty("fields").EnumerateArray().Select(f => f.GetString()).ShouldBe(["姓名", "联系电话", "行政区划代码"], ignoreOrder: true);
        entry.Details!.Value.GetRawText().ShouldNotContain(id);
    }

    [Fact]
    public async Task Gateway_WhenInputIsBad_NamesTheRuleAndChargesNothing()
    {
        var s = await fixture.ScenarioAsync();
        var grant = await s.GrantAsync(fields: ["公民身份号码", "姓名"], terms: new { dailyQuota = 5 });
        var system = await s.Host.ConsumerSystemAsync(s.Consumer, "lx-health-bad");
        var id = s.People[0].Id;

        using var unknown = await KeyAsync(system, grant, s.ResourceId, id, "姓名,血型");
        unknown.ShouldBe(HttpStatusCode.BadRequest);
        (await Probe.CodeOfAsync(unknown)).ShouldBe("fields.unknown");
        using var ungranted = await KeyAsync(system, grant, s.ResourceId, id, "联系电话");
        ungranted.ShouldBe(HttpStatusCode.Forbidden);
        (await SharingHost.ReadJsonAsync(ungranted)).GetProperty("errors")[0].GetProperty("message").GetString()!.ShouldContain("联系电话");
        var badChecksum = id[..17] + (id[17] == '0' ? '1' : '0');
        using var malformed = await KeyAsync(system, grant, s.ResourceId, badChecksum);
        malformed.ShouldBe(HttpStatusCode.BadRequest);
        var error = (await SharingHost.ReadJsonAsync(malformed)).GetProperty("errors")[0];
        error.GetProperty("field").GetString().ShouldBe("key");
        error.GetProperty("message").GetString()!.ShouldContain("公民身份号码");
        await Probe.ShouldCarryValidBindingAsync(malformed, "lx-health-bad");
        using var filter = await system.GetAsync($"/api/sharing/gateway/{grant}/resources/{s.ResourceId}/rows?filter.{Uri.EscapeDataString("联系电话")}=1");
        filter.ShouldBe(HttpStatusCode.Forbidden);
        (await Probe.CodeOfAsync(filter)).ShouldBe("filter.not_granted");

        // None of the refused calls used quota: five good calls still pass, the sixth is over quota.
        for (var i = 0; i < 5; i++)
        {
            using var ok = await KeyAsync(system, grant, s.ResourceId, id);
            ok.ShouldBe(HttpStatusCode.OK);
        }
        using var over = await KeyAsync(system, grant, s.ResourceId, id);
        over.ShouldBe((HttpStatusCode)429);
        (await Probe.CodeOfAsync(over)).ShouldBe("gateway.quota_daily");
        int.Parse(over.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture).ShouldBeInRange(1, 86400);
        (await Probe.MeteringCountAsync(s.Host, grant)).ShouldBe(10);
    }

    [Fact]
    public async Task RowScope_WhenGrantLimitedToDivision_HidesRowsElsewhere()
    {
        var s = await fixture.ScenarioAsync();
        var grant = await s.GrantAsync(rowScope: "370102");
        var system = await s.Host.ConsumerSystemAsync(s.Consumer, "lx-health-scope");
        using var inside = await KeyAsync(system, grant, s.ResourceId, s.People[1].Id);
        (await SharingHost.ReadJsonAsync(inside)).GetProperty("found").GetBoolean().ShouldBeTrue();
        using var outside = await KeyAsync(system, grant, s.ResourceId, s.People[2].Id);
        outside.ShouldBe(HttpStatusCode.OK);
        (await SharingHost.ReadJsonAsync(outside)).GetProperty("found").GetBoolean().ShouldBeFalse();
        using var page = await system.GetAsync($"/api/sharing/gateway/{grant}/resources/{s.ResourceId}/rows?limit=50&total=true");
        page.ShouldBe(HttpStatusCode.OK);
        var rows = (await SharingHost.ReadJsonAsync(page)).GetProperty("rows").EnumerateArray().ToList();
        rows.Count.ShouldBe(2);
        rows.ShouldAllBe(r => r.GetProperty("divisionCode").GetString() == "370102");
        rows.ShouldAllBe(r => r.GetProperty("values").GetProperty("公民身份号码").GetString()!.Contains("**********", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SuspendAndRevoke_StopAccessAtTheNextCall_WithTheReason()
    {
        var s = await fixture.ScenarioAsync();
        var grant = await s.GrantAsync(fields: ["姓名"]);
        var system = await s.Host.ConsumerSystemAsync(s.Consumer, "lx-health-revoke");
        var id = s.People[0].Id;
        (await KeyAsync(system, grant, s.ResourceId, id)).ShouldBe(HttpStatusCode.OK);

        var lixia = await s.Host.ApiAsync("lx.official");
        var view = await Ok(await lixia.PostAsJsonAsync($"/api/sharing/grants/{grant}/suspend", new { version = await GrantVersionAsync(lixia, grant), reason = "核查调用异常" }));
        view.GetProperty("status").GetString().ShouldBe("Suspended");
        using (var suspended = await KeyAsync(system, grant, s.ResourceId, id))
        {
            suspended.ShouldBe(HttpStatusCode.Forbidden);
            var e = (await SharingHost.ReadJsonAsync(suspended)).GetProperty("errors")[0];
            e.GetProperty("code").GetString().ShouldBe("grant.suspended");
            e.GetProperty("message").GetString()!.ShouldContain("核查调用异常");
        }
        await Ok(await lixia.PostAsJsonAsync($"/api/sharing/grants/{grant}/resume", new { version = view.GetProperty("version").GetUInt32() }));
        (await KeyAsync(system, grant, s.ResourceId, id)).ShouldBe(HttpStatusCode.OK);

        // The consumer cannot manage grants; the provider revokes.
        var health = await s.Host.ApiAsync("lx.health");
        (await health.PostAsJsonAsync($"/api/sharing/grants/{grant}/revoke", new { version = 0, reason = "x" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        await Ok(await lixia.PostAsJsonAsync($"/api/sharing/grants/{grant}/revoke", new { version = await GrantVersionAsync(lixia, grant), reason = "用途已完成" }));
        using var revoked = await KeyAsync(system, grant, s.ResourceId, id);
        revoked.ShouldBe(HttpStatusCode.Forbidden);
        (await Probe.CodeOfAsync(revoked)).ShouldBe("grant.revoked");
        await Probe.ShouldCarryValidBindingAsync(revoked, "lx-health-revoke");
        (await Probe.AuditAsync(s.Host, "lx-health-revoke", "sharing.gateway.key", 5)).Count(a => a.Outcome == Qilu.Platform.Audit.AuditOutcome.Denied).ShouldBe(2);
    }

    [Fact]
    public async Task ChangeStatus_WhenTheGrantHasEnded_IsRefusedWithTheEndDate()
    {
        var s = await fixture.ScenarioAsync();
        var source = await s.GrantAsync(fields: ["姓名"]);
        var ended = await s.CopyGrantEndingAsync(source, new DateTimeOffset(2026, 1, 31, 16, 0, 0, TimeSpan.Zero));
        var lixia = await s.Host.ApiAsync("lx.official");
        var version = await GrantVersionAsync(lixia, ended);
        foreach (var action in new[] { "suspend", "revoke", "resume" })
        {
            using var refused = await lixia.PostAsJsonAsync($"/api/sharing/grants/{ended}/{action}", new { version, reason = "到期后误操作" });
            refused.StatusCode.ShouldBe(HttpStatusCode.Conflict, action);
            var e = (await SharingHost.ReadJsonAsync(refused)).GetProperty("errors")[0];
            e.GetProperty("code").GetString().ShouldBe("grant.ended");
            e.GetProperty("message").GetString()!.ShouldContain("2026-02-01 00:00");
        }
        var listed = (await Ok(await lixia.GetAsync("/api/sharing/grants?role=provider"))).EnumerateArray().Single(g => g.GetProperty("id").GetString() == ended.ToString());
        listed.GetProperty("status").GetString().ShouldBe("Expired");
        listed.GetProperty("version").GetUInt32().ShouldBe(version);

        // A grant in its period still answers with its state in words when the action does not fit it.
        using var notSuspended = await lixia.PostAsJsonAsync($"/api/sharing/grants/{source}/resume", new { version = await GrantVersionAsync(lixia, source) });
        notSuspended.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await SharingHost.ReadJsonAsync(notSuspended)).GetProperty("errors")[0].GetProperty("message").GetString()!.ShouldContain("「在用」");
    }

    [Fact]
    public async Task RateLimit_WhenBurstExceeded_Answers429WithRetryAfter()
    {
        var s = await fixture.ScenarioAsync();
        var grant = await s.GrantAsync(fields: ["姓名"], terms: new { ratePerSecond = 1 });
        var system = await s.Host.ConsumerSystemAsync(s.Consumer, "lx-health-rate");
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? limited = null;
        for (var i = 0; i < 6; i++)
        {
            var r = await KeyAsync(system, grant, s.ResourceId, s.People[0].Id);
            statuses.Add(r.StatusCode);
            if (r.StatusCode == (HttpStatusCode)429) limited ??= r;
        }
        statuses.ShouldContain((HttpStatusCode)429);
        limited.ShouldNotBeNull();
        (await Probe.CodeOfAsync(limited)).ShouldBe("gateway.rate_limited");
        limited.Headers.Contains("Retry-After").ShouldBeTrue();
    }

    [Fact]
    public async Task ScopeMatrix_OnlyTheBoundConsumerSystemWithTheScopeIsServed()
    {
        var s = await fixture.ScenarioAsync();
        var grant = await s.GrantAsync(fields: ["姓名"]);
        var id = s.People[0].Id;
        var path = $"/api/sharing/gateway/{grant}/resources/{s.ResourceId}/keys/{id}";

        using var anonymous = await s.Host.CreateClient().GetAsync(path);
        anonymous.ShouldBe(HttpStatusCode.Unauthorized);
        anonymous.Headers.Contains("X-Qilu-Binding-Hash").ShouldBeTrue();
        var noScope = await s.Host.ConsumerSystemAsync(s.Consumer, "lx-health-noscope", "api");
        using (var r = await noScope.GetAsync(path)) { r.ShouldBe(HttpStatusCode.Forbidden); (await Probe.CodeOfAsync(r)).ShouldBe("gateway.scope"); }
        var official = await s.Host.ApiAsync("lx.health");
        using (var r = await official.GetAsync(path)) { r.ShouldBe(HttpStatusCode.Forbidden); (await Probe.CodeOfAsync(r)).ShouldBe("gateway.scope"); }
        var otherUnit = await s.Host.ConsumerSystemAsync(await s.Host.UnitAsync("civil_affairs", "370202"), "sn-civil-system");
        using (var r = await otherUnit.GetAsync(path)) r.ShouldBe(HttpStatusCode.NotFound);
        var bound = await s.Host.ConsumerSystemAsync(s.Consumer, "lx-health-bound");
        using (var r = await bound.GetAsync(path)) r.ShouldBe(HttpStatusCode.OK);
        // The same token with another signature, after the genuine one was validated and remembered: validated, refused.
        var genuine = bound.DefaultRequestHeaders.Authorization!.Parameter!;
        using (var forged = new HttpRequestMessage(HttpMethod.Get, path))
        {
            forged.Headers.Authorization = new("Bearer", genuine[..^4] + (genuine[^4..] == "AAAA" ? "BBBB" : "AAAA"));
            using var r = await s.Host.CreateClient().SendAsync(forged);
            r.ShouldBe(HttpStatusCode.Unauthorized);
        }
        // A resource of another entry is not reachable through this grant.
        var otherEntry = await PublishAsync(await s.Host.ApiAsync("lx.official"), await s.Host.ApiAsync("jn.official"), "历下区其他目录", "Conditional", ["Api"], [("姓名", "DE0002")]);
        var foreign = await s.Host.Resources.MountTableAsync(otherEntry, "其他目录的表", "姓名", null);
        using (var r = await bound.GetAsync($"/api/sharing/gateway/{grant}/resources/{foreign}/keys/x")) r.ShouldBe(HttpStatusCode.NotFound);
    }

}

[Collection("sharing-sqlite")]
public sealed class GatewayTests(SqliteSharingFixture fixture) : GatewayTestsBase(fixture), IClassFixture<SqliteSharingFixture>;

[Collection("sharing-postgres")]
public sealed class PostgresGatewayTests(PostgresSharingFixture fixture) : GatewayTestsBase(fixture), IClassFixture<PostgresSharingFixture>;
