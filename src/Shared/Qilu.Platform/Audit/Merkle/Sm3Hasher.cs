using System.Buffers;
using Qilu.Platform.Cryptography;

namespace Qilu.Platform.Audit.Merkle;

/// <summary>
/// SM3 (GB/T 32905-2016) hashing with the RFC 6962 domain-separation prefixes, on the platform's own SM3
/// (<see cref="Sm3"/>, checked against the standard's vectors and BouncyCastle): stateless, so the writer, the verifier
/// and the request threads hash concurrently without a digest per thread, and a node or a short leaf is hashed from a
/// stack buffer. It replaced BouncyCastle's <c>SM3Digest</c> here (ADR 0018 addendum 4): the audit writer hashes a leaf
/// and its completed nodes for every gateway call.
/// </summary>
internal static class Sm3Hasher
{
    public const int HashSize = 32;

    // RFC 6962 §2.1: leaves are prefixed 0x00 and interior nodes 0x01 so that a leaf can never be passed off as a
    // node (second-preimage resistance).
    private const byte LeafPrefix = 0x00;
    private const byte NodePrefix = 0x01;

    private const int StackLimit = 1024;

    public static byte[] Hash(ReadOnlySpan<byte> data) => Sm3.Hash(data);

    public static byte[] HashLeaf(ReadOnlySpan<byte> leaf) => HashPrefixed(LeafPrefix, leaf, []);

    public static byte[] HashChildren(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right) => HashPrefixed(NodePrefix, left, right);

    private static byte[] HashPrefixed(byte prefix, ReadOnlySpan<byte> first, ReadOnlySpan<byte> second)
    {
        var length = 1 + first.Length + second.Length;
        byte[]? rented = null;
        var buffer = length <= StackLimit ? stackalloc byte[StackLimit] : (rented = ArrayPool<byte>.Shared.Rent(length));
        try
        {
            buffer[0] = prefix;
            first.CopyTo(buffer[1..]);
            second.CopyTo(buffer[(1 + first.Length)..]);
            var output = new byte[HashSize];
            Sm3.Hash(buffer[..length], output);
            return output;
        }
        finally
        {
            if (rented is not null) ArrayPool<byte>.Shared.Return(rented);
        }
    }
}
