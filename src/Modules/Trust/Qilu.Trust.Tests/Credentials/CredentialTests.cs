using System.Net;
using System.Net.Http.Json;
using System.Numerics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Qilu.Identity.Contracts;
using Qilu.Platform.Cryptography.Fields;
using Qilu.Platform.Cryptography.Keys;
using Qilu.SharedKernel.Actors;
using Qilu.Trust.Auditing;
using Qilu.Trust.Certificates;
using Qilu.Trust.Credentials;
using Qilu.Trust.Data;
using Qilu.Trust.Tests.Certificates;
using Shouldly;

namespace Qilu.Trust.Tests.Credentials;

[Collection(TrustHostGroup.Name)]
public sealed class CredentialTests(TrustHost host)
{
    private async Task<(Actor Official, CertificateView Certificate, JsonObject Credential)> IssueAsync(string division)
    {
        var official = await CertificateFlows.MarketIssuerAsync(host, division);
        var c = (await CertificateFlows.IssueAsync(host, official, CertificateFlows.Licence(CertificateFlows.NewCreditCode()))).Value;
        var json = await host.RunAsync(sp => GetCredential.HandleAsync(official, c.Id, sp.GetRequiredService<TrustDbContext>(),
            sp.GetRequiredService<IKeyStore>(), sp.GetRequiredService<IPersonDirectory>(), sp.GetRequiredService<IFieldProtector>(),
            sp.GetRequiredService<IOptions<TrustOptions>>().Value, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<TrustAudit>(),
            TestContext.Current.CancellationToken));
        return (official, c, JsonNode.Parse(json.Value)!.AsObject());
    }

    private async Task<VerifyCredential.Report> VerifyAsync(JsonObject credential)
    {
        var response = await host.Client.PostAsync("/api/trust/credentials/verify",
            new StringContent(credential.ToJsonString(), Encoding.UTF8, "application/vc"), TestContext.Current.CancellationToken);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        return (await response.Content.ReadFromJsonAsync<VerifyCredential.Report>(TestContext.Current.CancellationToken))!;
    }

    [Fact]
    public async Task Credential_WhenIssued_HasTheVc2ShapeStatusEntriesAndADataIntegrityProof()
    {
        var (_, c, vc) = await IssueAsync("371500");

        vc["@context"]![0]!.GetValue<string>().ShouldBe("https://www.w3.org/ns/credentials/v2");
        vc["type"]!.AsArray().Select(t => t!.GetValue<string>()).ShouldContain("VerifiableCredential");
        vc["issuer"]!["id"]!.GetValue<string>().ShouldStartWith("did:key:zDn");
        vc["credentialSubject"]!["licenceId"]!.GetValue<string>().ShouldBe(c.LicenceId);
        vc["credentialSubject"]!["holder"]!["idMasked"]!.GetValue<string>().ShouldBe(c.HolderIdMasked);
        var status = vc["credentialStatus"]!.AsArray();
        status.Select(s => s!["statusPurpose"]!.GetValue<string>()).ShouldBe(["revocation", "suspension"]);
        status[0]!["type"]!.GetValue<string>().ShouldBe("BitstringStatusListEntry");
        status[0]!["statusListIndex"]!.GetValue<string>().ShouldBe(c.StatusIndex.ToString(System.Globalization.CultureInfo.InvariantCulture));
        status[0]!["statusListCredential"]!.GetValue<string>().ShouldEndWith($"/api/trust/status/{c.StatusListId}/revocation");
        var proof = vc["proof"]!;
        proof["type"]!.GetValue<string>().ShouldBe("DataIntegrityProof");
        proof["cryptosuite"]!.GetValue<string>().ShouldBe("ecdsa-jcs-2019");
        proof["proofValue"]!.GetValue<string>().ShouldStartWith("z");
    }

    [Fact]
    public async Task Verify_WhenUnchanged_IsValid()
    {
        var (_, c, vc) = await IssueAsync("371600");

        var report = await VerifyAsync(vc);

        report.Outcome.ShouldBe("valid", report.ReasonEn);
        report.LicenceId.ShouldBe(c.LicenceId);
    }

    [Theory]
    [InlineData("field")]
    [InlineData("validUntil")]
    [InlineData("proofCreated")]
    [InlineData("status")]
    [InlineData("signature")]
    public async Task Verify_WhenAnythingIsAltered_IsTampered(string what)
    {
        var (_, _, vc) = await IssueAsync("371700");
        switch (what)
        {
            case "field": vc["credentialSubject"]!["fields"]!["registeredCapital"] = "1000万元人民币"; break;
            case "validUntil": vc["validUntil"] = "2099-12-31T23:59:59+08:00"; break;
            case "proofCreated": vc["proof"]!["created"] = "2020-01-01T00:00:00Z"; break;
            case "status": vc["credentialStatus"]![0]!["statusListIndex"] = "1"; break;
            case "signature":
                var value = vc["proof"]!["proofValue"]!.GetValue<string>();
                var bytes = Base58Decode(value[1..]);
                bytes[10] ^= 0x01;
                vc["proof"]!["proofValue"] = "z" + Base58Btc.Encode(bytes);
                break;
        }

        (await VerifyAsync(vc)).Outcome.ShouldBe("tampered");
    }

    [Fact]
    public async Task Verify_WhenRevokedAfterIssue_IsRevokedLikeTheStatusList()
    {
        var (official, c, vc) = await IssueAsync("371300");
        (await CertificateFlows.ChangeAsync(host, official, c.Id, "revoke", "以欺骗手段取得")).IsSuccess.ShouldBeTrue();

        var report = await VerifyAsync(vc);

        report.Outcome.ShouldBe("revoked");
        report.Reason.ShouldContain("以欺骗手段取得");
    }

    [Fact]
    public async Task Verify_WhenResignedWithAKeyTheIssuerDoesNotHold_IsUnknownIssuer()
    {
        var (_, _, vc) = await IssueAsync("371400");
        using var stranger = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var q = stranger.ExportParameters(false).Q;
        byte[] compressed = [(byte)((q.Y![^1] & 1) == 0 ? 2 : 3), .. q.X!];
        vc.Remove("proof");
        vc["issuer"]!["id"] = DidKeyP256.Did(compressed);
        EcdsaJcs2019.AddProof(vc, DidKeyP256.VerificationMethod(compressed), TimeProvider.System.GetUtcNow(),
            data => stranger.SignData(data, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation));

        (await VerifyAsync(vc)).Outcome.ShouldBe("unknown_issuer");
    }

    [Theory]
    [InlineData("")]
    [InlineData("[1,2]")]
    [InlineData("{\"@context\":[\"https://www.w3.org/ns/credentials/v2\"]}")]
    [InlineData("{\"proof\":{\"type\":\"DataIntegrityProof\",\"cryptosuite\":\"eddsa-jcs-2022\",\"proofValue\":\"z1\"}}")]
    [InlineData("{\"proof\":{\"type\":\"DataIntegrityProof\",\"cryptosuite\":\"ecdsa-jcs-2019\",\"proofPurpose\":\"assertionMethod\",\"verificationMethod\":\"did:key:z6Mk\",\"proofValue\":\"zabc\"}}")]
    [InlineData("{\"proof\":{\"type\":\"DataIntegrityProof\",\"cryptosuite\":\"ecdsa-jcs-2019\",\"proofPurpose\":7,\"proofValue\":\"zabc\"}}")]
    public async Task Verify_WhenMalformed_AnswersProblemDetails(string body)
    {
        var response = await host.Client.PostAsync("/api/trust/credentials/verify", new StringContent(body, Encoding.UTF8, "application/json"),
            TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    /// <summary>
    /// The documented input, recomputed without the module's code: a JCS of our own (System.Text.Json writer, members
    /// sorted ordinally), proofConfig = proof − proofValue + the document's @context, hashData = SHA-256(config) ‖
    /// SHA-256(document), then .NET's ECDsa with the issuer's P-256 public key from the key store.
    /// </summary>
    [Fact]
    public async Task Proof_WhenCheckedIndependentlyWithDotNetEcdsa_VerifiesOverTheDocumentedInput()
    {
        var (_, c, vc) = await IssueAsync("370300");
        var unit = await host.RunAsync(sp => Task.FromResult(sp.GetRequiredService<TrustDbContext>().Certificates.Single(x => x.Id == c.Id).IssuerUnitId));
        var key = (await host.RunAsync(sp => sp.GetRequiredService<IKeyStore>().ListAsync($"trust.vc.{unit:N}", TestContext.Current.CancellationToken)))
            .Single(k => k.Algorithm == KeyAlgorithm.EcdsaP256);

        var proof = vc["proof"]!.AsObject();
        var signature = Base58Decode(proof["proofValue"]!.GetValue<string>()[1..]);
        var document = (JsonObject)vc.DeepClone();
        document.Remove("proof");
        var config = (JsonObject)proof.DeepClone();
        config.Remove("proofValue");
        config["@context"] = vc["@context"]!.DeepClone();
        byte[] hashData = [.. SHA256.HashData(Jcs(config)), .. SHA256.HashData(Jcs(document))];

        using var ec = ECDsa.Create();
        ec.ImportSubjectPublicKeyInfo(key.PublicKey, out _);
        signature.Length.ShouldBe(64);
        ec.VerifyData(hashData, signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation).ShouldBeTrue();
        hashData[^1] ^= 1;
        ec.VerifyData(hashData, signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation).ShouldBeFalse();
        // The did:key in the proof is that same key.
        var q = ec.ExportParameters(false).Q;
        byte[] compressed = [(byte)((q.Y![^1] & 1) == 0 ? 2 : 3), .. q.X!];
        proof["verificationMethod"]!.GetValue<string>().ShouldBe(DidKeyP256.VerificationMethod(compressed));
    }

    [Fact]
    public async Task IssuerKeys_WhenPublished_ListTheDidKeyOfTheProofUnderTheUnitsCreditCode()
    {
        var (_, c, vc) = await IssueAsync("371100");

        var response = await host.Client.GetAsync($"/api/trust/credentials/issuers/{c.IssuerCode}", TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var document = JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;
        document["creditCode"]!.GetValue<string>().ShouldBe(c.IssuerCode);
        var method = document["verificationMethod"]!.AsArray().Single()!;
        method["id"]!.GetValue<string>().ShouldBe(vc["proof"]!["verificationMethod"]!.GetValue<string>());
        method["type"]!.GetValue<string>().ShouldBe("Multikey");
        method["status"]!.GetValue<string>().ShouldBe("active");
        (await host.Client.GetAsync("/api/trust/credentials/issuers/91110108MA0000015T", TestContext.Current.CancellationToken))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public void DidKey_WhenRoundTripped_GivesTheSamePublicKeyForBothParities()
    {
        for (var i = 0; i < 8; i++)
        {
            using var ec = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            var q = ec.ExportParameters(false).Q;
            byte[] compressed = [(byte)((q.Y![^1] & 1) == 0 ? 2 : 3), .. q.X!];
            var did = DidKeyP256.Did(compressed);
            did.ShouldStartWith("did:key:zDn");
            using var back = DidKeyP256.PublicKey(DidKeyP256.Parse(did));
            back.ExportParameters(false).Q.Y.ShouldBe(q.Y);
        }
        Should.Throw<FormatException>(() => DidKeyP256.Parse("did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK"));
    }

    private static byte[] Jcs(JsonNode node)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            Write(writer, node);
        return buffer.ToArray();
    }

    private static void Write(Utf8JsonWriter writer, JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                writer.WriteStartObject();
                foreach (var (name, value) in o.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    writer.WritePropertyName(name);
                    Write(writer, value);
                }
                writer.WriteEndObject();
                break;
            case JsonArray a:
                writer.WriteStartArray();
                foreach (var item in a) Write(writer, item);
                writer.WriteEndArray();
                break;
            case null:
                writer.WriteNullValue();
                break;
            default:
                node.WriteTo(writer);
                break;
        }
    }

    private static byte[] Base58Decode(string text)
    {
        const string alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
        var value = text.Aggregate(BigInteger.Zero, (v, ch) => v * 58 + alphabet.IndexOf(ch, StringComparison.Ordinal));
        var body = value.ToByteArray(isUnsigned: true, isBigEndian: true);
        return [.. Enumerable.Repeat((byte)0, text.TakeWhile(ch => ch == '1').Count()), .. body];
    }
}
