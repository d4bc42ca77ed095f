using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Qilu.Platform.Cryptography;

namespace Qilu.Trust.Certificates;

/// <summary>
/// The signed form of a certificate version (GB/T 36903 core fields + 照面信息), serialised with
/// <see cref="CanonicalJson"/>. The holder's identifier appears only masked and as a salted SM3 commitment
/// (<c>SM3("qilu-holder-v1|" + idType + "|" + id + "|" + salt)</c>) that a verifier shown the ID card can recompute; an
/// exhaustive search over ID numbers is feasible, so the commitment is a check, not a secret.
/// </summary>
internal static class CertificateDocument
{
    public const string Format = "qilu-certificate-v1";

    public static JsonObject Build(IssuedCertificate c, CertificateType type, HolderIdentifier holder, string salt, string statusListUrl)
    {
        var fields = (JsonNode.Parse(c.FieldsJson) as JsonObject) ?? [];
        return new JsonObject
        {
            ["format"] = Format,
            ["licenceId"] = c.LicenceId,
            ["version"] = c.VersionNumber,
            ["type"] = new JsonObject { ["code"] = type.Code, ["name"] = type.Name, ["definingAuthority"] = type.DefiningAuthority },
            ["holder"] = new JsonObject
            {
                ["name"] = c.HolderName,
                ["idType"] = holder.TypeCode,
                ["idMasked"] = holder.Masked,
                ["idCommitment"] = Commitment(holder, salt),
                ["salt"] = salt,
            },
            ["issuer"] = new JsonObject { ["name"] = c.IssuerName, ["code"] = c.IssuerCode },
            ["division"] = c.DivisionCode,
            ["issuedOn"] = c.IssuedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["validUntil"] = c.ValidUntil?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["fields"] = fields.DeepClone(),
            ["status"] = new JsonObject { ["statusListCredential"] = statusListUrl, ["statusListIndex"] = c.StatusIndex },
            ["seal"] = new JsonObject { ["certificateSerial"] = c.SealCertificateSerial },
        };
    }

    public static string Commitment(HolderIdentifier holder, string salt) =>
        Sm3.HashHex($"qilu-holder-v1|{holder.TypeCode}|{holder.Value}|{salt}");

    public static string NewSalt() => Base64Url(RandomNumberGenerator.GetBytes(16));

    public static string Base64Url(ReadOnlySpan<byte> bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static byte[] FromBase64Url(string text)
    {
        var s = text.Replace('-', '+').Replace('_', '/');
        s += (s.Length % 4) switch { 2 => "==", 3 => "=", 0 => "", _ => throw new FormatException("Invalid base64url length.") };
        return Convert.FromBase64String(s);
    }

    internal static byte[] Utf8(string s) => Encoding.UTF8.GetBytes(s);
}
