using System.Globalization;
using Qilu.Platform.Cryptography;

namespace Qilu.Trust.Verification;

/// <summary>
/// What a verifier that cached the published material does with a QR payload, without calling the platform: the seal
/// public keys (from the seal certificates, checked against the CA chain when fetched) and the two status bitstrings of
/// each list (refreshed after their <c>ttl</c>). Signature + status + expiry; thread-safe once built.
/// </summary>
internal sealed class OfflineQrVerifier(IReadOnlyDictionary<string, Sm2PublicKey> sealKeys,
    IReadOnlyDictionary<int, (byte[] Revocation, byte[] Suspension)> statusLists)
{
    public string Verify(string payload, DateOnly today)
    {
        if (payload.Length > QrPayload.MaxLength) return "malformed";
        QrPayload.Claims claims;
        byte[] body, signature;
        try
        {
            (claims, body, signature) = QrPayload.Parse(payload);
        }
        catch (FormatException)
        {
            return "malformed";
        }
        if (!sealKeys.TryGetValue(claims.SealSerial, out var key)) return "unknown_issuer";
        if (!Sm2.Verify(key, body, signature, Sm2SignatureEncoding.Raw)) return "tampered";
        if (!statusLists.TryGetValue(claims.StatusList, out var lists) || claims.StatusIndex is < 0 or >= Certificates.StatusList.Size)
            return "unknown_status";
        if (Certificates.StatusList.Get(lists.Revocation, claims.StatusIndex)) return "revoked";
        if (Certificates.StatusList.Get(lists.Suspension, claims.StatusIndex)) return "suspended";
        if (claims.ValidUntil is { } until && DateOnly.ParseExact(until, "yyyy-MM-dd", CultureInfo.InvariantCulture) < today) return "expired";
        return "valid";
    }
}
