using System.Net;
using Qilu.Sharing.Tests.Support;
using Shouldly;
using static Qilu.Sharing.Tests.Support.Scenario;

namespace Qilu.Sharing.Tests.Gateway;

/// <summary>
/// Atomic quotas: 100 callers released at once against a remaining daily quota of 37 get exactly 37 answers and 63
/// refusals (429), and the counter ends at 37 — on SQLite and on PostgreSQL. Then the total quota holds the same way.
/// </summary>
public abstract class QuotaConcurrencyTestsBase(SharingFixture fixture)
{
    [Fact]
    public async Task Query_WhenHundredCallersRaceAtTheLimit_ExactlyTheQuotaIsServed()
    {
        var s = await fixture.ScenarioAsync();
        var grant = await s.GrantAsync(fields: ["姓名"], terms: new { dailyQuota = 37, ratePerSecond = 10_000 });
        var system = await s.Host.ConsumerSystemAsync(s.Consumer, "lx-health-race");
        var start = new TaskCompletionSource();
        var calls = Enumerable.Range(0, 100).Select(async i =>
        {
            await start.Task;
            using var r = await KeyAsync(system, grant, s.ResourceId, s.People[i % 2].Id);
            return (r.StatusCode, Body: r.StatusCode is HttpStatusCode.OK or (HttpStatusCode)429 ? "" : await r.Content.ReadAsStringAsync());
        }).ToList();
        start.SetResult();
        var results = await Task.WhenAll(calls);
        results.Where(r => r.Body.Length > 0).Select(r => $"{(int)r.StatusCode}: {r.Body}").ShouldBeEmpty();
        var statuses = results.Select(r => r.StatusCode).ToList();
        statuses.Count(c => c == HttpStatusCode.OK).ShouldBe(37);
        statuses.Count(c => c == (HttpStatusCode)429).ShouldBe(63);
        (await Probe.MeteringCountAsync(s.Host, grant)).ShouldBe(100);
        var lixia = await s.Host.ApiAsync("lx.official");
        var view = (await Ok(await lixia.GetAsync("/api/sharing/grants?role=provider"))).EnumerateArray().Single(g => g.GetProperty("id").GetString() == grant.ToString());
        view.GetProperty("usedToday").GetInt64().ShouldBe(37);
    }

    [Fact]
    public async Task Query_WhenTotalQuotaIsLowerThanDaily_TotalHoldsUnderConcurrency()
    {
        var s = await fixture.ScenarioAsync();
        var grant = await s.GrantAsync(fields: ["姓名"], terms: new { dailyQuota = 1000, totalQuota = 12, ratePerSecond = 10_000 });
        var system = await s.Host.ConsumerSystemAsync(s.Consumer, "lx-health-total");
        var start = new TaskCompletionSource();
        var calls = Enumerable.Range(0, 40).Select(async _ =>
        {
            await start.Task;
            using var r = await KeyAsync(system, grant, s.ResourceId, s.People[0].Id);
            return (r.StatusCode, r.StatusCode == HttpStatusCode.OK ? "" : await Probe.CodeOfAsync(r));
        }).ToList();
        start.SetResult();
        var results = await Task.WhenAll(calls);
        results.Count(c => c.StatusCode == HttpStatusCode.OK).ShouldBe(12);
        results.Where(c => c.StatusCode != HttpStatusCode.OK).ShouldAllBe(c => c.Item2 == "gateway.quota_total");
    }
}

[Collection("sharing-sqlite")]
public sealed class QuotaConcurrencyTests(SqliteSharingFixture fixture) : QuotaConcurrencyTestsBase(fixture), IClassFixture<SqliteSharingFixture>;

[Collection("sharing-postgres")]
public sealed class PostgresQuotaConcurrencyTests(PostgresSharingFixture fixture) : QuotaConcurrencyTestsBase(fixture), IClassFixture<PostgresSharingFixture>;
