using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Qilu.Platform.Events;
using Qilu.Identity.Contracts;
using Qilu.Platform.Cryptography.Fields;
using Qilu.SharedKernel.Actors;
using Qilu.SharedKernel.Identifiers;
using Qilu.SharedKernel.Results;
using Qilu.Trust.Auditing;
using Qilu.Trust.Certificates;
using Qilu.Trust.Contracts;
using Qilu.Trust.Data;
using Shouldly;

namespace Qilu.Trust.Tests.Certificates;

[Collection(TrustHostGroup.Name)]
public sealed class ReissueTests(TrustHost host)
{
    private Task<Result<CertificateView>> ReissueAsync(Actor actor, Guid id, ReissueCertificate.Request request) => host.RunAsync(sp =>
        ReissueCertificate.HandleAsync(actor, id, request, sp.GetRequiredService<TrustDbContext>(), sp.GetRequiredService<CertificateIssuer>(),
            sp.GetRequiredService<IOrganisationDirectory>(), sp.GetRequiredService<IFieldProtector>(), sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<TrustAudit>(), TestContext.Current.CancellationToken));

    private Task<Result<IReadOnlyList<ListCertificateVersions.Entry>>> VersionsAsync(Actor actor, Guid id) => host.RunAsync(sp =>
        ListCertificateVersions.HandleAsync(actor, id, sp.GetRequiredService<TrustDbContext>(), sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<TrustAudit>(), TestContext.Current.CancellationToken));

    private static ReissueCertificate.Request Move(string address = "山东省济南市历下区经十路100号") =>
        new(new Dictionary<string, string> { ["address"] = address }, null, null, "住所变更", null);

    [Fact]
    public async Task Reissue_WhenTheAddressChanges_IssuesVersion2WithANewCheckCharacterAndSupersedesVersion1()
    {
        var official = await CertificateFlows.MarketIssuerAsync(host, "370700");
        var code = CertificateFlows.NewCreditCode();
        var v1 = (await CertificateFlows.IssueAsync(host, official, CertificateFlows.Licence(code))).Value;

        var v2 = (await ReissueAsync(official, v1.Id, Move())).Value;

        v2.VersionNumber.ShouldBe(2);
        var id1 = LicenceIdentifier.Parse(v1.LicenceId).Value;
        var id2 = LicenceIdentifier.Parse(v2.LicenceId).Value;
        id2.CheckMatches.ShouldBeTrue();
        (id2.TypeCode, id2.IssuerCode, id2.Serial).ShouldBe((id1.TypeCode, id1.IssuerCode, id1.Serial));
        id1.Version.ShouldBe("001");
        id2.Version.ShouldBe("002");
        v2.LicenceId[..^6].ShouldBe(v1.LicenceId[..^6]);
        v2.Fields["address"].ShouldBe("山东省济南市历下区经十路100号");
        v2.Fields["legalRepresentative"].ShouldBe("李四", "fields not given are kept");
        v2.HolderIdMasked.ShouldBe(v1.HolderIdMasked);
        v2.StatusIndex.ShouldNotBe(v1.StatusIndex);
        v2.CanonicalJson.ShouldContain("\"version\":2");

        var old = (await CertificateFlows.GetAsync(host, official, v1.Id)).Value.Certificate;
        old.Status.ShouldBe("superseded");
        old.StatusReason.ShouldBe("住所变更");
        var bits = await host.RunAsync(sp => GetStatusList.BitsAsync(sp.GetRequiredService<TrustDbContext>(), v1.StatusListId, "revocation",
            TestContext.Current.CancellationToken));
        StatusList.Get(bits, v1.StatusIndex).ShouldBeTrue("a superseded version reads as revoked in the status list");
        var held = await host.RunAsync(sp => sp.GetRequiredService<ICertificateWallet>().ListHeldAsync(code, null, TestContext.Current.CancellationToken));
        held.Select(h => h.LicenceId).ShouldBe([v2.LicenceId], "the wallet shows only the current version");
    }

    [Fact]
    public async Task Reissue_WhenSaved_PublishesCertificateReissuedNamingBothVersionsAndNoSecondCertificateIssued()
    {
        var official = await CertificateFlows.MarketIssuerAsync(host, "370700");
        var v1 = (await CertificateFlows.IssueAsync(host, official, CertificateFlows.Licence(CertificateFlows.NewCreditCode()))).Value;

        var v2 = (await ReissueAsync(official, v1.Id, Move("山东省烟台市芝罘区南大街9号"))).Value;

        var (reissued, issued) = await host.RunAsync(async sp =>
        {
            var db = sp.GetRequiredService<TrustDbContext>();
            return (await db.ReadOutboxAsync(typeof(CertificateReissued), TestContext.Current.CancellationToken),
                await db.ReadOutboxAsync(typeof(CertificateIssued), TestContext.Current.CancellationToken));
        });
        var json = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        var e = reissued.Select(m => JsonSerializer.Deserialize<CertificateReissued>(m.Payload, json)!).Single(x => x.LicenceId == v2.LicenceId);
        e.CertificateId.ShouldBe(v2.Id);
        e.VersionNumber.ShouldBe(2);
        (e.PreviousCertificateId, e.PreviousLicenceId).ShouldBe((v1.Id, v1.LicenceId));
        e.Reason.ShouldBe("住所变更");
        e.Fields["address"].ShouldBe("山东省烟台市芝罘区南大街9号");
        e.HolderIdMasked.ShouldBe(v1.HolderIdMasked);
        var issuedLicences = issued.Select(m => JsonSerializer.Deserialize<CertificateIssued>(m.Payload, json)!.LicenceId).ToList();
        issuedLicences.ShouldContain(v1.LicenceId);
        issuedLicences.ShouldNotContain(v2.LicenceId, "a new version is not a new certificate: issuance reactions (offers) must not fire again");
    }

    [Fact]
    public async Task Versions_WhenReissuedTwice_ListsThreeVersionsOldestFirst()
    {
        var official = await CertificateFlows.MarketIssuerAsync(host, "370800");
        var v1 = (await CertificateFlows.IssueAsync(host, official, CertificateFlows.Licence(CertificateFlows.NewCreditCode()))).Value;
        var v2 = (await ReissueAsync(official, v1.Id, Move())).Value;
        var v3 = (await ReissueAsync(official, v2.Id, Move("山东省济南市历下区经十路200号"))).Value;

        var history = (await VersionsAsync(official, v1.Id)).Value;

        history.Select(h => h.VersionNumber).ShouldBe([1, 2, 3]);
        history.Select(h => h.Status).ShouldBe(["superseded", "superseded", "valid"]);
        history[2].LicenceId.ShouldBe(v3.LicenceId);
        (await VersionsAsync(official, v3.Id)).Value.Count.ShouldBe(3);
    }

    [Fact]
    public async Task Reissue_WhenTheVersionIsNotCurrentOrRevokedOrTheFieldInvalid_IsRefusedAndChangesNothing()
    {
        var official = await CertificateFlows.MarketIssuerAsync(host, "370900");
        var v1 = (await CertificateFlows.IssueAsync(host, official, CertificateFlows.Licence(CertificateFlows.NewCreditCode()))).Value;
        (await ReissueAsync(official, v1.Id, Move())).IsSuccess.ShouldBeTrue();

        (await ReissueAsync(official, v1.Id, Move())).Kind.ShouldBe(ErrorKind.Conflict, "only the current version is re-issued");

        var other = (await CertificateFlows.IssueAsync(host, official, CertificateFlows.Licence(CertificateFlows.NewCreditCode()))).Value;
        (await ReissueAsync(official, other.Id, Move() with { Reason = " " })).Errors[0].Code.ShouldBe("certificate.reason");
        (await ReissueAsync(official, other.Id, new(new() { ["nonsense"] = "x" }, null, null, "变更", null))).Errors[0].Code.ShouldBe("certificate.field_unknown");
        (await ReissueAsync(official, other.Id, Move() with { Version = other.Version + 5 })).Kind.ShouldBe(ErrorKind.Conflict);
        var stranger = TrustHost.Official(await host.UnitAsync("market", "371000"), TrustPermissions.CertificatesIssue, TrustPermissions.CertificatesRead);
        (await ReissueAsync(stranger, other.Id, Move())).Kind.ShouldBe(ErrorKind.NotFound);
        (await VersionsAsync(official, other.Id)).Value.Count.ShouldBe(1);

        (await CertificateFlows.ChangeAsync(host, official, other.Id, "revoke")).IsSuccess.ShouldBeTrue();
        (await ReissueAsync(official, other.Id, Move())).Kind.ShouldBe(ErrorKind.Conflict);
    }
}
