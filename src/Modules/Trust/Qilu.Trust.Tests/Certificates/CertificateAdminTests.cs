using Microsoft.Extensions.DependencyInjection;
using Qilu.Platform.Cryptography.Fields;
using Qilu.SharedKernel.Results;
using Qilu.Trust.Auditing;
using Qilu.Trust.Certificates;
using Qilu.Trust.Contracts;
using Qilu.Trust.Data;
using Shouldly;

namespace Qilu.Trust.Tests.Certificates;

[Collection(TrustHostGroup.Name)]
public sealed class CertificateAdminTests(TrustHost host)
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    private Task<Result<IReadOnlyList<SearchCertificates.Item>>> SearchAsync(Qilu.SharedKernel.Actors.Actor actor, string? holder) =>
        host.RunAsync(sp => SearchCertificates.HandleAsync(actor, holder, null, null, sp.GetRequiredService<TrustDbContext>(),
            sp.GetRequiredService<IFieldProtector>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<TrustAudit>(), Ct));

    [Fact]
    public async Task Search_WhenByHolder_FindsWithinScopeOnly()
    {
        var jinan = await CertificateFlows.MarketIssuerAsync(host, "370116");
        var qingdao = await CertificateFlows.MarketIssuerAsync(host, "370211");
        var creditCode = CertificateFlows.NewCreditCode();
        var c = (await CertificateFlows.IssueAsync(host, jinan, CertificateFlows.Licence(creditCode))).Value;

        (await SearchAsync(jinan, creditCode)).Value.ShouldHaveSingleItem().Id.ShouldBe(c.Id);
        (await SearchAsync(qingdao, creditCode)).Value.ShouldBeEmpty();
        (await SearchAsync(jinan, "not-an-id")).Errors[0].Field.ShouldBe("holder");
        (await SearchAsync(jinan with { Permissions = new HashSet<string>() }, creditCode)).Kind.ShouldBe(ErrorKind.Forbidden);
    }

    [Fact]
    public async Task CreateType_WhenSchemaIsValid_IsListedAndIssuable_AndBadSchemasNameTheirField()
    {
        var unit = await host.UnitAsync("market", "370000");
        var admin = TrustHost.Official(unit, TrustPermissions.TypesManage);
        var code = "11100000000013338W" + "9" + System.Security.Cryptography.RandomNumberGenerator.GetInt32(10, 99).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var good = new CreateCertificateType.Request(code, "测试许可证", "Test permit", "测试部", "organisation", "market", 5,
            [new SchemaField("permitScope", "许可范围", true, 100, null), new SchemaField("plantCode", "厂区编号", false, 10, "^[0-9]+$")]);
        Task<Result<ListCertificateTypes.Item>> Create(CreateCertificateType.Request r, Qilu.SharedKernel.Actors.Actor? who = null) =>
            host.RunAsync(sp => CreateCertificateType.HandleAsync(who ?? admin, r, sp.GetRequiredService<TrustDbContext>(), sp.GetRequiredService<TrustAudit>(), Ct));

        (await Create(good)).IsSuccess.ShouldBeTrue();
        (await host.RunAsync(sp => ListCertificateTypes.HandleAsync(sp.GetRequiredService<TrustDbContext>(), Ct))).ShouldContain(t => t.Code == code);
        (await Create(good)).Kind.ShouldBe(ErrorKind.Conflict);
        var bad = await Create(good with
        {
            Code = "123", HolderKind = "robot",
            Schema = [new SchemaField("Bad Name", "", true, 0, "(["), new SchemaField("x", "甲", false, 10, null), new SchemaField("x", "乙", false, 10, null)],
        });
        bad.Errors.Select(e => e.Field).ShouldBe(["code", "holderKind", "schema[0].name", "schema[0].label", "schema[0].maxLength", "schema[0].pattern", "schema[2].name"],
            ignoreOrder: true);
        (await Create(good, admin with { Permissions = new HashSet<string>() })).Kind.ShouldBe(ErrorKind.Forbidden);

        var issuer = await CertificateFlows.MarketIssuerAsync(host, "370117");
        var issued = await CertificateFlows.IssueAsync(host, issuer, new IssueCertificate.Request(code, "测试企业", CertificateFlows.NewCreditCode(), null,
            new() { ["permitScope"] = "食品生产", ["plantCode"] = "A1" }));
        issued.Errors.ShouldHaveSingleItem().Field.ShouldBe("fields.plantCode");
    }
}
