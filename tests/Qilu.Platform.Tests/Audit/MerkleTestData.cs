using Qilu.Platform.Audit.Merkle;

namespace Qilu.Platform.Tests.Audit;

/// <summary>Leaves of transparency-dev/merkle proof/verify_test.go, and an independent naive RFC 6962 MTH.</summary>
internal static class MerkleTestData
{
    public static readonly byte[][] Leaves =
    [
        [],
        Convert.FromHexString("00"),
        Convert.FromHexString("10"),
        Convert.FromHexString("2021"),
        Convert.FromHexString("3031"),
        Convert.FromHexString("40414243"),
        Convert.FromHexString("5051525354555657"),
        Convert.FromHexString("606162636465666768696a6b6c6d6e6f"),
    ];

    public static byte[] Hex(string hex) => Convert.FromHexString(hex);

    /// <summary>RFC 6962 §2.1 MTH written straight from the definition, recursively, with SM3 from BouncyCastle.</summary>
    public static byte[] NaiveMth(IReadOnlyList<byte[]> leaves, int start, int end)
    {
        var n = end - start;
        if (n == 0) return Sm3([]);
        if (n == 1) return Sm3([0x00, .. leaves[start]]);
        var k = 1;
        while (k * 2 < n) k *= 2;
        return Sm3([0x01, .. NaiveMth(leaves, start, start + k), .. NaiveMth(leaves, start + k, end)]);
    }

    public static byte[] Sm3(byte[] data)
    {
        var d = new Org.BouncyCastle.Crypto.Digests.SM3Digest();
        d.BlockUpdate(data, 0, data.Length);
        var o = new byte[32];
        d.DoFinal(o, 0);
        return o;
    }

    public static InMemoryMerkleTree Tree(int n, int seed = 7)
    {
        var t = new InMemoryMerkleTree();
        foreach (var leaf in RandomLeaves(n, seed)) t.AppendLeaf(leaf);
        return t;
    }

    public static List<byte[]> RandomLeaves(int n, int seed)
    {
        var rnd = new Random(seed);
        var list = new List<byte[]>(n);
        for (var i = 0; i < n; i++)
        {
            var b = new byte[rnd.Next(0, 40)];
            rnd.NextBytes(b);
            list.Add(b);
        }
        return list;
    }
}
