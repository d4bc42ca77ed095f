using System.Net;
using System.Net.Http.Json;
using System.Text;
using Qilu.Trust.Certificates;
using Qilu.Trust.Codes;
using Qilu.Trust.Tests.Certificates;
using Qilu.Trust.Verification;
using Shouldly;

namespace Qilu.Trust.Tests.Verification;

[Collection(TrustHostGroup.Name)]
public sealed class QrImageVerificationTests(TrustHost host)
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    /// <summary>A valid 1×1 PNG (no QR in it).</summary>
    private static readonly byte[] TinyPng = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    private Task<HttpResponseMessage> UploadAsync(byte[] bytes, string name = "qr.png")
    {
        var form = new MultipartFormDataContent { { new ByteArrayContent(bytes), "image", name } };
        return host.Client.PostAsync(new Uri("/api/trust/verify/image", UriKind.Relative), form, Ct);
    }

    [Fact]
    public async Task VerifyImage_WhenPhotoHoldsACertificateQr_DecodesAndVerifies()
    {
        var official = await CertificateFlows.MarketIssuerAsync(host, "370283");
        var c = (await CertificateFlows.IssueAsync(host, official, CertificateFlows.Licence(CertificateFlows.NewCreditCode()))).Value;
        var payload = (await CertificateFlows.GetAsync(host, official, c.Id)).Value.QrPayload;

        var response = await UploadAsync(QrImage.Png(payload, 4));

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
        var result = (await response.Content.ReadFromJsonAsync<VerifyQrImage.Response>(TrustJson.Options, Ct))!;
        result.Kind.ShouldBe("certificate");
        result.Text.ShouldBe(payload);
        result.Certificate!.Outcome.ShouldBe("valid");
    }

    [Fact]
    public async Task VerifyImage_WhenPhotoHoldsAnEnterpriseCode_ChecksItsSignature()
    {
        var official = await CertificateFlows.MarketIssuerAsync(host, "370285");
        var creditCode = CertificateFlows.NewCreditCode();
        await CertificateFlows.IssueAsync(host, official, CertificateFlows.Licence(creditCode));
        var png = await host.Client.GetByteArrayAsync(new Uri($"/api/trust/enterprises/{creditCode}/code.png", UriKind.Relative), Ct);

        var result = (await (await UploadAsync(png)).Content.ReadFromJsonAsync<VerifyQrImage.Response>(TrustJson.Options, Ct))!;

        result.Kind.ShouldBe("enterprise");
        result.Enterprise!.Outcome.ShouldBe("valid");
        result.Enterprise.CreditCode.ShouldBe(creditCode);
    }

    [Fact]
    public async Task VerifyImage_WhenUploadIsBad_AnswersProblemDetailsWithTheReason()
    {
        await ExpectAsync(await UploadAsync(Encoding.UTF8.GetBytes("not an image at all")), "image.unsupported");
        await ExpectAsync(await UploadAsync(TinyPng), "image.no_qr");
        await ExpectAsync(await UploadAsync(new byte[QrImageDecoder.MaxBytes + 1]), "image.too_large");
        await ExpectAsync(await UploadAsync(PngHeader(100_000, 100_000)), "image.dimensions");
        await ExpectAsync(await UploadAsync(QrImage.Png("https://example.org/not-qilu", 4)), "qr.not_qilu");
        await ExpectAsync(await UploadAsync(QrImage.Png("QLP1.abc.def", 4)), "qr.personal_code");
        await ExpectAsync(await host.Client.PostAsJsonAsync("/api/trust/verify/image", new { image = "x" }, Ct), "image.required");
    }

    private static async Task ExpectAsync(HttpResponseMessage response, string code)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await response.Content.ReadAsStringAsync(Ct)).ShouldContain(code);
    }

    /// <summary>A PNG signature and IHDR claiming <paramref name="width"/>×<paramref name="height"/> (a decompression-bomb header).</summary>
    private static byte[] PngHeader(int width, int height)
    {
        var ihdr = new byte[17];
        "IHDR"u8.CopyTo(ihdr);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(ihdr.AsSpan(4), width);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(ihdr.AsSpan(8), height);
        ihdr[12] = 8;
        ihdr[13] = 6;
        var bytes = new List<byte> { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13 };
        bytes.AddRange(ihdr);
        var crc = Crc32(ihdr);
        bytes.AddRange([(byte)(crc >> 24), (byte)(crc >> 16), (byte)(crc >> 8), (byte)crc]);
        return [.. bytes];
    }

    private static uint Crc32(ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++) crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
        }
        return ~crc;
    }
}
