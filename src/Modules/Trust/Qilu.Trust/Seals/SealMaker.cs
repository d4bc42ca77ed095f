using Qilu.Platform.Cryptography.Keys;
using Qilu.Trust.Authority;
using Qilu.Trust.Signing;

namespace Qilu.Trust.Seals;

/// <summary>
/// Makes an approved seal (制作): generates its SM2 key in the key store, has the intermediate CA certify it, draws the
/// picture, and builds the GB/T 38540 SESeal signed by the CA as 制章者.
/// </summary>
internal static class SealMaker
{
    /// <summary>Seal certificates last three years (or until the intermediate expires, whichever is first).</summary>
    public static readonly TimeSpan Validity = TimeSpan.FromDays(3 * 365);

    public static async Task MakeAsync(Seal seal, IKeyStore keys, CertificateAuthority ca, DateTimeOffset now, CancellationToken ct)
    {
        var key = await keys.GetActiveSm2KeyAsync(seal.KeyPurpose, ct);
        var cert = ca.IssueSealCertificate(key.PublicKey, seal.Name, seal.UnitName, seal.UnitCreditCode, now + Validity);
        var svg = SealImage.Svg(seal.UnitName, SealTypes.Zh(seal.Type));
        var validFrom = new DateTimeOffset(cert.NotBefore, TimeSpan.Zero);
        var validUntil = new DateTimeOffset(cert.NotAfter, TimeSpan.Zero);
        var info = Ses.SealInfo(seal.Id.ToString("N"), (int)seal.Type, seal.Name, cert.GetEncoded(), now, validFrom, validUntil, Ses.Utf8(svg));
        var (makerSignature, makerCert) = ca.SignAsMaker(info.GetDerEncoded());
        seal.KeyId = key.KeyId;
        seal.CertificateDer = cert.GetEncoded();
        seal.CertificateSerial = cert.SerialNumber.ToString(16);
        seal.ValidFrom = validFrom;
        seal.ValidUntil = validUntil;
        seal.Svg = svg;
        seal.SealDer = Ses.SESeal(info, makerCert.GetEncoded(), makerSignature);
        seal.MadeAt = now;
    }
}
