using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Qilu.Platform.Cryptography;
using Qilu.Platform.Cryptography.Keys;
using Qilu.Trust.Certificates;

namespace Qilu.Trust.Verification;

/// <summary>
/// The compact signed QR payload of a certificate (format in docs/trust-signatures.md and ADR 0008):
/// <c>QL1.&lt;base64url(canonical JSON claims)&gt;.&lt;base64url(SM2 r‖s, 64 bytes)&gt;</c>. The claims carry the public
/// fields, the status slot, the signing seal's certificate serial and the SM3 of the full signed certificate, so an
/// offline verifier holding the published CA chain and the seal certificate can check it without calling anyone.
/// </summary>
internal static class QrPayload
{
    public const string Prefix = "QL1.";

    /// <summary>Longest payload accepted (a QR of version 40-L holds 2,953 bytes; ours are ~600).</summary>
    public const int MaxLength = 2048;

    public sealed record Claims(string LicenceId, string TypeCode, string TypeName, string HolderName, string HolderIdMasked,
        string IssuerName, string IssuerCode, string IssuedOn, string? ValidUntil, int StatusList, int StatusIndex,
        string SealSerial, string CertificateSm3, long IssuedAt);

    public static string Create(IssuedCertificate c, string typeName, Sm2SigningKey sealKey, DateTimeOffset now)
    {
        var claims = new JsonObject
        {
            ["i"] = c.LicenceId, ["t"] = c.TypeCode, ["tn"] = typeName, ["h"] = c.HolderName, ["hm"] = c.HolderIdMasked,
            ["o"] = c.IssuerName, ["oc"] = c.IssuerCode, ["d"] = c.IssuedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["e"] = c.ValidUntil?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["sl"] = c.StatusListId, ["si"] = c.StatusIndex, ["k"] = c.SealCertificateSerial,
            ["x"] = Sm3.HashHex(c.CanonicalJson), ["iat"] = now.ToUnixTimeSeconds(),
        };
        var body = CanonicalJson.Utf8(claims);
        var signature = sealKey.Sign(body, Sm2SignatureEncoding.Raw);
        return Prefix + CertificateDocument.Base64Url(body) + "." + CertificateDocument.Base64Url(signature);
    }

    /// <summary>Splits and decodes a payload; throws <see cref="FormatException"/> with the reason when it is not one.</summary>
    public static (Claims Claims, byte[] Body, byte[] Signature) Parse(string payload)
    {
        if (!payload.StartsWith(Prefix, StringComparison.Ordinal)) throw new FormatException("The payload does not start with QL1.");
        var parts = payload[Prefix.Length..].Split('.');
        if (parts.Length != 2) throw new FormatException("The payload must have a body and a signature separated by '.'.");
        var body = CertificateDocument.FromBase64Url(parts[0]);
        var signature = CertificateDocument.FromBase64Url(parts[1]);
        if (signature.Length != Sm2.RawSignatureSize) throw new FormatException("The signature must be 64 bytes (SM2 r‖s).");
        JsonObject o;
        try
        {
            o = JsonNode.Parse(body) as JsonObject ?? throw new FormatException("The body is not a JSON object.");
        }
        catch (JsonException ex)
        {
            throw new FormatException("The body is not JSON.", ex);
        }
        try
        {
            var claims = new Claims(S(o, "i"), S(o, "t"), S(o, "tn"), S(o, "h"), S(o, "hm"), S(o, "o"), S(o, "oc"), S(o, "d"),
                o["e"]?.GetValue<string>(), o["sl"]!.GetValue<int>(), o["si"]!.GetValue<int>(), S(o, "k"), S(o, "x"), o["iat"]!.GetValue<long>());
            return (claims, body, signature);
        }
        catch (Exception ex) when (ex is InvalidOperationException or NullReferenceException or FormatException)
        {
            throw new FormatException("The body lacks a required claim or has one of the wrong type.", ex);
        }
    }

    private static string S(JsonObject o, string name) => o[name]?.GetValue<string>() ?? throw new FormatException($"Claim '{name}' is missing.");
}
