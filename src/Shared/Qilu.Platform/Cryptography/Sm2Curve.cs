using Org.BouncyCastle.Asn1.GM;
using Org.BouncyCastle.Asn1.X9;
using Org.BouncyCastle.Crypto.Parameters;

namespace Qilu.Platform.Cryptography;

/// <summary>
/// The SM2 recommended curve sm2p256v1 (GB/T 32918.5), built once per process. Reusing one
/// <see cref="ECDomainParameters"/> instance also lets BouncyCastle keep its precomputed base-point tables across
/// calls, which is where most of the signing cost goes.
/// </summary>
internal static class Sm2Curve
{
    /// <summary>1.2.156.10197.1.301.</summary>
    public static readonly Org.BouncyCastle.Asn1.DerObjectIdentifier Oid = GMObjectIdentifiers.sm2p256v1;

    /// <remarks>
    /// From <see cref="Org.BouncyCastle.Crypto.EC.CustomNamedCurves"/>, not <see cref="GMNamedCurves"/>: the GM table
    /// builds a generic <c>FpCurve</c>, the custom table the specialised <c>SM2P256V1Curve</c> with fixed-width field
    /// arithmetic. Same curve, same encodings, but the generic one measured 6–8× slower per signature and verification
    /// (bench <c>trust</c>: 716 against 6,019 verifications/s in one run), which is what held certificate verification
    /// and issuance far below their targets.
    /// </remarks>
    public static readonly X9ECParameters X9 = Org.BouncyCastle.Crypto.EC.CustomNamedCurves.GetByOid(GMObjectIdentifiers.sm2p256v1);

    /// <summary>Named parameters, so that PKCS#8/SPKI encoders write the curve OID rather than explicit parameters.</summary>
    public static readonly ECNamedDomainParameters Domain = new(GMObjectIdentifiers.sm2p256v1, X9);

    /// <summary>Size of a scalar or coordinate in bytes.</summary>
    public const int FieldBytes = 32;
}
