using System.Security.Cryptography;
using Org.BouncyCastle.Crypto.Prng;
using Org.BouncyCastle.Security;

namespace Qilu.Platform.Cryptography;

/// <summary>
/// BouncyCastle <see cref="SecureRandom"/> over the operating system CSPRNG (<see cref="RandomNumberGenerator"/>),
/// shared by all signers: the OS generator is thread-safe and keeps no state in this process, so a per-signature
/// nonce k never depends on a user-space PRNG that could be cloned by a fork or a VM snapshot.
/// </summary>
internal static class Sm2Random
{
    public static readonly SecureRandom Instance = new(new CryptoApiRandomGenerator(RandomNumberGenerator.Create()));
}
