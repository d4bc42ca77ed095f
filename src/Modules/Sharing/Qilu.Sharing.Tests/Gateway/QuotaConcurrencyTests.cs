using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Qilu.Sharing.Data;
using Qilu.Sharing.Gateway;
using Qilu.Sharing.Grants;
using Qilu.Sharing.Tests.Support;
using Shouldly;
using static Qilu.Sharing.Tests.Support.Scenario;

namespace Qilu.Sharing.Tests.Gateway;

/// <summary>
/// Atomic quotas: 100 callers released at once against a remaining daily quota of 37 get exactly 37 answers and 63
/// refusals (429), and the counter ends at 37 — on SQLite and on PostgreSQL. Then the total quota holds the same way,
/// across two nodes (two ledgers with their own leases on one database), and the daily quota rolls at China midnight.
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

    [Fact]
    public async Task Consume_WhenTwoNodesRaceOnOneDatabase_TogetherTheyServeExactlyTheQuota()
    {
        var s = await fixture.ScenarioAsync();
        var grantId = await s.GrantAsync(fields: ["姓名"], terms: new { dailyQuota = 1000, totalQuota = 90, ratePerSecond = 10_000 });
        var grant = await GrantAsync(s.Host, grantId);
        var scopes = s.Host.Services.GetRequiredService<IServiceScopeFactory>();
        QuotaLedger[] nodes = [new(scopes, TimeProvider.System, NullLogger<QuotaLedger>.Instance), new(scopes, TimeProvider.System, NullLogger<QuotaLedger>.Instance)];
        var now = TimeProvider.System.GetUtcNow();
        var start = new TaskCompletionSource();
        var calls = Enumerable.Range(0, 200).Select(async i =>
        {
            await start.Task;
            return await nodes[i % 2].TryConsumeAsync(grant, now, TestContext.Current.CancellationToken);
        }).ToList();
        start.SetResult();
        var raced = (await Task.WhenAll(calls)).Count(o => o == QuotaOutcome.Granted);

        // A node may refuse while the other still holds unused calls (never more than the quota is served); once the
        // leases go back, the rest of the quota is served and not one call more.
        raced.ShouldBeLessThanOrEqualTo(90);
        (await CounterAsync(s.Host, grantId, QuotaCounter.TotalDay)).ShouldBeLessThanOrEqualTo(90);
        foreach (var n in nodes) await n.ReturnLeasesAsync(all: true, TestContext.Current.CancellationToken);
        var after = 0;
        for (var i = 0; i < 200; i++)
            if (await nodes[i % 2].TryConsumeAsync(grant, now, TestContext.Current.CancellationToken) == QuotaOutcome.Granted) after++;
        (raced + after).ShouldBe(90);
        foreach (var n in nodes) await n.ReturnLeasesAsync(all: true, TestContext.Current.CancellationToken);
        (await CounterAsync(s.Host, grantId, QuotaCounter.TotalDay)).ShouldBe(90);
        (await CounterAsync(s.Host, grantId, QuotaLedger.DayOf(now))).ShouldBe(90);
        (await nodes[0].TryConsumeAsync(grant, now, TestContext.Current.CancellationToken)).ShouldBe(QuotaOutcome.TotalExhausted);
    }

    [Fact]
    public async Task Consume_WhenTheChinaDayRolls_TheDailyQuotaStartsAgainAndTheOldLeaseGoesBack()
    {
        var s = await fixture.ScenarioAsync();
        var grantId = await s.GrantAsync(fields: ["姓名"], terms: new { dailyQuota = 3, ratePerSecond = 10_000 });
        var grant = await GrantAsync(s.Host, grantId);
        var ledger = new QuotaLedger(s.Host.Services.GetRequiredService<IServiceScopeFactory>(), TimeProvider.System, NullLogger<QuotaLedger>.Instance);
        var ct = TestContext.Current.CancellationToken;
        // 2027-03-01 23:59:59 in China is 15:59:59 UTC; one second later is the next China day.
        var lastSecond = new DateTimeOffset(2027, 3, 1, 15, 59, 59, TimeSpan.Zero);
        (await ledger.TryConsumeAsync(grant, lastSecond, ct)).ShouldBe(QuotaOutcome.Granted);
        (await ledger.TryConsumeAsync(grant, lastSecond.AddSeconds(1), ct)).ShouldBe(QuotaOutcome.Granted);
        for (var i = 0; i < 3; i++) (await ledger.TryConsumeAsync(grant, lastSecond.AddSeconds(2), ct)).ShouldBe(i < 2 ? QuotaOutcome.Granted : QuotaOutcome.DailyExhausted);

        (await CounterAsync(s.Host, grantId, 20270301)).ShouldBe(1);
        (await CounterAsync(s.Host, grantId, 20270302)).ShouldBe(3);
    }

    private static Task<Grant> GrantAsync(SharingHost host, Guid id) =>
        host.RunAsync(sp => sp.GetRequiredService<SharingDbContext>().Grants.AsNoTracking().SingleAsync(g => g.Id == id));

    private static Task<long> CounterAsync(SharingHost host, Guid grant, int day) =>
        host.RunAsync(sp => sp.GetRequiredService<SharingDbContext>().Quota.AsNoTracking().Where(q => q.GrantId == grant && q.Day == day).Select(q => q.Used).SingleOrDefaultAsync());
}

[Collection("sharing-sqlite")]
public sealed class QuotaConcurrencyTests(SqliteSharingFixture fixture) : QuotaConcurrencyTestsBase(fixture), IClassFixture<SqliteSharingFixture>;

[Collection("sharing-postgres")]
public sealed class PostgresQuotaConcurrencyTests(PostgresSharingFixture fixture) : QuotaConcurrencyTestsBase(fixture), IClassFixture<PostgresSharingFixture>;
