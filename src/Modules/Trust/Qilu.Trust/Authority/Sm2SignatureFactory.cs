using Org.BouncyCastle.Asn1.GM;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Crypto;
using Qilu.Platform.Cryptography.Keys;

namespace Qilu.Trust.Authority;

/// <summary>
/// BouncyCastle signature factory for SM3withSM2 (1.2.156.10197.1.501) that signs through the platform's key-store key,
/// so the private scalar never leaves <see cref="Sm2SigningKey"/>. The algorithm identifier carries no parameters
/// (GM/T 0015 / RFC 5758 style for EC signatures); the signature is DER SEQUENCE{r,s} with the default user ID
/// 1234567812345678, which is what BouncyCastle and OpenSSL 3 (for certificates) verify with.
/// </summary>
internal sealed class Sm2SignatureFactory(Sm2SigningKey key) : ISignatureFactory
{
    public static readonly AlgorithmIdentifier Algorithm = new(GMObjectIdentifiers.sm2sign_with_sm3);

    public object AlgorithmDetails => Algorithm;

    public IStreamCalculator<IBlockResult> CreateCalculator() => new Calculator(key);

    private sealed class Calculator(Sm2SigningKey key) : IStreamCalculator<IBlockResult>, IDisposable
    {
        public void Dispose() => _buffer.Dispose();

        private readonly MemoryStream _buffer = new();

        public Stream Stream => _buffer;

        public IBlockResult GetResult() => new SimpleBlockResult(key.Sign(_buffer.ToArray()));
    }
}
