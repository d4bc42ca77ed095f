using System.Globalization;
using System.Text.Json.Nodes;
using Qilu.Platform.Cryptography;
using Qilu.Platform.Cryptography.Keys;
using Qilu.Trust.Certificates;

namespace Qilu.Trust.Credentials;

/// <summary>
/// The W3C Verifiable Credentials Data Model 2.0 twin of a certificate version, beside its SM2-signed canonical form:
/// the same claims (taken from the signed canonical JSON, so the two cannot drift), a Data Integrity proof
/// <c>ecdsa-jcs-2019</c> by the issuing unit's P-256 key (key store purpose <c>trust.vc.&lt;unit&gt;</c>, published as
/// did:key), and two <c>BitstringStatusListEntry</c> items pointing at the same status lists and index as the SM2 form.
/// Extra terms are covered by the v2 context's <c>@vocab</c>; no RDF processing is needed with JCS.
/// </summary>
internal static class CertificateCredential
{
    public const string MediaType = "application/vc";
    public const string BaseContext = "https://www.w3.org/ns/credentials/v2";

    /// <summary>Key-store purpose of a unit's VC key.</summary>
    public static string KeyPurpose(Guid unitId) => $"trust.vc.{unitId:N}";

    public static async Task<JsonObject> IssueAsync(IssuedCertificate c, IKeyStore keys, string statusListUrl, DateTimeOffset now,
        CancellationToken ct)
    {
        var key = await keys.GetActiveEcdsaP256KeyAsync(KeyPurpose(c.IssuerUnitId), ct);
        var compressed = key.ExportCompressedPublicKey();
        var signed = JsonNode.Parse(c.CanonicalJson)!.AsObject();
        var subject = new JsonObject
        {
            ["licenceId"] = c.LicenceId,
            ["licenceVersion"] = c.VersionNumber,
            ["licenceType"] = signed["type"]!.DeepClone(),
            ["holder"] = signed["holder"]!.DeepClone(),
            ["division"] = c.DivisionCode,
            ["fields"] = signed["fields"]!.DeepClone(),
            // Binds this twin to the SM2 form: SM3 of the exact canonical bytes the seal signed.
            ["sm2CanonicalSm3"] = Sm3.HashHex(c.CanonicalJson),
            ["sm2SealCertificateSerial"] = c.SealCertificateSerial,
        };
        var credential = new JsonObject
        {
            ["@context"] = new JsonArray(BaseContext),
            ["id"] = $"urn:uuid:{c.Id:D}",
            ["type"] = new JsonArray("VerifiableCredential", "ElectronicLicenceCredential"),
            ["name"] = signed["type"]!["name"]!.DeepClone(),
            ["issuer"] = new JsonObject { ["id"] = DidKeyP256.Did(compressed), ["name"] = c.IssuerName, ["creditCode"] = c.IssuerCode },
            // Dates of 电子证照 are Beijing calendar days.
            ["validFrom"] = c.IssuedOn.ToString("yyyy-MM-dd'T00:00:00+08:00'", CultureInfo.InvariantCulture),
            ["credentialSubject"] = subject,
            ["credentialStatus"] = new JsonArray(StatusEntry(statusListUrl, "revocation", c.StatusIndex), StatusEntry(statusListUrl, "suspension", c.StatusIndex)),
        };
        if (c.ValidUntil is { } until) credential["validUntil"] = until.ToString("yyyy-MM-dd'T23:59:59+08:00'", CultureInfo.InvariantCulture);
        return EcdsaJcs2019.AddProof(credential, DidKeyP256.VerificationMethod(compressed), now, data => key.SignData(data));
    }

    private static JsonObject StatusEntry(string listUrl, string purpose, int index) => new()
    {
        ["id"] = $"{listUrl}/{purpose}#{index.ToString(CultureInfo.InvariantCulture)}",
        ["type"] = "BitstringStatusListEntry",
        ["statusPurpose"] = purpose,
        ["statusListIndex"] = index.ToString(CultureInfo.InvariantCulture),
        ["statusListCredential"] = $"{listUrl}/{purpose}",
    };
}
