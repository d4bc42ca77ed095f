using Microsoft.Extensions.DependencyInjection;
using Org.BouncyCastle.X509;
using Qilu.Platform.Cryptography;
using Qilu.Platform.Cryptography.Fields;
using Qilu.SharedKernel.Identifiers;
using Qilu.SharedKernel.Results;
using Qilu.Trust.Certificates;
using Qilu.Trust.Contracts;
using Qilu.Trust.Data;
using Qilu.Trust.Tests.Seals;
using Shouldly;

namespace Qilu.Trust.Tests.Certificates;

[Collection(TrustHostGroup.Name)]
public sealed class IssuanceTests(TrustHost host)
{
    [Fact]
    public async Task Issue_WhenValid_SignsTheCanonicalFormWithTheUnitSealAndHidesTheHolderIdentifier()
    {
        var official = await CertificateFlows.MarketIssuerAsync(host, "370103");
        var c = (await CertificateFlows.IssueAsync(host, official, CertificateFlows.Licence())).Value;

        LicenceIdentifier.Parse(c.LicenceId).IsSuccess.ShouldBeTrue();
        c.LicenceId.ShouldStartWith($"1.2.156.3005.2.{CertificateFlows.BusinessLicence}.{c.IssuerCode}.");
        c.Status.ShouldBe("valid");
        c.CanonicalJson.ShouldNotContain("91110108MA0000015T");
        c.HolderIdMasked.ShouldNotBe("91110108MA0000015T");
        var certDer = await host.Client.GetByteArrayAsync($"/api/trust/seals/certificates/{c.SealCertificateSerial}.cer", TestContext.Current.CancellationToken);
        var key = Sm2PublicKey.ImportSubjectPublicKeyInfo(new X509CertificateParser().ReadCertificate(certDer).CertificateStructure.SubjectPublicKeyInfo.GetDerEncoded());
        Sm2.Verify(key, c.CanonicalJson, Convert.FromBase64String(c.Signature)).ShouldBeTrue();
        Sm2.Verify(key, c.CanonicalJson.Replace("济南泉城", "济南泉域", StringComparison.Ordinal), Convert.FromBase64String(c.Signature)).ShouldBeFalse();

        var stored = await host.RunAsync(async sp =>
        {
            var db = sp.GetRequiredService<TrustDbContext>();
            var row = await db.Certificates.FindAsync([c.Id], TestContext.Current.CancellationToken);
            return sp.GetRequiredService<IFieldProtector>().Unprotect(row!.HolderIdProtected);
        });
        stored.ShouldBe("91110108MA0000015T");
    }

    [Fact]
    public async Task Issue_WhenHolderIdentifierHasABadCheckCharacter_NamesTheFieldAndIssuesNothing()
    {
        var official = await CertificateFlows.MarketIssuerAsync(host, "370104");
        var result = await CertificateFlows.IssueAsync(host, official, CertificateFlows.Licence("91110108AM0000015T"));
        result.Kind.ShouldBe(ErrorKind.Validation);
        result.Errors.ShouldContain(e => e.Field == "holderIdentifier" && e.Code.StartsWith("credit_code", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Issue_WhenPersonIdentifierInvalid_UsesTheIdNumberRules()
    {
        var (official, _) = await SealFlows.InUseAsync(host, "health", "370104", "Business");
        var result = await CertificateFlows.IssueAsync(host, official, new IssueCertificate.Request(CertificateFlows.BirthCertificate, "王小明",
            "110101190001010007", null, new() { ["gender"] = "男", ["bornAt"] = "2026-11-01 08:30", ["birthPlace"] = "济南市", ["motherName"] = "王丽", ["certificateNumber"] = "Q370100001" }));
        result.Errors.ShouldContain(e => e.Field == "holderIdentifier" && e.Code == "id_number.check_digit");
    }

    [Fact]
    public async Task Issue_WhenSchemaViolated_ReportsEachField()
    {
        var official = await CertificateFlows.MarketIssuerAsync(host, "370105");
        var fields = CertificateFlows.LicenceFields();
        fields.Remove("legalRepresentative");
        fields["establishedOn"] = "2020年5月20日";
        fields["colour"] = "红";
        var result = await CertificateFlows.IssueAsync(host, official, CertificateFlows.Licence() with { Fields = fields });
        result.Errors.Select(e => e.Field).ShouldBe(["fields.colour", "fields.legalRepresentative", "fields.establishedOn"], ignoreOrder: true);
    }

    [Fact]
    public async Task Issue_WhenTypeUnknownOrOutsideRemit_IsRefused()
    {
        var official = await CertificateFlows.MarketIssuerAsync(host, "370112");
        (await CertificateFlows.IssueAsync(host, official, CertificateFlows.Licence() with { TypeCode = "11100000000013338W999" }))
            .Errors[0].Field.ShouldBe("typeCode");
        var (health, _) = await SealFlows.InUseAsync(host, "health", "370112", "Business");
        (await CertificateFlows.IssueAsync(host, health, CertificateFlows.Licence())).Kind.ShouldBe(ErrorKind.Forbidden);
    }

    [Fact]
    public async Task Issue_WhenTheUnitsOnlySealIsSuspended_IsRefusedWithConflict()
    {
        var (official, seal) = await SealFlows.InUseAsync(host, "market", "370113", "Business");
        var admin = TrustHost.Administrator(await host.UnitAsync("market", "370113"));
        (await SealFlows.ActAsync(host, admin, seal.Id, "suspend", "遗失")).IsSuccess.ShouldBeTrue();

        var result = await CertificateFlows.IssueAsync(host, official, CertificateFlows.Licence());

        result.Kind.ShouldBe(ErrorKind.Conflict);
        result.Errors[0].Code.ShouldBe("certificate.no_seal");
    }

    [Fact]
    public async Task Read_WhenOfficialOfAnotherUnitOutsideTheDivision_IsNotFound()
    {
        var official = await CertificateFlows.MarketIssuerAsync(host, "370114");
        var c = (await CertificateFlows.IssueAsync(host, official, CertificateFlows.Licence())).Value;
        var outsider = TrustHost.Official(await host.UnitAsync("market", "370211"), TrustPermissions.CertificatesRead, TrustPermissions.CertificatesManage);

        (await CertificateFlows.GetAsync(host, outsider, c.Id)).Kind.ShouldBe(ErrorKind.NotFound);
        (await CertificateFlows.ChangeAsync(host, outsider, c.Id, "revoke")).Kind.ShouldBe(ErrorKind.NotFound);
        (await CertificateFlows.GetAsync(host, official, c.Id)).IsSuccess.ShouldBeTrue();
    }

    [Fact]
    public async Task Wallet_WhenAskedByHolderIdentifier_ListsTheirCertificatesOnly()
    {
        var official = await CertificateFlows.MarketIssuerAsync(host, "370115");
        var holder = CertificateFlows.NewCreditCode();
        var c = (await CertificateFlows.IssueAsync(host, official, CertificateFlows.Licence(holder))).Value;

        var held = await host.RunAsync(sp => sp.GetRequiredService<ICertificateWallet>().ListHeldAsync(holder, null, TestContext.Current.CancellationToken));
        held.ShouldHaveSingleItem().LicenceId.ShouldBe(c.LicenceId);
        (await host.RunAsync(sp => sp.GetRequiredService<ICertificateWallet>().HoldsValidAsync(holder, CertificateFlows.BusinessLicence, TestContext.Current.CancellationToken))).ShouldBeTrue();
        (await host.RunAsync(sp => sp.GetRequiredService<ICertificateWallet>().ListHeldAsync(CertificateFlows.NewCreditCode(), null, TestContext.Current.CancellationToken))).ShouldBeEmpty();
    }

    [Fact]
    public async Task IssueRequested_WhenDeliveredTwice_IssuesOnce()
    {
        await CertificateFlows.MarketIssuerAsync(host, "370116");
        var unit = await host.UnitAsync("market", "370116");
        var holder = CertificateFlows.NewCreditCode();
        var request = new CertificateIssueRequested(Guid.NewGuid(), unit.Id, CertificateFlows.BusinessLicence, "历城测试公司",
            holder, null, CertificateFlows.LicenceFields()) { OccurredAt = DateTimeOffset.UnixEpoch };

        var first = await host.RunAsync(sp => sp.GetRequiredService<WhenCertificateIssueRequested>().IssueAsync(request, TestContext.Current.CancellationToken));
        var second = await host.RunAsync(sp => sp.GetRequiredService<WhenCertificateIssueRequested>().IssueAsync(request, TestContext.Current.CancellationToken));
        // The outbox delivers through the registered handler interface: a third delivery changes nothing either.
        await host.RunAsync(async sp =>
        {
            await sp.GetRequiredService<Qilu.Platform.Events.IIntegrationEventHandler<CertificateIssueRequested>>().HandleAsync(request, TestContext.Current.CancellationToken);
            return 0;
        });

        first.IsSuccess.ShouldBeTrue(first.ToString());
        second.Value.ShouldBe(first.Value);
        (await host.RunAsync(sp => sp.GetRequiredService<ICertificateWallet>().ListHeldAsync(holder, null, TestContext.Current.CancellationToken))).Count.ShouldBe(1);
    }
}
