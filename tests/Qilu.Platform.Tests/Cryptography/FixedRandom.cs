using Org.BouncyCastle.Crypto.Prng;
using Org.BouncyCastle.Security;

namespace Qilu.Platform.Tests.Cryptography;

/// <summary>A "random" source that returns fixed bytes, to reproduce the standard's examples with their fixed k.</summary>
internal sealed class FixedRandom : IRandomGenerator
{
    private readonly byte[] _bytes;
    private int _position;

    private FixedRandom(byte[] bytes) => _bytes = bytes;

    public static SecureRandom Of(string hex) => new(new FixedRandom(Convert.FromHexString(hex)));

    public void AddSeedMaterial(byte[] seed) { }

    public void AddSeedMaterial(ReadOnlySpan<byte> seed) { }

    public void AddSeedMaterial(long seed) { }

    public void NextBytes(byte[] bytes) => NextBytes(bytes.AsSpan());

    public void NextBytes(byte[] bytes, int start, int len) => NextBytes(bytes.AsSpan(start, len));

    public void NextBytes(Span<byte> bytes)
    {
        if (_position + bytes.Length > _bytes.Length)
            throw new InvalidOperationException("Fixed random exhausted: the code under test drew more randomness than the vector provides.");
        _bytes.AsSpan(_position, bytes.Length).CopyTo(bytes);
        _position += bytes.Length;
    }
}
