using System.Text;
using Qilu.Platform.Auth;
using Qilu.SharedKernel.Actors;
using Qilu.Sharing.Contracts;
using Qilu.Sharing.Grassroots;
using Qilu.Sharing.Tests.Support;
using Shouldly;
using static Qilu.Sharing.Tests.Support.Scenario;

namespace Qilu.Sharing.Tests.Grassroots;

/// <summary>
/// The 本辖区数据 page's reads (<see cref="MyAreaReads"/>) as a town official: the same endpoint and gateway pipeline as
/// the API — only the town's rows, masked by the grant, filters refused next to their field, the quota charged for what
/// was released, and every read audited and metered as the official.
/// </summary>
public abstract class MyAreaReadsTestsBase(SharingFixture fixture)
{
    private static readonly string[] Shown = ["公民身份号码", "姓名", "联系电话"];

    [Fact]
    public async Task PageReads_AsATownOfficial_ReleaseOnlyTheTownsRows_Masked_ChargedAuditedAndMetered()
    {
        var s = await fixture.ScenarioAsync();
        // Two residents registered at street level inside 历下区: 解放路街道 (370102001) and 千佛山街道 (370102002).
        var townId = Id("370102", 19700303, 51);
        await s.Host.Resources.ImportAsync(s.ResourceId, [Resident(townId, "孙七", "370102001"), Resident(Id("370102", 19710404, 63), "周八", "370102002")]);
        var grant = await s.GrantAsync(terms: new { grassroots = true, masking = new Dictionary<string, string> { ["联系电话"] = "Redact" } });
        var unit = await s.Host.UnitAsync("civil_affairs", "370102");
        var official = new Actor(ActorKind.Official, "jfl.page", "解放路街道工作人员", "370102001", unit.Id, new HashSet<string> { WellKnownRoles.Official },
            new HashSet<string> { SharingPermissions.GrassrootsRead }, RealNameLevel.InPerson);

        var listed = await s.Host.RunAsync(sp => MyAreaReads.DatasetsAsync(official, sp, default));
        listed.Value.Single(d => d.Grant.Id == grant).Tables.ShouldContain(t => t.ResourceId == s.ResourceId);

        var read = await s.Host.RunAsync(sp => MyAreaReads.RowsAsync(official, grant, s.ResourceId, MyAreaReads.Query(50, 0, new Dictionary<string, string?>()), sp, default));
        read.Status.ShouldBe(200, read.Refusal?.ToString());
        read.Page!.Total.ShouldBe(1);
        var row = read.Page.Rows.ShouldHaveSingleItem();
        row.DivisionCode.ShouldBe("370102001");
        row.Values["公民身份号码"].ShouldNotBe(townId);
        row.Values["公民身份号码"]!.ShouldContain('*');
        row.Values["联系电话"].ShouldBeNull();

        var withheld = await s.Host.RunAsync(sp => MyAreaReads.RowsAsync(official, grant, s.ResourceId,
            MyAreaReads.Query(50, 0, new Dictionary<string, string?> { ["联系电话"] = "13800000000" }), sp, default));
        withheld.Status.ShouldBe(403);
        withheld.Refusal!.Code.ShouldBe("filter.withheld");
        withheld.Refusal.Field.ShouldBe("filter.联系电话");
        var malformed = await s.Host.RunAsync(sp => MyAreaReads.RowsAsync(official, grant, s.ResourceId,
            MyAreaReads.Query(50, 0, new Dictionary<string, string?> { ["公民身份号码"] = "123" }), sp, default));
        malformed.Status.ShouldBe(400);
        malformed.Refusal!.Field.ShouldBe("filter.公民身份号码");

        // The export holds what the gateway returned: the masked number, never the clear one; withheld cells are empty.
        var csv = Encoding.UTF8.GetString(MyAreaReads.Csv(Shown, read.Page.Rows));
        csv.ShouldStartWith("\uFEFF行政区划代码,公民身份号码,姓名,联系电话\r\n");
        csv.ShouldContain($"370102001,{row.Values["公民身份号码"]},{row.Values["姓名"]},\r\n");
        csv.ShouldNotContain(townId);

        // Only the read that released rows was charged; all three were audited and metered as the official.
        var after = await s.Host.RunAsync(sp => MyAreaReads.DatasetsAsync(official, sp, default));
        after.Value.Single(d => d.Grant.Id == grant).Grant.UsedToday.ShouldBe(1);
        (await Probe.AuditAsync(s.Host, "jfl.page", "sharing.gateway.grassroots", 3)).Count.ShouldBe(3);
        (await Probe.MeteringCountAsync(s.Host, grant)).ShouldBe(3);
    }

    private static Dictionary<string, string?> Resident(string id, string name, string division) => new()
    {
        ["公民身份号码"] = id, ["姓名"] = name, ["联系电话"] = "13811112222", ["行政区划代码"] = division, ["地址"] = "济南市历下区测试路2号",
    };
}

[Collection("sharing-sqlite")]
public sealed class MyAreaReadsTests(SqliteSharingFixture fixture) : MyAreaReadsTestsBase(fixture), IClassFixture<SqliteSharingFixture>;

[Collection("sharing-postgres")]
public sealed class PostgresMyAreaReadsTests(PostgresSharingFixture fixture) : MyAreaReadsTestsBase(fixture), IClassFixture<PostgresSharingFixture>;
