using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Security;

namespace Qilu.Platform.Audit.Checkpoints;

/// <summary>
/// The SM2 operations the audit log needs, over BouncyCastle (GB/T 32918; SM2Signer = SM3withSM2 with the default
/// user id 1234567812345678 and DER output). Kept internal to the audit folder until the platform key store lands.
/// </summary>
internal static class Sm2
{
    private static readonly ECDomainParameters Domain = CreateDomain();

    private static ECDomainParameters CreateDomain()
    {
        var curve = Org.BouncyCastle.Crypto.EC.CustomNamedCurves.GetByName("sm2p256v1");
        return new ECDomainParameters(curve.Curve, curve.G, curve.N, curve.H);
    }

    public static AsymmetricCipherKeyPair GenerateKeyPair()
    {
        var gen = new ECKeyPairGenerator();
        gen.Init(new ECKeyGenerationParameters(Domain, new SecureRandom()));
        return gen.GenerateKeyPair();
    }

    public static byte[] EncodePublicKey(ECPublicKeyParameters key) => key.Q.GetEncoded(false);

    public static byte[] Sign(ECPrivateKeyParameters key, ReadOnlySpan<byte> data)
    {
        var signer = new SM2Signer();
        signer.Init(true, new ParametersWithRandom(key, new SecureRandom()));
        signer.BlockUpdate(data);
        return signer.GenerateSignature();
    }

    /// <summary>Verifies a DER SM3withSM2 signature; malformed keys or signatures verify as false.</summary>
    public static bool Verify(byte[] publicKey, ReadOnlySpan<byte> data, byte[] signature)
    {
        try
        {
            if (publicKey.Length != 65 || publicKey[0] != 0x04) return false;
            var q = Domain.Curve.DecodePoint(publicKey);
            var signer = new SM2Signer();
            signer.Init(false, new ECPublicKeyParameters(q, Domain));
            signer.BlockUpdate(data);
            return signer.VerifySignature(signature);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidOperationException or CryptoException or IOException)
        {
            return false;
        }
    }
}
