using Org.BouncyCastle.X509;
using Qilu.SharedKernel.Results;
using Qilu.Trust.Tests.Authority;
using Shouldly;

namespace Qilu.Trust.Tests.Seals;

[Collection(TrustHostGroup.Name)]
public sealed class SealLifecycleTests(TrustHost host)
{
    [Fact]
    public async Task Lifecycle_WhenDrivenThroughEveryState_EndsRevokedWithCertificateFromTheIntermediate()
    {
        var unit = await host.UnitAsync("market", "370100");
        var official = TrustHost.Official(unit, SealFlows.UnitPermissions);
        var admin = TrustHost.Administrator(unit);
        var applied = (await SealFlows.ApplyAsync(host, official, "合同专用章")).Value;
        applied.Status.ShouldBe("applied");
        applied.Name.ShouldBe(unit.Name + "合同专用章");
        applied.AllowedActions.ShouldBe(["approve", "reject"]);

        (await SealFlows.ActAsync(host, admin, applied.Id, "approve")).Value.Status.ShouldBe("approved");
        var made = (await SealFlows.ActAsync(host, admin, applied.Id, "make")).Value;
        made.Status.ShouldBe("made");
        made.CertificateSerial.ShouldNotBeNull();
        (await SealFlows.ActAsync(host, admin, applied.Id, "use")).Value.Status.ShouldBe("in_use");
        (await SealFlows.ActAsync(host, admin, applied.Id, "suspend", "印章载体遗失")).Value.Status.ShouldBe("suspended");
        (await SealFlows.ActAsync(host, admin, applied.Id, "resume")).Value.Status.ShouldBe("in_use");
        var revoked = (await SealFlows.ActAsync(host, admin, applied.Id, "revoke", "单位撤销")).Value;
        revoked.Status.ShouldBe("revoked");
        revoked.AllowedActions.ShouldBeEmpty();

        var der = await host.Client.GetByteArrayAsync($"/api/trust/seals/certificates/{made.CertificateSerial}.cer", TestContext.Current.CancellationToken);
        var cert = new X509CertificateParser().ReadCertificate(der);
        var inter = new X509CertificateParser().ReadCertificate(
            await host.Client.GetByteArrayAsync("/api/trust/ca/intermediate.cer", TestContext.Current.CancellationToken));
        cert.Verify(inter.GetPublicKey());
        cert.SubjectDN.ToString().ShouldContain(unit.CreditCode);
        cert.GetKeyUsage()[1].ShouldBeTrue(); // nonRepudiation
    }

    [Fact]
    public async Task Transition_WhenStateDoesNotAllowIt_ConflictListsAllowedActions()
    {
        var unit = await host.UnitAsync("health", "370100");
        var seal = (await SealFlows.ApplyAsync(host, TrustHost.Official(unit, SealFlows.UnitPermissions), "Business")).Value;

        var result = await SealFlows.ActAsync(host, TrustHost.Administrator(unit), seal.Id, "use");

        result.Kind.ShouldBe(ErrorKind.Conflict);
        result.Errors[0].Code.ShouldBe("transition.invalid");
        result.Errors[0].MessageEn.ShouldContain("allowed: approve, reject");
    }

    [Fact]
    public async Task Approve_WhenApplicantApprovesOwnApplication_IsForbidden()
    {
        var unit = await host.UnitAsync("tax", "370100");
        var both = TrustHost.Official(unit, [.. SealFlows.UnitPermissions, Contracts.TrustPermissions.SealsApprove]);
        var seal = (await SealFlows.ApplyAsync(host, both, "Official")).Value;

        var result = await SealFlows.ActAsync(host, both, seal.Id, "approve");

        result.Kind.ShouldBe(ErrorKind.Forbidden);
        result.Errors[0].Code.ShouldBe("seal.self_approval");
    }

    [Fact]
    public async Task Apply_WhenTypeUnknown_NamesTheField()
    {
        var unit = await host.UnitAsync("tax", "370100");
        var result = await SealFlows.ApplyAsync(host, TrustHost.Official(unit, SealFlows.UnitPermissions), "萝卜章");
        result.Kind.ShouldBe(ErrorKind.Validation);
        result.Errors[0].Field.ShouldBe("type");
    }

    [Fact]
    public async Task Transition_WhenOutsideTheActorsDivision_IsNotFound()
    {
        var jinan = await host.UnitAsync("market", "370102");
        var qingdao = await host.UnitAsync("market", "370202");
        var seal = (await SealFlows.ApplyAsync(host, TrustHost.Official(jinan, SealFlows.UnitPermissions), "Official")).Value;
        var qingdaoApprover = TrustHost.Official(qingdao, Contracts.TrustPermissions.SealsApprove);

        (await SealFlows.ActAsync(host, qingdaoApprover, seal.Id, "approve")).Kind.ShouldBe(ErrorKind.NotFound);
    }

    [Fact]
    public async Task SealCertificate_WhenReadByOpenSsl_ChainsToTheRootWithTheDefaultId()
    {
        Assert.SkipUnless(File.Exists("/usr/bin/openssl"), "openssl is not installed: the standard-tool check is skipped");
        var (_, seal) = await SealFlows.InUseAsync(host, "civil_affairs", "370100");
        var ct = TestContext.Current.CancellationToken;
        var dir = Directory.CreateTempSubdirectory("qilu-seal-").FullName;
        await File.WriteAllBytesAsync(Path.Combine(dir, "seal.cer"), await host.Client.GetByteArrayAsync($"/api/trust/seals/certificates/{seal.CertificateSerial}.cer", ct), ct);
        await File.WriteAllBytesAsync(Path.Combine(dir, "inter.cer"), await host.Client.GetByteArrayAsync("/api/trust/ca/intermediate.cer", ct), ct);
        CertificateAuthorityTests.Run(dir, "x509 -inform DER -in seal.cer -out seal.pem");
        CertificateAuthorityTests.Run(dir, "x509 -inform DER -in inter.cer -out inter.pem");
        CertificateAuthorityTests.Run(dir, "x509 -in seal.pem -noout -text").ShouldContain("Non Repudiation");
        // OpenSSL 3.0 applies -vfyopt distid only to the leaf; the upper link (intermediate ← root) is checked in
        // CertificateAuthorityTests, this one checks seal ← intermediate with the intermediate as a partial-chain anchor.
        CertificateAuthorityTests.Run(dir, "verify -vfyopt distid:1234567812345678 -partial_chain -CAfile inter.pem seal.pem").ShouldContain("seal.pem: OK");
        Directory.Delete(dir, true);
    }
}
