using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Qilu.Platform.Cryptography;
using Qilu.Trust.Certificates;
using Qilu.Trust.Tests.Certificates;
using Qilu.Trust.Verification;
using Shouldly;

namespace Qilu.Trust.Tests.Verification;

[Collection(TrustHostGroup.Name)]
public sealed class QrVerificationTests(TrustHost host)
{
    private async Task<VerifyQr.Report> VerifyAsync(string payload)
    {
        var response = await host.Client.PostAsJsonAsync("/api/trust/verify", new { payload }, TestContext.Current.CancellationToken);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        return (await response.Content.ReadFromJsonAsync<VerifyQr.Report>(TestContext.Current.CancellationToken))!;
    }

    private async Task<(Qilu.SharedKernel.Actors.Actor Official, CertificateView Certificate, string Payload)> IssueAsync(string division, string creditCode)
    {
        var official = await CertificateFlows.MarketIssuerAsync(host, division);
        var c = (await CertificateFlows.IssueAsync(host, official, CertificateFlows.Licence(creditCode))).Value;
        var read = (await CertificateFlows.GetAsync(host, official, c.Id)).Value;
        return (official, c, read.QrPayload);
    }

    [Fact]
    public async Task Verify_WhenPayloadIsFresh_IsValidWithPublicFields()
    {
        var (_, c, payload) = await IssueAsync("370202", "91110108MA0000015T");
        payload.Length.ShouldBeLessThan(QrPayload.MaxLength);

        var report = await VerifyAsync(payload);

        report.Outcome.ShouldBe("valid", report.ReasonEn);
        report.Certificate!.LicenceId.ShouldBe(c.LicenceId);
        report.Certificate.HolderIdMasked.ShouldNotContain("MA0000015");
    }

    [Fact]
    public async Task Verify_WhenAClaimIsAltered_IsTampered()
    {
        var (_, _, payload) = await IssueAsync("370203", "91110108MA0000015T");
        var parts = payload["QL1.".Length..].Split('.');
        var body = System.Text.Encoding.UTF8.GetString(CertificateDocument.FromBase64Url(parts[0]));
        var forged = "QL1." + CertificateDocument.Base64Url(System.Text.Encoding.UTF8.GetBytes(body.Replace("济南泉城", "济南泉域", StringComparison.Ordinal))) + "." + parts[1];

        (await VerifyAsync(forged)).Outcome.ShouldBe("tampered");
    }

    [Fact]
    public async Task Verify_WhenRevokedOrSuspended_SaysSoWithTheReasonAndTheStatusListAgrees()
    {
        var (official, c, payload) = await IssueAsync("370211", "92350100MA0000023W");
        var ct = TestContext.Current.CancellationToken;

        (await CertificateFlows.ChangeAsync(host, official, c.Id, "suspend", "涉嫌虚假登记，调查中")).IsSuccess.ShouldBeTrue();
        var suspended = await VerifyAsync(payload);
        suspended.Outcome.ShouldBe("suspended");
        suspended.StatusReason.ShouldBe("涉嫌虚假登记，调查中");
        (await BitAsync(c, "suspension")).ShouldBeTrue();
        (await BitAsync(c, "revocation")).ShouldBeFalse();

        (await CertificateFlows.ChangeAsync(host, official, c.Id, "restore", "调查结束")).IsSuccess.ShouldBeTrue();
        (await VerifyAsync(payload)).Outcome.ShouldBe("valid");
        (await BitAsync(c, "suspension")).ShouldBeFalse();

        (await CertificateFlows.ChangeAsync(host, official, c.Id, "revoke", "依法吊销")).IsSuccess.ShouldBeTrue();
        (await VerifyAsync(payload)).Outcome.ShouldBe("revoked");
        (await BitAsync(c, "revocation")).ShouldBeTrue();
        (await CertificateFlows.ChangeAsync(host, official, c.Id, "restore", "x")).Kind.ShouldBe(Qilu.SharedKernel.Results.ErrorKind.Conflict);
        _ = ct;
    }

    [Fact]
    public async Task StatusList_WhenPublished_HasTheBslShapeAtLeast131072BitsAndCachingHeaders()
    {
        var (_, c, _) = await IssueAsync("370212", "12440300MB0000035B");
        var response = await host.Client.GetAsync($"/api/trust/status/{c.StatusListId}/revocation", TestContext.Current.CancellationToken);
        response.Headers.CacheControl!.MaxAge.ShouldNotBeNull();
        response.Headers.ETag.ShouldNotBeNull();
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var root = doc.RootElement;
        root.GetProperty("type")[1].GetString().ShouldBe("BitstringStatusListCredential");
        var subject = root.GetProperty("credentialSubject");
        subject.GetProperty("statusPurpose").GetString().ShouldBe("revocation");
        var bits = GetStatusList.Decode(subject.GetProperty("encodedList").GetString()!);
        (bits.Length * 8).ShouldBeGreaterThanOrEqualTo(131_072);
        root.GetProperty("proof").GetProperty("proofValue").GetString().ShouldNotBeNullOrEmpty();

        using var again = new HttpRequestMessage(HttpMethod.Get, $"/api/trust/status/{c.StatusListId}/revocation");
        again.Headers.IfNoneMatch.Add(response.Headers.ETag!);
        (await host.Client.SendAsync(again, TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.NotModified);
    }

    [Fact]
    public async Task StatusSlots_WhenManyAreHandedOut_AreDistinctAndSpreadOverTheList()
    {
        var indexes = await host.RunAsync(async sp =>
        {
            var slots = new StatusSlots(sp.GetRequiredService<Qilu.Trust.Data.TrustDbContext>(), TimeProvider.System);
            var list = new List<int>();
            for (var i = 0; i < 2000; i++) list.Add((await slots.NextAsync(TestContext.Current.CancellationToken)).Index);
            return list;
        });
        indexes.Distinct().Count().ShouldBe(2000);
        indexes.Count(i => i < StatusList.Size / 2).ShouldBeInRange(850, 1150);
    }

    [Fact]
    public async Task Verify_WhenPastTheValidity_IsExpired()
    {
        var (official, _, _) = await IssueAsync("370213", "91110108MA0000015T");
        var c = (await CertificateFlows.IssueAsync(host, official, CertificateFlows.Licence() with
        {
            ValidUntil = DateOnly.FromDateTime(DateTime.UnixEpoch).AddYears(80),
        })).Value;
        var payload = (await CertificateFlows.GetAsync(host, official, c.Id)).Value.QrPayload;
        var later = new FakeTimeProvider(new DateTimeOffset(2050, 1, 2, 0, 0, 0, TimeSpan.Zero));

        var report = await host.RunAsync(sp => VerifyQr.HandleAsync(payload, sp.GetRequiredService<Qilu.Trust.Data.TrustDbContext>(),
            sp.GetRequiredService<Qilu.Trust.Verification.SealKeyCache>(), later, sp.GetRequiredService<Qilu.Trust.Auditing.TrustAudit>(),
            TestContext.Current.CancellationToken));

        report.Value.Outcome.ShouldBe("expired");
    }

    [Fact]
    public async Task Verify_WhenSignedByAKeyThisPlatformNeverCertified_IsUnknownIssuer()
    {
        var (_, c, payload) = await IssueAsync("370214", "91110108MA0000015T");
        var body = CertificateDocument.FromBase64Url(payload["QL1.".Length..].Split('.')[0]);
        var stranger = Sm2PrivateKey.Generate();
        var text = System.Text.Encoding.UTF8.GetString(body).Replace(c.SealCertificateSerial, "abcdef0123456789", StringComparison.Ordinal);
        var bytes = System.Text.Encoding.UTF8.GetBytes(text);
        var forged = "QL1." + CertificateDocument.Base64Url(bytes) + "." + CertificateDocument.Base64Url(Sm2.Sign(stranger, bytes, Sm2SignatureEncoding.Raw));

        (await VerifyAsync(forged)).Outcome.ShouldBe("unknown_issuer");
    }

    [Theory]
    [InlineData("")]
    [InlineData("hello")]
    [InlineData("QL1.abc")]
    [InlineData("QL1.!!!.???")]
    [InlineData("QL1.e30.AAAA")]
    public async Task Verify_WhenPayloadMalformed_AnswersProblemDetails(string payload)
    {
        var response = await host.Client.PostAsJsonAsync("/api/trust/verify", new { payload }, TestContext.Current.CancellationToken);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    [Fact]
    public async Task Verify_WhenPayloadOversized_AnswersProblemDetails()
    {
        var response = await host.Client.PostAsJsonAsync("/api/trust/verify", new { payload = "QL1." + new string('A', 100_000) }, TestContext.Current.CancellationToken);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldContain("qr.too_large");
    }

    private async Task<bool> BitAsync(CertificateView c, string purpose)
    {
        // Bypass HTTP caching: read the published document fresh each time.
        var json = await host.Client.GetStringAsync($"/api/trust/status/{c.StatusListId}/{purpose}", TestContext.Current.CancellationToken);
        using var doc = JsonDocument.Parse(json);
        var bits = GetStatusList.Decode(doc.RootElement.GetProperty("credentialSubject").GetProperty("encodedList").GetString()!);
        return StatusList.Get(bits, c.StatusIndex);
    }
}
