using System.Collections.Concurrent;
using Org.BouncyCastle.X509;
using Qilu.Platform.Cryptography;
using Qilu.Trust.Authority;

namespace Qilu.Trust.Verification;

/// <summary>
/// The verification key of each seal certificate that chained to this platform's CA, kept for the process. A seal
/// certificate never changes once made (a renewed seal gets a new certificate and serial), so parsing it, checking its
/// issuer's SM2 signature and decoding its point once is enough; what can change — the certificate's status and
/// expiry — is read from the certificate library on every check. Keeping the same <see cref="Sm2PublicKey"/> object
/// also keeps BouncyCastle's precomputed multiples of that point, which is what brings a QR check to the cost of a
/// bare SM2 verification (bench <c>trust</c>).
/// </summary>
internal sealed class SealKeyCache(CertificateAuthority ca)
{
    // Bounded: one entry per seal certificate ever made on this platform, a few per unit; the bound only protects
    // memory against an unexpected flood, past it keys are still checked, just not kept.
    private const int MaxEntries = 100_000;
    private readonly ConcurrentDictionary<string, Sm2PublicKey> _keys = new(StringComparer.Ordinal);

    /// <summary>
    /// The seal's verification key when <paramref name="certificateDer"/> was issued by this platform's CA, else null.
    /// </summary>
    public Sm2PublicKey? KeyFor(string serial, byte[] certificateDer)
    {
        if (_keys.TryGetValue(serial, out var key)) return key;
        var certificate = new X509Certificate(certificateDer);
        if (!ca.IsIssuedByThisAuthority(certificate)) return null;
        key = Sm2PublicKey.ImportSubjectPublicKeyInfo(certificate.CertificateStructure.SubjectPublicKeyInfo.GetDerEncoded());
        if (_keys.Count < MaxEntries) _keys.TryAdd(serial, key);
        return key;
    }
}
