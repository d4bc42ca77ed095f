using System.Collections.Concurrent;
using System.Text;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;

namespace Qilu.Platform.Cryptography;

/// <summary>
/// Initialised <see cref="SM2Signer"/> instances for one key, reused across calls. <c>SM2Signer.Init</c> for signing
/// computes P = [d]G (a full scalar multiplication) and Z (an SM3 over ~210 bytes) — as costly as a signature — and
/// the signer is not thread-safe, but after <c>GenerateSignature</c>/<c>VerifySignature</c> it resets to the
/// initialised state with Z kept. So a bag of initialised signers gives thread safety at the cost of one Init per
/// concurrently-used instance. The bag never holds more signers than the peak number of concurrent callers.
/// Only a few distinct user IDs are pooled (IDs are normally the default or a handful of agreed ones); beyond
/// that, signers are built per call so that arbitrary caller-supplied IDs cannot grow memory without bound.
/// </summary>
internal sealed class Sm2SignerPool(ICipherParameters keyParameters, bool forSigning)
{
    private const int MaxPooledUserIds = 8;

    private readonly ConcurrentDictionary<(Sm2SignatureEncoding Encoding, string UserId), ConcurrentBag<SM2Signer>> _bags = new();

    public Lease Rent(Sm2SignatureEncoding encoding, string userId)
    {
        var key = (encoding, userId);
        if (!_bags.TryGetValue(key, out var bag) && _bags.Count < MaxPooledUserIds)
            bag = _bags.GetOrAdd(key, _ => []);
        if (bag is not null && bag.TryTake(out var signer))
            return new Lease(signer, bag);
        return new Lease(Create(encoding, Encoding.UTF8.GetBytes(userId), null), bag);
    }

    /// <summary>A fresh, unpooled signer (fixed-k test vectors pass their own random).</summary>
    public SM2Signer Create(Sm2SignatureEncoding encoding, byte[] userId, Org.BouncyCastle.Security.SecureRandom? random)
    {
        var signer = new SM2Signer(encoding == Sm2SignatureEncoding.Raw ? PlainDsaEncoding.Instance : StandardDsaEncoding.Instance);
        ICipherParameters p = forSigning
            ? new ParametersWithRandom(keyParameters, random ?? Sm2Random.Instance)
            : keyParameters;
        signer.Init(forSigning, new ParametersWithID(p, userId));
        return signer;
    }

    /// <summary>A rented signer; return it only after a completed operation (its state is then reset).</summary>
    internal readonly struct Lease(SM2Signer signer, ConcurrentBag<SM2Signer>? home)
    {
        public SM2Signer Signer { get; } = signer;

        public void Return() => home?.Add(Signer);
    }
}
