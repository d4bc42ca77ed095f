using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.Security.Certificates;
using Org.BouncyCastle.X509;
using Qilu.Platform.Cryptography;

namespace Qilu.Trust.Federation;

/// <summary>
/// What the requesting platform checks in a peer's answer, with nothing but the peer's published chain (PEM: intermediate
/// then root) and, when configured, the root's pinned SM3 fingerprint: root self-signed and pinned, intermediate signed
/// by the root, seal certificate signed by an intermediate and valid now, the SM2 signature over the exact canonical
/// bytes, and the signed content naming the licence, type and seal the answer claims.
/// </summary>
internal static class FederatedCertificateVerifier
{
    public sealed record Outcome(bool Verified, string Reason, string ReasonEn);

    public static Outcome Verify(ServeFederatedCertificate.Response answer, string expectedTypeCode, string chainPem, string? pinnedRootSm3,
        DateTimeOffset now)
    {
        List<X509Certificate> chain;
        X509Certificate seal;
        try
        {
            chain = [.. new X509CertificateParser().ReadCertificates(Encoding.ASCII.GetBytes(chainPem))];
            seal = new X509CertificateParser().ReadCertificate(Encoding.ASCII.GetBytes(answer.SealCertificatePem))
                ?? throw new CertificateException("no certificate");
        }
        catch (Exception ex) when (ex is CertificateException or IOException or ArgumentException)
        {
            return Fail("证书链或印章证书无法解析", "The chain or the seal certificate cannot be parsed");
        }
        var root = chain.FirstOrDefault(c => c.SubjectDN.Equivalent(c.IssuerDN) && Signed(c, c));
        if (root is null) return Fail("对方证书链中没有自签名根证书", "The peer's chain has no self-signed root");
        if (!string.IsNullOrEmpty(pinnedRootSm3) && !string.Equals(Sm3.HashHex(root.GetEncoded()), pinnedRootSm3, StringComparison.OrdinalIgnoreCase))
            return Fail("对方根证书与约定的指纹不符", "The peer's root does not match the pinned fingerprint");
        var intermediates = chain.Where(c => c != root && c.IssuerDN.Equivalent(root.SubjectDN) && Signed(c, root)).ToList();
        var issuer = intermediates.FirstOrDefault(i => i.SubjectDN.Equivalent(seal.IssuerDN) && Signed(seal, i));
        if (issuer is null) return Fail("印章证书不是对方 CA 签发的", "The seal certificate was not issued by the peer's CA");
        try
        {
            seal.CheckValidity(now.UtcDateTime);
        }
        catch (Exception ex) when (ex is CertificateExpiredException or CertificateNotYetValidException)
        {
            return Fail("印章证书不在有效期内", "The seal certificate is outside its validity");
        }
        var key = Sm2PublicKey.ImportSubjectPublicKeyInfo(seal.CertificateStructure.SubjectPublicKeyInfo.GetDerEncoded());
        byte[] signature;
        try
        {
            signature = Convert.FromBase64String(answer.Signature);
        }
        catch (FormatException)
        {
            return Fail("签名不是 Base64", "The signature is not base64");
        }
        if (!Sm2.Verify(key, Encoding.UTF8.GetBytes(answer.Certificate), signature, Sm2SignatureEncoding.Der))
            return Fail("签名验证失败：证照内容被篡改", "The signature does not verify: the certificate was altered");
        try
        {
            var doc = JsonNode.Parse(answer.Certificate)!;
            if (doc["licenceId"]?.GetValue<string>() != answer.LicenceId) return Fail("证照标识与签名内容不符", "The licence id differs from the signed content");
            if (doc["type"]?["code"]?.GetValue<string>() != expectedTypeCode) return Fail("证照类型与请求不符", "The certificate type is not the one requested");
            if (doc["seal"]?["certificateSerial"]?.GetValue<string>() != seal.SerialNumber.ToString(16))
                return Fail("签名内容中的印章与印章证书不符", "The signed content names another seal");
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or NullReferenceException)
        {
            return Fail("证照内容不是有效的 JSON", "The certificate is not valid JSON");
        }
        return new Outcome(true, "验证通过：对方 CA 证书链、印章证书与 SM2 签名均有效", "Verified: peer chain, seal certificate and SM2 signature hold");
    }

    private static bool Signed(X509Certificate subject, X509Certificate issuer)
    {
        try
        {
            subject.Verify(issuer.GetPublicKey());
            return true;
        }
        catch (Exception ex) when (ex is InvalidKeyException or SignatureException or CertificateException)
        {
            return false;
        }
    }

    private static Outcome Fail(string zh, string en) => new(false, zh, en);
}
