using System.Text;
using Microsoft.Extensions.Time.Testing;
using Qilu.SharedKernel.Results;
using Qilu.Trust.Certificates;
using Qilu.Trust.Codes;
using Qilu.Trust.Contracts;
using Qilu.Trust.Tests.Certificates;
using Qilu.Trust.Wallet;
using Shouldly;

namespace Qilu.Trust.Tests.Codes;

[Collection(TrustHostGroup.Name)]
public sealed class PersonalCodeTests(TrustHost host)
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    private async Task<(Qilu.SharedKernel.Actors.Actor Citizen, Qilu.SharedKernel.Actors.Actor Official, CertificateView Licence)> SetUpAsync(
        string division, int citizenIndex)
    {
        var all = CodeFlows.Citizens(host, 3);
        var (subject, idNumber) = all[citizenIndex % all.Length];
        var (police, licence) = await CodeFlows.DrivingLicenceAsync(host, division, idNumber);
        var official = police with { Permissions = new HashSet<string>(police.Permissions) { TrustPermissions.CodesScan } };
        return (TrustHost.Citizen(subject), official, licence);
    }

    [Fact]
    public async Task PersonalCode_WhenOfficialScansAndHolderConsents_ReleasesTheRequestedCertificateAndRecordsTheUse()
    {
        var (citizen, official, licence) = await SetUpAsync("370103", 2);
        var code = (await CodeFlows.Run(host, s => IssuePersonalCode.HandleAsync(citizen, s, Ct))).Value;
        code.Code.ShouldStartWith("QLP1.");
        code.QrPngBase64.ShouldNotBeNullOrEmpty();

        var scanned = await CodeFlows.Run(host, s => ScanPersonalCode.HandleAsync(official, CodeFlows.Scan(code.Code), s, Ct));
        scanned.IsSuccess.ShouldBeTrue(string.Join("; ", scanned.Errors.Select(e => e.MessageEn)));
        scanned.Value.Status.ShouldBe("pending");

        var pending = (await CodeFlows.Run(host, s => ListMyCodeRequests.HandleAsync(citizen, s, Ct))).Value;
        var shown = pending.First(r => r.Id == scanned.Value.RequestId);
        shown.Status.ShouldBe("pending");
        shown.Purpose.ShouldBe("核验驾驶证");
        shown.Types.ShouldHaveSingleItem().Code.ShouldBe(CertificateFlows.DrivingLicence);
        (await CodeFlows.Run(host, s => GetCodeRequest.HandleAsync(official, scanned.Value.RequestId, s, Ct))).Value.Certificates.ShouldBeEmpty();

        var decided = await CodeFlows.Run(host, s => DecideCodeRequest.HandleAsync(citizen, scanned.Value.RequestId, new DecideCodeRequest.Request(true), s, Ct));
        // The holder may hold other driving licences from earlier tests on this shared host: all valid ones of the type are released.
        decided.Value.Released.ShouldBeGreaterThanOrEqualTo(1);
        var result = (await CodeFlows.Run(host, s => GetCodeRequest.HandleAsync(official, scanned.Value.RequestId, s, Ct))).Value;
        result.Status.ShouldBe("consented");
        result.Certificates.Count.ShouldBe(decided.Value.Released);
        result.Certificates.ShouldAllBe(c => c.TypeCode == CertificateFlows.DrivingLicence);
        result.Certificates.Single(c => c.LicenceId == licence.LicenceId).CanonicalJson.ShouldBe(licence.CanonicalJson);

        var uses = (await CodeFlows.Run(host, s => ListCertificateUses.HandleAsync(citizen, s, Ct))).Value;
        uses.ShouldContain(u => u.LicenceId == licence.LicenceId && u.Channel == "personal_code" && u.Outcome == "released");
        (await CodeFlows.AuditAsync(host, citizen.SubjectId, "trust.codes.consented")).ShouldNotBeEmpty();
        (await CodeFlows.AuditAsync(host, official.SubjectId, "trust.codes.certificates_received")).ShouldNotBeEmpty();
        (await CodeFlows.Run(host, s => DecideCodeRequest.HandleAsync(citizen, scanned.Value.RequestId, new DecideCodeRequest.Request(false), s, Ct)))
            .Kind.ShouldBe(ErrorKind.Conflict);
    }

    [Fact]
    public async Task PersonalCode_WhenScannedAfterSixtySeconds_IsRefusedAsExpired()
    {
        var (citizen, official, _) = await SetUpAsync("370104", 3);
        var code = (await CodeFlows.Run(host, s => IssuePersonalCode.HandleAsync(citizen, s, Ct))).Value;
        var later = new FakeTimeProvider(code.ExpiresAt.AddSeconds(1));

        var scanned = await CodeFlows.Run(host, s => ScanPersonalCode.HandleAsync(official, CodeFlows.Scan(code.Code), s with { Clock = later }, Ct));

        scanned.Kind.ShouldBe(ErrorKind.Conflict);
        scanned.Errors[0].Code.ShouldBe("code.expired");
    }

    [Fact]
    public async Task PersonalCode_WhenScannedTwice_SecondScanIsRefusedAndAuditedAsReplay()
    {
        var (citizen, official, _) = await SetUpAsync("370105", 4);
        var code = (await CodeFlows.Run(host, s => IssuePersonalCode.HandleAsync(citizen, s, Ct))).Value;
        (await CodeFlows.Run(host, s => ScanPersonalCode.HandleAsync(official, CodeFlows.Scan(code.Code), s, Ct))).IsSuccess.ShouldBeTrue();

        var again = await CodeFlows.Run(host, s => ScanPersonalCode.HandleAsync(official, CodeFlows.Scan(code.Code), s, Ct));

        again.Kind.ShouldBe(ErrorKind.Conflict);
        again.Errors[0].Code.ShouldBe("code.replayed");
        (await CodeFlows.AuditAsync(host, official.SubjectId, "trust.codes.replay_refused")).ShouldNotBeEmpty();
    }

    [Fact]
    public async Task PersonalCode_WhenConcurrentScansRace_ExactlyOneWins()
    {
        var (citizen, official, _) = await SetUpAsync("370112", 5);
        var code = (await CodeFlows.Run(host, s => IssuePersonalCode.HandleAsync(citizen, s, Ct))).Value;

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ =>
            CodeFlows.Run(host, s => ScanPersonalCode.HandleAsync(official, CodeFlows.Scan(code.Code), s, Ct))));

        results.Count(r => r.IsSuccess).ShouldBe(1);
        results.Where(r => !r.IsSuccess).ShouldAllBe(r => r.Errors[0].Code == "code.replayed");
    }

    [Theory]
    [InlineData("body")]
    [InlineData("signature")]
    [InlineData("garbage")]
    public async Task PersonalCode_WhenTampered_IsRefusedWithoutConsumingTheCode(string part)
    {
        var (citizen, official, _) = await SetUpAsync("370113", 6);
        var code = (await CodeFlows.Run(host, s => IssuePersonalCode.HandleAsync(citizen, s, Ct))).Value;
        var pieces = code.Code["QLP1.".Length..].Split('.');
        var body = Encoding.UTF8.GetString(CertificateDocument.FromBase64Url(pieces[0]));
        var forged = part switch
        {
            "body" => "QLP1." + CertificateDocument.Base64Url(Encoding.UTF8.GetBytes(body.Replace("\"exp\":", "\"exp\":9", StringComparison.Ordinal))) + "." + pieces[1],
            "signature" => "QLP1." + pieces[0] + "." + CertificateDocument.Base64Url(new byte[64]),
            _ => "QLP1.not-a-code",
        };

        var scanned = await CodeFlows.Run(host, s => ScanPersonalCode.HandleAsync(official, CodeFlows.Scan(forged), s, Ct));

        scanned.Kind.ShouldBe(ErrorKind.Validation);
        scanned.Errors[0].Code.ShouldBe(part == "garbage" ? "code.malformed" : "code.tampered");
        (await CodeFlows.Run(host, s => ScanPersonalCode.HandleAsync(official, CodeFlows.Scan(code.Code), s, Ct))).IsSuccess.ShouldBeTrue();
    }

    [Fact]
    public async Task PersonalCode_WhenHolderRefuses_OfficialGetsNothingAndTheRefusalIsRecorded()
    {
        var (citizen, official, _) = await SetUpAsync("370114", 7);
        var code = (await CodeFlows.Run(host, s => IssuePersonalCode.HandleAsync(citizen, s, Ct))).Value;
        var scanned = (await CodeFlows.Run(host, s => ScanPersonalCode.HandleAsync(official, CodeFlows.Scan(code.Code), s, Ct))).Value;

        var decided = (await CodeFlows.Run(host, s => DecideCodeRequest.HandleAsync(citizen, scanned.RequestId, new DecideCodeRequest.Request(false), s, Ct))).Value;

        decided.Status.ShouldBe("refused");
        var result = (await CodeFlows.Run(host, s => GetCodeRequest.HandleAsync(official, scanned.RequestId, s, Ct))).Value;
        result.Status.ShouldBe("refused");
        result.Certificates.ShouldBeEmpty();
        (await CodeFlows.Run(host, s => ListCertificateUses.HandleAsync(citizen, s, Ct))).Value
            .ShouldContain(u => u.Channel == "personal_code" && u.Outcome == "refused" && u.Purpose.Contains("核验驾驶证"));
        (await CodeFlows.AuditAsync(host, citizen.SubjectId, "trust.codes.refused")).ShouldNotBeEmpty();
    }

    [Fact]
    public async Task PersonalCode_WhenOfficialIsOutsideScope_IsRefusedOrSeesNothing()
    {
        var (citizen, official, _) = await SetUpAsync("370115", 8);
        var (_, otherOfficial, _) = await SetUpAsync("370116", 8);
        var code = (await CodeFlows.Run(host, s => IssuePersonalCode.HandleAsync(citizen, s, Ct))).Value;
        var withoutPermission = official with { Permissions = new HashSet<string> { TrustPermissions.CertificatesRead } };
        var withoutUnit = official with { DepartmentId = null };

        (await CodeFlows.Run(host, s => ScanPersonalCode.HandleAsync(withoutPermission, CodeFlows.Scan(code.Code), s, Ct))).Kind.ShouldBe(ErrorKind.Forbidden);
        (await CodeFlows.Run(host, s => ScanPersonalCode.HandleAsync(withoutUnit, CodeFlows.Scan(code.Code), s, Ct))).Kind.ShouldBe(ErrorKind.Forbidden);
        (await CodeFlows.Run(host, s => ScanPersonalCode.HandleAsync(official, CodeFlows.Scan(code.Code, CertificateFlows.BusinessLicence), s, Ct)))
            .Errors[0].Code.ShouldBe("code.type_not_personal");
        var scanned = (await CodeFlows.Run(host, s => ScanPersonalCode.HandleAsync(official, CodeFlows.Scan(code.Code), s, Ct))).Value;
        (await CodeFlows.Run(host, s => DecideCodeRequest.HandleAsync(citizen, scanned.RequestId, new DecideCodeRequest.Request(true), s, Ct))).IsSuccess.ShouldBeTrue();

        // Another unit's official, even knowing the request id, sees nothing; another citizen cannot decide it.
        (await CodeFlows.Run(host, s => GetCodeRequest.HandleAsync(otherOfficial, scanned.RequestId, s, Ct))).Kind.ShouldBe(ErrorKind.NotFound);
        var stranger = TrustHost.Citizen(CodeFlows.Citizens(host, 3).First(c => c.Subject != citizen.SubjectId).Subject);
        (await CodeFlows.Run(host, s => DecideCodeRequest.HandleAsync(stranger, scanned.RequestId, new DecideCodeRequest.Request(true), s, Ct))).Kind.ShouldBe(ErrorKind.NotFound);
        // The release window closes: after it the unit no longer receives the certificates.
        var later = new FakeTimeProvider(scanned.DecideBy.AddHours(1));
        var closed = (await CodeFlows.Run(host, s => GetCodeRequest.HandleAsync(official, scanned.RequestId, s with { Clock = later }, Ct))).Value;
        closed.ReleaseOpen.ShouldBeFalse();
        closed.Certificates.ShouldBeEmpty();
    }
}
