using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Asn1.X9;

namespace Qilu.Platform.Cryptography;

/// <summary>Algorithm-identifier checks shared by the SM2 key importers.</summary>
internal static class Sm2KeyEncoding
{
    /// <summary>
    /// Accepts id-ecPublicKey with namedCurve sm2p256v1 (RFC 5480 form written by OpenSSL 3 and Qilu) and the bare
    /// SM2 OID 1.2.156.10197.1.301 as algorithm (written by some GmSSL versions).
    /// </summary>
    public static void CheckAlgorithm(AlgorithmIdentifier algorithm)
    {
        var oid = algorithm.Algorithm;
        if (oid.Equals(Sm2Curve.Oid)) return;
        if (!oid.Equals(X9ObjectIdentifiers.IdECPublicKey))
            throw new FormatException($"Key algorithm {oid.Id} is not id-ecPublicKey (1.2.840.10045.2.1) or SM2 (1.2.156.10197.1.301).");
        if (algorithm.Parameters is not DerObjectIdentifier curve)
            throw new FormatException("EC key does not name its curve; expected namedCurve sm2p256v1 (1.2.156.10197.1.301).");
        if (!curve.Equals(Sm2Curve.Oid))
            throw new FormatException($"EC key is on curve {curve.Id}, not sm2p256v1 (1.2.156.10197.1.301).");
    }
}
