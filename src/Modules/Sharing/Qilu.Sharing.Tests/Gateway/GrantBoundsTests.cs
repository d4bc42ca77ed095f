using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qilu.Catalog.Contracts;
using Qilu.SharedKernel.Identifiers;
using Qilu.Sharing.Data;
using Qilu.Sharing.Tests.Support;
using Shouldly;
using static Qilu.Sharing.Tests.Support.Scenario;

namespace Qilu.Sharing.Tests.Gateway;

/// <summary>
/// What a grant bounds beyond fields and masking. Its 共享方式: a 核验-only entry answers 核验 and nothing else, a file
/// leaves only through the 文件 method and only when every item is granted in clear, a later version offering fewer
/// methods narrows the grants (never widens them), and a grant issued before methods were recorded takes its entry's at
/// start-up. Row filters (withheld fields, malformed values), row scope on proxied APIs, and the licence 核验 (only under
/// a grant from the licence's issuing authority).
/// </summary>
public abstract class GrantBoundsTestsBase(SharingFixture fixture)
{
    [Fact]
    public async Task VerificationOnlyEntry_AnswersVerification_AndRefusesEveryOperationThatReleasesRows()
    {
        var s = await fixture.ScenarioAsync();
        var lixia = await s.Host.ApiAsync("lx.official");
        var jinan = await s.Host.ApiAsync("jn.official");
        var entry = await PublishAsync(lixia, jinan, "历下区人口核验目录", "Conditional", ["Verification"], PersonItems);
        var resource = await s.Host.Resources.MountTableAsync(entry, "人口核验表", "公民身份号码", "行政区划代码");
        var (id, name, phone, division) = s.People[0];
        await s.Host.Resources.ImportAsync(resource, [new Dictionary<string, string?>
        {
            ["公民身份号码"] = id, ["姓名"] = name, ["联系电话"] = phone, ["行政区划代码"] = division, ["地址"] = "济南市测试路1号",
        }]);
        var grant = await s.GrantAsync(fields: ["姓名", "行政区划代码"], entryId: entry);
        var system = await s.Host.ConsumerSystemAsync(s.Consumer, "lx-health-verify-only");

        var yes = await Ok(await system.PostAsJsonAsync($"/api/sharing/gateway/{grant}/verify/name-id", new { idNumber = id, name }));
        yes.GetProperty("answer").GetBoolean().ShouldBeTrue();

        string[] released =
        [
            $"/api/sharing/gateway/{grant}/resources/{resource}/keys/{id}",
            $"/api/sharing/gateway/{grant}/resources/{resource}/rows",
            $"/api/sharing/gateway/{grant}/resources/{resource}/changes",
        ];
        foreach (var path in released)
        {
            using var r = await system.GetAsync(path);
            r.ShouldBe(HttpStatusCode.Forbidden);
            (await Probe.CodeOfAsync(r)).ShouldBe("grant.share_method");
            var text = await r.Content.ReadAsStringAsync();
            text.ShouldContain("接口");
            text.ShouldNotContain(name);
        }
        // Refusals are audited and metered like every call; none of them was charged a row.
        var metering = await Probe.MeteringAsync(s.Host, grant);
        metering.Count(m => m.Status == 403).ShouldBe(3);
        metering.Where(m => m.Status == 403).ShouldAllBe(m => m.Rows == 0);
    }

    [Fact]
    public async Task NewVersionOfferingFewerMethods_NarrowsTheGrant_AndALaterWiderVersionDoesNotWidenIt()
    {
        var s = await fixture.ScenarioAsync();
        var grant = await s.GrantAsync(fields: ["姓名"]);
        var system = await s.Host.ConsumerSystemAsync(s.Consumer, "lx-health-narrowed");
        var id = s.People[0].Id;
        (await KeyAsync(system, grant, s.ResourceId, id)).ShouldBe(HttpStatusCode.OK);

        var lixia = await s.Host.ApiAsync("lx.official");
        var jinan = await s.Host.ApiAsync("jn.official");
        await RepublishAsync(lixia, jinan, s.EntryId, PersonRegister, "Conditional", ["Verification"], PersonItems);
        await Probe.DispatchOutboxesAsync(s.Host);
        (await MethodsAsync(s.Host, grant)).ShouldBe("Verification");
        using (var refused = await KeyAsync(system, grant, s.ResourceId, id))
        {
            refused.ShouldBe(HttpStatusCode.Forbidden);
            (await Probe.CodeOfAsync(refused)).ShouldBe("grant.share_method");
        }
        (await Ok(await system.PostAsJsonAsync($"/api/sharing/gateway/{grant}/verify/name-id", new { idNumber = id, name = s.People[0].Name })))
            .GetProperty("answer").GetBoolean().ShouldBeTrue();

        // The provider offers 接口 again: the grant was narrowed and stays so (a new application is needed).
        await RepublishAsync(lixia, jinan, s.EntryId, PersonRegister, "Conditional", ["Api", "Verification"], PersonItems);
        await Probe.DispatchOutboxesAsync(s.Host);
        (await MethodsAsync(s.Host, grant)).ShouldBe("Verification");
        (await KeyAsync(system, grant, s.ResourceId, id)).ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task GrantIssuedBeforeMethodsWereRecorded_TakesItsEntrysMethodsAtStartUp()
    {
        var s = await fixture.ScenarioAsync();
        var grant = await s.GrantAsync(fields: ["姓名"]);
        (await MethodsAsync(s.Host, grant)).ShouldBe("Api,Verification");
        await s.Host.RunAsync(async sp =>
        {
            var db = sp.GetRequiredService<SharingDbContext>();
            await db.Grants.Where(g => g.Id == grant).ExecuteUpdateAsync(u => u.SetProperty(g => g.ShareMethods, ""));
            await SharingInitializer.RecordShareMethodsAsync(db, sp.GetRequiredService<ICatalogDirectory>(), CancellationToken.None);
            return 0;
        });
        (await MethodsAsync(s.Host, grant)).ShouldBe("Api,Verification");
    }

    [Fact]
    public async Task FileEntry_IsReleasedWhole_OnlyUnderAFileGrantThatReleasesEveryItemInClear()
    {
        var s = await fixture.ScenarioAsync();
        var lixia = await s.Host.ApiAsync("lx.official");
        var jinan = await s.Host.ApiAsync("jn.official");
        // 企业名称 and 行政区划代码 are graded L1, so a grant may release them in clear; 地址 (L3) may not be.
        var open = await PublishAsync(lixia, jinan, "历下区企业名录文件", "Conditional", ["File"], [("企业名称", "DE0007"), ("行政区划代码", "DE0009")]);
        var closed = await PublishAsync(lixia, jinan, "历下区企业住所文件", "Conditional", ["File", "Api"], [("企业名称", "DE0007"), ("地址", "DE0010")]);
        var bytes = System.Text.Encoding.UTF8.GetBytes("企业名称,行政区划代码\n济南泉城食品有限公司,370102\n");
        async Task<Guid> MountAsync(Guid entry)
        {
            using var content = new ByteArrayContent(bytes) { Headers = { { "Content-Type", "text/csv" } } };
            return (await Ok(await lixia.PostAsync($"/api/catalog/entries/{entry}/resources/file?fileName={Uri.EscapeDataString("企业名录.csv")}", content),
                HttpStatusCode.Created)).GetProperty("id").GetGuid();
        }
        var openFile = await MountAsync(open);
        var closedFile = await MountAsync(closed);
        var system = await s.Host.ConsumerSystemAsync(s.Consumer, "lx-health-files");

        var grant = await s.GrantAsync(fields: ["企业名称", "行政区划代码"], entryId: open);
        using (var file = await system.GetAsync($"/api/sharing/gateway/{grant}/resources/{openFile}/file"))
        {
            file.ShouldBe(HttpStatusCode.OK);
            (await file.Content.ReadAsByteArrayAsync()).ShouldBe(bytes);
            file.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
            file.Content.Headers.ContentDisposition!.FileNameStar.ShouldBe("企业名录.csv");
            file.Headers.GetValues("X-Content-SM3").Single().ShouldBe(Convert.ToHexStringLower(Qilu.Platform.Cryptography.Sm3.Hash(bytes)));
            await Probe.ShouldCarryValidBindingAsync(file, "lx-health-files");
        }
        (await Probe.MeteringAsync(s.Host, grant)).Single().Operation.ShouldBe("file");
        // The same grant cannot read the file of another entry, nor use the 接口 method its entry does not offer.
        (await system.GetAsync($"/api/sharing/gateway/{grant}/resources/{closedFile}/file")).ShouldBe(HttpStatusCode.NotFound);
        using (var key = await system.GetAsync($"/api/sharing/gateway/{grant}/resources/{openFile}/rows"))
        {
            key.ShouldBe(HttpStatusCode.Forbidden);
            (await Probe.CodeOfAsync(key)).ShouldBe("grant.share_method");
        }

        // 地址 is L3: at least partly masked, so the file (which cannot be masked) is not released.
        var partial = await s.GrantAsync(fields: ["企业名称", "地址"], entryId: closed);
        using var refused = await system.GetAsync($"/api/sharing/gateway/{partial}/resources/{closedFile}/file");
        refused.ShouldBe(HttpStatusCode.Forbidden);
        (await Probe.CodeOfAsync(refused)).ShouldBe("file.masking_required");
        (await refused.Content.ReadAsStringAsync()).ShouldContain("地址");
    }

    [Fact]
    public async Task ProxiedApi_UnderARowScopedGrant_KeepsOnlyTheScopesObjects_AndRefusesOperationsWithoutADivision()
    {
        var s = await fixture.ScenarioAsync();
        var lixia = await s.Host.ApiAsync("lx.official");
        var jinan = await s.Host.ApiAsync("jn.official");
        var entry = await PublishAsync(lixia, jinan, "济南市食品经营网点接口", "Conditional", ["Api"],
            [("统一社会信用代码", "DE0006"), ("企业名称", "DE0007"), ("行政区划代码", "DE0009")]);
        var api = await s.Host.Resources.MountApiAsync(entry, new Uri("http://upstream.example/market/"),
        [
            ("listOutlets", "GET", "/outlets", ["企业名称", "行政区划代码"]),
            ("getEnterprise", "GET", "/enterprises/{creditCode}", ["统一社会信用代码", "企业名称"]),
        ]);
        var grant = await s.GrantAsync(fields: ["企业名称"], entryId: entry, rowScope: "370102");
        var system = await s.Host.ConsumerSystemAsync(s.Consumer, "lx-health-api-scope");

        using var list = await system.GetAsync($"/api/sharing/gateway/{grant}/resources/{api}/api/listOutlets");
        list.ShouldBe(HttpStatusCode.OK);
        var data = (await SharingHost.ReadJsonAsync(list)).GetProperty("data");
        data.EnumerateArray().Select(o => o.GetProperty("企业名称").GetString()).ShouldBe(["历下甲店", "历下丙店"]);
        // The division was used to scope, not released: the grant does not name it.
        data.EnumerateArray().Any(o => o.TryGetProperty("行政区划代码", out _)).ShouldBeFalse();
        s.Host.Upstream.Received.ShouldContain(x => x.Uri.AbsolutePath == "/market/outlets" && x.Headers["X-Qilu-Row-Scope"] == "370102");
        (await Probe.MeteringAsync(s.Host, grant)).Single().Rows.ShouldBe(2);

        using var unscoped = await system.GetAsync($"/api/sharing/gateway/{grant}/resources/{api}/api/getEnterprise?creditCode=91370102MA3C4XYZ0A");
        unscoped.ShouldBe(HttpStatusCode.Forbidden);
        (await Probe.CodeOfAsync(unscoped)).ShouldBe("api.row_scope");
    }

    [Fact]
    public async Task RowsFilter_OnAWithheldField_IsRefused_AndAMalformedValue_IsA400NotCharged()
    {
        var s = await fixture.ScenarioAsync();
        // 地址 is granted but the approver withholds it entirely (Redact).
        var grant = await s.GrantAsync(fields: ["公民身份号码", "姓名", "地址"], terms: new { dailyQuota = 2, masking = new Dictionary<string, string> { ["地址"] = "Redact" } });
        var system = await s.Host.ConsumerSystemAsync(s.Consumer, "lx-health-filters");
        var rows = $"/api/sharing/gateway/{grant}/resources/{s.ResourceId}/rows";

        using var withheld = await system.GetAsync($"{rows}?filter.{Uri.EscapeDataString("地址")}={Uri.EscapeDataString("济南市测试路1号")}");
        withheld.ShouldBe(HttpStatusCode.Forbidden);
        (await Probe.CodeOfAsync(withheld)).ShouldBe("filter.withheld");

        var id = s.People[0].Id;
        var badChecksum = id[..17] + (id[17] == '0' ? '1' : '0');
        using var malformed = await system.GetAsync($"{rows}?filter.{Uri.EscapeDataString("公民身份号码")}={badChecksum}");
        malformed.ShouldBe(HttpStatusCode.BadRequest);
        var error = (await SharingHost.ReadJsonAsync(malformed)).GetProperty("errors")[0];
        error.GetProperty("field").GetString().ShouldBe("filter.公民身份号码");
        error.GetProperty("message").GetString()!.ShouldContain("公民身份号码");

        // A valid value in lower case matches in its canonical form; the two refusals used no quota.
        var lower = id.ToLowerInvariant();
        var page = await Ok(await system.GetAsync($"{rows}?filter.{Uri.EscapeDataString("公民身份号码")}={lower}"));
        page.GetProperty("rows").GetArrayLength().ShouldBe(1);
        (await system.GetAsync(rows)).ShouldBe(HttpStatusCode.OK);
        using var over = await system.GetAsync(rows);
        over.ShouldBe((HttpStatusCode)429);
    }

    [Fact]
    public async Task LicenceVerification_IsAnsweredOnlyUnderAGrantFromTheLicencesIssuingAuthority()
    {
        var s = await fixture.ScenarioAsync();
        var grant = await s.GrantAsync(fields: ["行政区划代码"]);
        var system = await s.Host.ConsumerSystemAsync(s.Consumer, "lx-health-licence");
        var food = new { creditCode = "91370102MA3C4XYK5" + CreditCode.ComputeCheckCharacter("91370102MA3C4XYK5"), typeCode = Qilu.Trust.Contracts.CertificateTypeCodes.FoodBusinessLicence };

        // The grant is from 民政 (civil affairs): it cannot be used to probe enterprises' food licences.
        using var elsewhere = await system.PostAsJsonAsync($"/api/sharing/gateway/{grant}/verify/licence", food);
        elsewhere.ShouldBe(HttpStatusCode.Forbidden);
        (await Probe.CodeOfAsync(elsewhere)).ShouldBe("verify.licence_not_provider");
        using var unknown = await system.PostAsJsonAsync($"/api/sharing/gateway/{grant}/verify/licence", new { food.creditCode, typeCode = "11100000MB0000019L999" });
        unknown.ShouldBe(HttpStatusCode.BadRequest);
        (await Probe.CodeOfAsync(unknown)).ShouldBe("typeCode.unknown");

        // Under a grant from the market regulator (the issuer of 食品经营许可证): a signed answer.
        var market = await s.Host.UnitAsync("market", "370102");
        var fromMarket = await s.CopyGrantEndingAsync(grant, new DateTimeOffset(2099, 1, 1, 0, 0, 0, TimeSpan.Zero), market);
        var answer = await Ok(await system.PostAsJsonAsync($"/api/sharing/gateway/{fromMarket}/verify/licence", food));
        answer.GetProperty("answer").GetBoolean().ShouldBeFalse();
        answer.GetProperty("signature").GetString().ShouldNotBeNullOrEmpty();
    }

    private static Task<string> MethodsAsync(SharingHost host, Guid grant) => host.RunAsync(async sp =>
        (await sp.GetRequiredService<SharingDbContext>().Grants.AsNoTracking().SingleAsync(g => g.Id == grant)).ShareMethods);
}

[Collection("sharing-sqlite")]
public sealed class GrantBoundsTests(SqliteSharingFixture fixture) : GrantBoundsTestsBase(fixture), IClassFixture<SqliteSharingFixture>;

[Collection("sharing-postgres")]
public sealed class PostgresGrantBoundsTests(PostgresSharingFixture fixture) : GrantBoundsTestsBase(fixture), IClassFixture<PostgresSharingFixture>;
