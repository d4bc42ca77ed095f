using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Qilu.Platform.Cryptography;
using Qilu.Platform.Cryptography.Keys;
using Qilu.SharedKernel.Actors;
using Qilu.SharedKernel.Results;
using Qilu.Trust.Auditing;
using Qilu.Trust.Authority;
using Qilu.Trust.Data;
using Qilu.Trust.Signing;
using Qilu.Trust.Tests.Seals;
using Shouldly;

namespace Qilu.Trust.Tests.Signing;

[Collection(TrustHostGroup.Name)]
public sealed class SigningTests(TrustHost host)
{
    private static readonly byte[] Document = Encoding.UTF8.GetBytes("关于同意设立济南市政务服务中心分中心的批复（测试文件）");

    private Task<Result<SignDocument.Response>> SignAsync(Actor actor, Guid sealId, byte[] document) => host.RunAsync(sp =>
        SignDocument.HandleAsync(actor, sealId, "批复.txt", document, sp.GetRequiredService<TrustDbContext>(),
            sp.GetRequiredService<IKeyStore>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<TrustAudit>(),
            TestContext.Current.CancellationToken));

    private Task<Result<VerifyDocument.Report>> VerifyAsync(byte[] document, string signature, TimeProvider? clock = null) => host.RunAsync(sp =>
        VerifyDocument.HandleAsync(document, signature, sp.GetRequiredService<TrustDbContext>(), sp.GetRequiredService<CertificateAuthority>(),
            clock ?? sp.GetRequiredService<TimeProvider>(), TestContext.Current.CancellationToken));

    [Fact]
    public async Task Verify_WhenDocumentAndSignatureUnchanged_IsValid()
    {
        var (official, seal) = await SealFlows.InUseAsync(host, "market", "370200");
        var signed = (await SignAsync(official, seal.Id, Document)).Value;

        var report = (await VerifyAsync(Document, signed.Signature)).Value;

        report.Outcome.ShouldBe("valid", report.ReasonEn);
        report.DocumentSm3.ShouldBe(Sm3.HashHex(Document));
        report.Seal!.Name.ShouldBe(seal.Name);
    }

    [Fact]
    public async Task Verify_WhenOneByteOfTheDocumentChanges_IsTampered()
    {
        var (official, seal) = await SealFlows.InUseAsync(host, "market", "370202");
        var signed = (await SignAsync(official, seal.Id, Document)).Value;
        var changed = (byte[])Document.Clone();
        changed[^1] ^= 0x01;

        (await VerifyAsync(changed, signed.Signature)).Value.Outcome.ShouldBe("tampered");
    }

    [Fact]
    public async Task Verify_WhenTheSigningTimeInsideTheRecordIsAltered_IsForged()
    {
        var (official, seal) = await SealFlows.InUseAsync(host, "health", "370200");
        var der = Convert.FromBase64String((await SignAsync(official, seal.Id, Document)).Value.Signature);
        var view = Ses.ReadSignature(der);
        // Re-encode the record with a different time but the original signature value: a classic back-dating forgery.
        var tbs = Ses.TbsSign(Org.BouncyCastle.Asn1.Asn1Sequence.GetInstance(Org.BouncyCastle.Asn1.Asn1Object.FromByteArray(view.TbsDer))[1].GetDerEncoded(),
            view.Time.AddDays(-30), view.DataHash, view.PropertyInfo);
        var forged = Ses.Signature(tbs, view.SignerCertificate, view.SignatureValue);

        var report = (await VerifyAsync(Document, Convert.ToBase64String(forged))).Value;

        report.Outcome.ShouldBe("forged");
    }

    [Fact]
    public async Task Sign_WhenSealSuspended_IsRefusedAndAfterRevocationVerificationSaysRevoked()
    {
        var (official, seal) = await SealFlows.InUseAsync(host, "hrss", "370200");
        var signed = (await SignAsync(official, seal.Id, Document)).Value;
        var admin = TrustHost.Administrator(await host.UnitAsync("hrss", "370200"));
        (await SealFlows.ActAsync(host, admin, seal.Id, "suspend", "经办人离职，暂停使用")).IsSuccess.ShouldBeTrue();

        var refused = await SignAsync(official, seal.Id, Document);
        refused.Kind.ShouldBe(ErrorKind.Conflict);
        refused.Errors[0].Code.ShouldBe("seal.not_in_use");
        (await VerifyAsync(Document, signed.Signature)).Value.Outcome.ShouldBe("seal_suspended");

        (await SealFlows.ActAsync(host, admin, seal.Id, "revoke", "印章注销")).IsSuccess.ShouldBeTrue();
        var report = (await VerifyAsync(Document, signed.Signature)).Value;
        report.Outcome.ShouldBe("seal_revoked");
        report.Reason.ShouldContain("印章注销");
    }

    [Fact]
    public async Task Verify_WhenTheSealCertificateHasSinceExpired_SaysCertificateExpired()
    {
        var (official, seal) = await SealFlows.InUseAsync(host, "tax", "370200");
        var signed = (await SignAsync(official, seal.Id, Document)).Value;
        var later = new FakeTimeProvider(seal.ValidUntil!.Value.AddDays(1));

        var report = (await VerifyAsync(Document, signed.Signature, later)).Value;

        report.Outcome.ShouldBe("certificate_expired");
    }

    [Fact]
    public async Task Sign_WhenSealBelongsToAnotherUnit_IsForbidden()
    {
        var (_, seal) = await SealFlows.InUseAsync(host, "ecology", "370200");
        var other = TrustHost.Official(await host.UnitAsync("housing", "370200"), SealFlows.UnitPermissions);
        (await SignAsync(other, seal.Id, Document)).IsSuccess.ShouldBeFalse();
    }

    [Theory]
    [InlineData("not base64 !!")]
    [InlineData("MAA=")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task VerifyEndpoint_WhenSignatureMalformed_AnswersProblemDetailsNot500(string signature)
    {
        using var form = new MultipartFormDataContent
        {
            { new ByteArrayContent(Document), "file", "a.txt" },
            { new StringContent(signature), "signature" },
        };
        var response = await host.Client.PostAsync("/api/trust/signatures/verify", form, TestContext.Current.CancellationToken);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldContain("signature");
    }

    [Fact]
    public async Task SignatureValue_WhenCheckedIndependently_IsSm2OverTheDerOfTbsSignWithTheDefaultId()
    {
        var (official, seal) = await SealFlows.InUseAsync(host, "medical_insurance", "370200");
        var der = Convert.FromBase64String((await SignAsync(official, seal.Id, Document)).Value.Signature);
        var view = Ses.ReadSignature(der);
        var cert = new Org.BouncyCastle.X509.X509Certificate(view.SignerCertificate);

        // Plain BouncyCastle, as an outside verifier would do it: SM3withSM2, default ID, DER signature.
        var verifier = Org.BouncyCastle.Security.SignerUtilities.GetSigner("SM3withSM2");
        verifier.Init(false, cert.GetPublicKey());
        verifier.BlockUpdate(view.TbsDer, 0, view.TbsDer.Length);
        verifier.VerifySignature(view.SignatureValue).ShouldBeTrue();
        view.DataHash.ShouldBe(Sm3.Hash(Document));
    }
}
