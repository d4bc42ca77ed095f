using System.Text.Json;
using System.Text.Json.Nodes;
using Qilu.Platform.Cryptography;
using Qilu.Trust.Certificates;

namespace Qilu.Trust.Codes;

/// <summary>
/// The signed code payloads (docs/trust-signatures.md): <c>QLP1.</c> personal code and <c>QLE1.</c> enterprise code, each
/// <c>&lt;prefix&gt;&lt;base64url(canonical JSON claims)&gt;.&lt;base64url(SM2 r‖s)&gt;</c>, signed by the code signer whose
/// certificate serial is the claim <c>k</c>. The enterprise code is put in the QR as a URL of the public profile page with
/// the payload in its <c>c</c> query parameter, so that a phone camera opens the page and an offline verifier takes the
/// parameter.
/// </summary>
internal static class CodePayload
{
    public const string PersonalPrefix = "QLP1.";
    public const string EnterprisePrefix = "QLE1.";

    /// <summary>Longest accepted payload (ours are ~250 characters).</summary>
    public const int MaxLength = 1024;

    public static async Task<string> CreateAsync(string prefix, JsonObject claims, CodeSigner signer, CancellationToken ct)
    {
        // The serial is part of the signed body: sign once to learn it would be circular, so ask for the certificate first.
        var cert = await signer.CertificateAsync(ct);
        claims["k"] = cert.SerialNumber.ToString(16);
        var body = CanonicalJson.Utf8(claims);
        var (signature, _) = await signer.SignAsync(body, ct);
        return prefix + CertificateDocument.Base64Url(body) + "." + CertificateDocument.Base64Url(signature);
    }

    /// <summary>The payload inside an enterprise-code URL (<c>…?c=QLE1.…</c>), or the text itself.</summary>
    public static string Unwrap(string text)
    {
        var t = text.Trim();
        var at = t.IndexOf("c=" + EnterprisePrefix, StringComparison.Ordinal);
        if (at < 0) return t;
        var value = t[(at + 2)..];
        var end = value.IndexOfAny(['&', '#']);
        return Uri.UnescapeDataString(end < 0 ? value : value[..end]);
    }

    /// <summary>Splits and decodes; throws <see cref="FormatException"/> with the reason.</summary>
    public static (JsonObject Claims, byte[] Body, byte[] Signature) Parse(string payload, string prefix)
    {
        if (payload.Length > MaxLength) throw new FormatException($"The code is longer than {MaxLength} characters.");
        if (!payload.StartsWith(prefix, StringComparison.Ordinal)) throw new FormatException($"The code does not start with {prefix}");
        var parts = payload[prefix.Length..].Split('.');
        if (parts.Length != 2) throw new FormatException("The code must have a body and a signature separated by '.'.");
        var body = CertificateDocument.FromBase64Url(parts[0]);
        var signature = CertificateDocument.FromBase64Url(parts[1]);
        if (signature.Length != Sm2.RawSignatureSize) throw new FormatException("The signature must be 64 bytes (SM2 r‖s).");
        try
        {
            var claims = JsonNode.Parse(body) as JsonObject ?? throw new FormatException("The body is not a JSON object.");
            return (claims, body, signature);
        }
        catch (JsonException ex)
        {
            throw new FormatException("The body is not JSON.", ex);
        }
    }

    public static string Text(JsonObject claims, string name) =>
        claims[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : throw new FormatException($"Claim '{name}' is missing or not a string.");

    public static long Number(JsonObject claims, string name) =>
        claims[name] is JsonValue v && v.TryGetValue<long>(out var n) ? n : throw new FormatException($"Claim '{name}' is missing or not a number.");
}
