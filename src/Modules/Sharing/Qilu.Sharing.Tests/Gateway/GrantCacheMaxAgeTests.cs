using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Qilu.Platform.Persistence;
using Qilu.Sharing.Data;
using Qilu.Sharing.Gateway;
using Qilu.Sharing.Grants;
using Qilu.Sharing.Tests.Support;
using Shouldly;
using static Qilu.Sharing.Tests.Gateway.GrantCacheTestsBase;
using static Qilu.Sharing.Tests.Support.Scenario;

namespace Qilu.Sharing.Tests.Gateway;

/// <summary>
/// A held grant is used for at most the cache's max age (ADR 0018 addendum 6). A change that bypasses the application's
/// SaveChanges — here an <c>UPDATE</c> through <c>ExecuteUpdate</c>, as a database administrator's emergency revocation
/// or a restored backup would be — neither invalidates the cache nor notifies the other nodes, and without the max age
/// the gateway would go on serving the grant as it was for as long as the node runs.
/// </summary>
public abstract class GrantCacheMaxAgeTestsBase(SharingFixture fixture)
{
    internal const int MaxAgeSeconds = 3;

    [Fact]
    public async Task Revoke_WhenMadeOutsideTheApplication_IsRefusedOnceTheHeldGrantIsOlderThanTheMaxAge()
    {
        var s = await fixture.ScenarioAsync();
        var cache = await ServingCacheAsync(s.Host);
        cache.MaxAge.ShouldBe(TimeSpan.FromSeconds(MaxAgeSeconds));
        var grant = await s.GrantAsync(fields: ["姓名"]);
        var system = await s.Host.ConsumerSystemAsync(s.Consumer, "lx-health-cache-age");
        (await KeyAsync(system, grant, s.ResourceId, s.People[0].Id)).ShouldBe(HttpStatusCode.OK);
        cache.TryGet(grant, out _).ShouldBeTrue();

        await s.Host.RunAsync(async sp =>
        {
            var db = sp.GetRequiredService<SharingDbContext>();
            return await db.Grants.Where(g => g.Id == grant)
                .ExecuteUpdateAsync(u => u.SetProperty(g => g.Status, GrantStatus.Revoked).SetProperty(g => g.StatusReason, "数据库直接撤销"));
        });

        // Nothing told the cache; the refusal comes from reading the grant again once the held copy is too old.
        var started = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            using var r = await KeyAsync(system, grant, s.ResourceId, s.People[0].Id);
            if (r.StatusCode == HttpStatusCode.Forbidden)
            {
                (await Probe.CodeOfAsync(r)).ShouldBe("grant.revoked");
                break;
            }
            r.StatusCode.ShouldBe(HttpStatusCode.OK);
            if (started.Elapsed > TimeSpan.FromSeconds(MaxAgeSeconds + 15))
                throw new Xunit.Sdk.XunitException("The gateway still served a grant revoked in the database long after the cache's max age.");
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
        cache.TryGet(grant, out var now).ShouldBeTrue();
        now.Status.ShouldBe(GrantStatus.Revoked);
    }

    [Fact]
    public void TryGet_WhenTheHeldGrantReachesTheMaxAge_IsAMissUntilOfferedAgain()
    {
        var clock = new FakeTimeProvider();
        var cache = new GrantCache(enabled: true, maxAge: TimeSpan.FromSeconds(60), time: clock);
        var grant = SampleGrant();
        cache.Offer(grant, cache.Generation);
        clock.Advance(TimeSpan.FromSeconds(59));
        cache.TryGet(grant.Id, out _).ShouldBeTrue();
        clock.Advance(TimeSpan.FromSeconds(1));
        cache.TryGet(grant.Id, out _).ShouldBeFalse();
        cache.Offer(grant, cache.Generation);
        cache.TryGet(grant.Id, out _).ShouldBeTrue();
        new GrantCache(enabled: true).MaxAge.ShouldBe(GrantCache.DefaultMaxAge);
    }
}

/// <summary>A host whose grant cache keeps a grant for <see cref="GrantCacheMaxAgeTestsBase.MaxAgeSeconds"/> seconds.</summary>
public abstract class ShortGrantAgeFixture : SharingFixture
{
    protected override SharingHost CreateHost() => new(Provider, new Dictionary<string, string?>
    {
        ["Qilu:Sharing:GrantCacheMaxAgeSeconds"] = GrantCacheMaxAgeTestsBase.MaxAgeSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
    });
}

public sealed class SqliteShortGrantAgeFixture : ShortGrantAgeFixture
{
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class PostgresShortGrantAgeFixture : ShortGrantAgeFixture
{
    public override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}

[Collection("sharing-sqlite")]
public sealed class GrantCacheMaxAgeTests(SqliteShortGrantAgeFixture fixture) : GrantCacheMaxAgeTestsBase(fixture), IClassFixture<SqliteShortGrantAgeFixture>;

[Collection("sharing-postgres")]
public sealed class PostgresGrantCacheMaxAgeTests(PostgresShortGrantAgeFixture fixture) : GrantCacheMaxAgeTestsBase(fixture), IClassFixture<PostgresShortGrantAgeFixture>;
