using Org.BouncyCastle.Crypto.Digests;

namespace Qilu.Platform.Audit.Merkle;

/// <summary>
/// SM3 (GB/T 32905-2016) hashing with the RFC 6962 domain-separation prefixes. One digest per thread, because
/// BouncyCastle digests are stateful and the writer, the verifier and the request threads hash concurrently.
/// </summary>
internal static class Sm3Hasher
{
    public const int HashSize = 32;

    // RFC 6962 §2.1: leaves are prefixed 0x00 and interior nodes 0x01 so that a leaf can never be passed off as a
    // node (second-preimage resistance).
    private const byte LeafPrefix = 0x00;
    private const byte NodePrefix = 0x01;

    [ThreadStatic] private static SM3Digest? t_digest;

    private static SM3Digest Digest => t_digest ??= new SM3Digest();

    public static byte[] Hash(ReadOnlySpan<byte> data)
    {
        var d = Digest;
        d.BlockUpdate(data);
        var output = new byte[HashSize];
        d.DoFinal(output);
        return output;
    }

    public static byte[] HashLeaf(ReadOnlySpan<byte> leaf)
    {
        var d = Digest;
        d.Update(LeafPrefix);
        d.BlockUpdate(leaf);
        var output = new byte[HashSize];
        d.DoFinal(output);
        return output;
    }

    public static byte[] HashChildren(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right)
    {
        var d = Digest;
        d.Update(NodePrefix);
        d.BlockUpdate(left);
        d.BlockUpdate(right);
        var output = new byte[HashSize];
        d.DoFinal(output);
        return output;
    }
}
