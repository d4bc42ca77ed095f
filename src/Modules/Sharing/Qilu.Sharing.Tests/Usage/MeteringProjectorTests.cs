using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qilu.Platform.Audit;
using Qilu.Sharing.Data;
using Qilu.Sharing.Tests.Support;
using Qilu.Sharing.Usage;
using Shouldly;
using static Qilu.Sharing.Tests.Support.Scenario;

namespace Qilu.Sharing.Tests.Usage;

/// <summary>
/// Metering records written from the audit log (ADR 0018 addendum 7): one per gateway entry, never two, whoever
/// projects and however often, and a record already stored with its entry (before the addendum) is not written again.
/// </summary>
public abstract class MeteringProjectorTestsBase(SharingFixture fixture)
{
    [Fact]
    public async Task CatchUp_WhenRunConcurrentlyAndRepeatedly_WritesOneRecordPerGatewayEntry()
    {
        var s = await fixture.ScenarioAsync();
        var grant = await s.GrantAsync(fields: ["姓名"]);
        var system = await s.Host.ConsumerSystemAsync(s.Consumer, "lx-health-metering");
        var calls = new List<string>();
        for (var i = 0; i < 12; i++)
        {
            // Served and refused calls alike are metered (the malformed key is refused with 400).
            using var r = await KeyAsync(system, grant, s.ResourceId, i % 4 == 3 ? "37010219900101123X0" : s.People[i % s.People.Count].Id);
            r.StatusCode.ShouldBeOneOf(HttpStatusCode.OK, HttpStatusCode.BadRequest);
            calls.Add(r.Headers.GetValues("X-Qilu-Call-Id").Single());
        }

        // The background round, the test's catch-up and a second projector instance (another node) at the same time.
        var other = ActivatorUtilities.CreateInstance<MeteringProjector>(s.Host.Services);
        var projector = s.Host.Services.GetRequiredService<MeteringProjector>();
        await Task.WhenAll(projector.CatchUpAsync(), other.CatchUpAsync(), projector.CatchUpAsync(), other.CatchUpAsync());
        other.Dispose();

        var records = await Probe.MeteringAsync(s.Host, grant);
        records.Select(m => m.Id.ToString()).ShouldBe(calls, ignoreOrder: true);
        records.Count(m => m.Status == 400).ShouldBe(3);
        records.Where(m => m.Status == 200).ShouldAllBe(m => m.Rows == 1 && m.Fields == 1);
        (await s.Host.RunAsync(sp => sp.GetRequiredService<SharingDbContext>().MeteringCursors.SingleAsync()))
            .NextSequence.ShouldBe(await s.Host.RunAsync(sp => sp.GetRequiredService<IAuditLog>().GetTreeSizeAsync()));
    }

    [Fact]
    public async Task CatchUp_WhenTheCursorIsBehindStoredRecords_DoesNotWriteThemAgain()
    {
        var s = await fixture.ScenarioAsync();
        var grant = await s.GrantAsync(fields: ["姓名"]);
        var system = await s.Host.ConsumerSystemAsync(s.Consumer, "lx-health-metering-old");
        var projector = s.Host.Services.GetRequiredService<MeteringProjector>();
        await projector.CatchUpAsync();
        var before = await s.Host.RunAsync(sp => sp.GetRequiredService<IAuditLog>().GetTreeSizeAsync());
        using (var r = await KeyAsync(system, grant, s.ResourceId, s.People[0].Id)) r.ShouldBe(HttpStatusCode.OK);
        await projector.CatchUpAsync();

        // A cursor behind records already stored: a data directory from before addendum 7, whose records were written
        // with their entries, starts at 0. The stored record is marked to show it is neither rewritten nor duplicated.
        await s.Host.RunAsync(async sp =>
        {
            var db = sp.GetRequiredService<SharingDbContext>();
            await db.Metering.Where(m => m.GrantId == grant).ExecuteUpdateAsync(u => u.SetProperty(m => m.RequestHash, "stored-before"));
            return await db.MeteringCursors.ExecuteUpdateAsync(u => u.SetProperty(c => c.NextSequence, before));
        });
        await projector.CatchUpAsync();

        var record = (await Probe.MeteringAsync(s.Host, grant)).Single();
        record.RequestHash.ShouldBe("stored-before");
    }

    [Fact]
    public async Task CatchUp_WhenAGatewayEntryNamesNoCall_PassesOverItAndMetersTheCallsAfterIt()
    {
        var s = await fixture.ScenarioAsync();
        var grant = await s.GrantAsync(fields: ["姓名"]);
        var system = await s.Host.ConsumerSystemAsync(s.Consumer, "lx-health-metering-odd");
        var projector = s.Host.Services.GetRequiredService<MeteringProjector>();
        // Entries under the gateway's prefix that describe no call: details of another shape, and none at all.
        var log = s.Host.Services.GetRequiredService<IAuditLog>();
        await log.AppendAsync(new AuditRecord("sharing.gateway.key", AuditOutcome.Success)
        {
            ActorId = "lx-health-metering-odd", ActorKind = Qilu.SharedKernel.Actors.ActorKind.SystemClient, ActorName = "odd",
            Details = System.Text.Json.JsonDocument.Parse("""{"call":"not-a-guid","status":"x"}""").RootElement,
        });
        await log.AppendAsync(new AuditRecord("sharing.gateway.rows", AuditOutcome.Success)
        {
            ActorId = "lx-health-metering-odd", ActorKind = Qilu.SharedKernel.Actors.ActorKind.SystemClient, ActorName = "odd",
        });
        using (var r = await KeyAsync(system, grant, s.ResourceId, s.People[0].Id)) r.ShouldBe(HttpStatusCode.OK);

        await projector.CatchUpAsync();

        // The call after the odd entries is metered: the projector passed over them instead of stopping there.
        (await Probe.MeteringAsync(s.Host, grant)).Single().Status.ShouldBe(200);
    }
}

[Collection("sharing-sqlite")]
public sealed class MeteringProjectorTests(SqliteSharingFixture fixture) : MeteringProjectorTestsBase(fixture), IClassFixture<SqliteSharingFixture>;

[Collection("sharing-postgres")]
public sealed class PostgresMeteringProjectorTests(PostgresSharingFixture fixture) : MeteringProjectorTestsBase(fixture), IClassFixture<PostgresSharingFixture>;
