using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Qilu.Sharing.Tests.Support;
using Shouldly;
using static Qilu.Sharing.Tests.Support.Scenario;

namespace Qilu.Sharing.Tests.Gateway;

/// <summary>
/// 调用系统: the consumer unit binds its department systems to a grant, and only those call under it — the next call of
/// any other system of the unit is refused (403 <c>grant.client_not_bound</c>, audited and metered like every call).
/// An empty binding lets every system of the unit call (grants issued before binding). Only the consumer unit binds,
/// only its own registered systems, and a stale version is a 409.
/// </summary>
public abstract class GrantClientsTestsBase(SharingFixture fixture)
{
    private static string NewClientId(string prefix) => $"{prefix}-{Guid.NewGuid():N}";

    [Fact]
    public async Task BoundGrant_ServesOnlyTheBoundSystems_FromTheirNextCall()
    {
        var s = await fixture.ScenarioAsync();
        var grant = await s.GrantAsync(fields: ["姓名"]);
        var (idA, idB) = (NewClientId("lxa"), NewClientId("lxb"));
        var a = await s.Host.ConsumerSystemAsync(s.Consumer, idA);
        var b = await s.Host.ConsumerSystemAsync(s.Consumer, idB);
        var key = s.People[0].Id;
        (await KeyAsync(a, grant, s.ResourceId, key)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await KeyAsync(b, grant, s.ResourceId, key)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var health = await s.Host.ApiAsync("lx.health");
        var bound = await Ok(await BindAsync(health, grant, await ConsumerVersionAsync(health, grant), [idA]));
        bound.GetProperty("clientIds").EnumerateArray().Select(c => c.GetString()).ShouldBe([idA]);
        bound.GetProperty("canBindClients").GetBoolean().ShouldBeTrue();

        (await KeyAsync(a, grant, s.ResourceId, key)).StatusCode.ShouldBe(HttpStatusCode.OK);
        using (var refused = await KeyAsync(b, grant, s.ResourceId, key))
        {
            refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
            (await Probe.CodeOfAsync(refused)).ShouldBe("grant.client_not_bound");
            (await refused.Content.ReadAsStringAsync()).ShouldNotContain(s.People[0].Name);
        }
        var metering = await Probe.MeteringAsync(s.Host, grant);
        metering.Count(m => m.Status == 403 && m.ClientId == idB).ShouldBe(1);

        // Unbinding every system: the unit's systems all call again.
        await Ok(await BindAsync(health, grant, await ConsumerVersionAsync(health, grant), []));
        (await KeyAsync(b, grant, s.ResourceId, key)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Binding_TakesOnlyTheConsumersOwnSystems_FromTheConsumer_AtTheCurrentVersion()
    {
        var s = await fixture.ScenarioAsync();
        var grant = await s.GrantAsync(fields: ["姓名"]);
        var own = NewClientId("lxo");
        await s.Host.ConsumerSystemAsync(s.Consumer, own);
        var providers = NewClientId("lxp");
        await s.Host.ConsumerSystemAsync(s.Provider, providers);
        var health = await s.Host.ApiAsync("lx.health");
        var version = await ConsumerVersionAsync(health, grant);

        using (var foreign = await BindAsync(health, grant, version, [own, providers, "no-such-system"]))
        {
            foreign.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            (await Probe.CodeOfAsync(foreign)).ShouldBe("clientIds.not_unit_system");
            var text = await foreign.Content.ReadAsStringAsync();
            text.ShouldContain(providers);
            text.ShouldContain("no-such-system");
            text.ShouldNotContain(own);
        }
        using (var duplicate = await BindAsync(health, grant, version, [own, own]))
        {
            duplicate.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            (await Probe.CodeOfAsync(duplicate)).ShouldBe("clientIds.duplicate");
        }
        using (var missing = await health.PutAsJsonAsync($"/api/sharing/grants/{grant}/clients", new { version }))
        {
            missing.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            (await Probe.CodeOfAsync(missing)).ShouldBe("required");
        }
        // The provider's official may manage the grant's state, but the consumer's systems are the consumer's to bind.
        var provider = await s.Host.ApiAsync("lx.official");
        using (var notConsumer = await BindAsync(provider, grant, version, [own]))
            notConsumer.StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        await Ok(await BindAsync(health, grant, version, [own]));
        using var stale = await BindAsync(health, grant, version, []);
        stale.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await ConsumerGrantAsync(health, grant)).GetProperty("clientIds").EnumerateArray().Select(c => c.GetString()).ShouldBe([own]);
    }

    [Fact]
    public async Task Application_NamingCallingSystems_IssuesAGrantBoundToThem()
    {
        var s = await fixture.ScenarioAsync();
        var (named, other) = (NewClientId("lxn"), NewClientId("lxx"));
        var namedSystem = await s.Host.ConsumerSystemAsync(s.Consumer, named);
        var otherSystem = await s.Host.ConsumerSystemAsync(s.Consumer, other);
        var health = await s.Host.ApiAsync("lx.health");
        using (var foreign = await health.PostAsJsonAsync("/api/sharing/applications", s.Application(["姓名"], clientIds: [named, "no-such-system"])))
        {
            foreign.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            (await Probe.CodeOfAsync(foreign)).ShouldBe("clientIds.not_unit_system");
        }

        var grant = await s.GrantAsync(fields: ["姓名"], clientIds: [named]);
        (await ConsumerGrantAsync(health, grant)).GetProperty("clientIds").EnumerateArray().Select(c => c.GetString()).ShouldBe([named]);
        var key = s.People[0].Id;
        (await KeyAsync(namedSystem, grant, s.ResourceId, key)).StatusCode.ShouldBe(HttpStatusCode.OK);
        using var refused = await KeyAsync(otherSystem, grant, s.ResourceId, key);
        refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await Probe.CodeOfAsync(refused)).ShouldBe("grant.client_not_bound");
    }

    private static Task<HttpResponseMessage> BindAsync(HttpClient unit, Guid grant, uint version, string[] clientIds) =>
        unit.PutAsJsonAsync($"/api/sharing/grants/{grant}/clients", new { version, clientIds });

    private static async Task<JsonElement> ConsumerGrantAsync(HttpClient consumer, Guid grant) =>
        (await Ok(await consumer.GetAsync("/api/sharing/grants?role=consumer"))).EnumerateArray().Single(g => g.GetProperty("id").GetString() == grant.ToString());

    private static async Task<uint> ConsumerVersionAsync(HttpClient consumer, Guid grant) =>
        (await ConsumerGrantAsync(consumer, grant)).GetProperty("version").GetUInt32();
}

[Collection("sharing-sqlite")]
public sealed class GrantClientsTests(SqliteSharingFixture fixture) : GrantClientsTestsBase(fixture), IClassFixture<SqliteSharingFixture>;

[Collection("sharing-postgres")]
public sealed class PostgresGrantClientsTests(PostgresSharingFixture fixture) : GrantClientsTestsBase(fixture), IClassFixture<PostgresSharingFixture>;
