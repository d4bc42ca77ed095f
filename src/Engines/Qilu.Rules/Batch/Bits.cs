using System.Numerics;

namespace Qilu.Rules;

/// <summary>Helpers for row bitsets: bit <c>i</c> of word <c>i / 64</c> is row <c>i</c>; bits past the last row are zero.</summary>
internal static class Bits
{
    public static int Words(int rows) => (rows + 63) >> 6;

    public static ulong[] Zeros(int rows) => new ulong[Words(rows)];

    public static ulong[] Ones(int rows)
    {
        var w = new ulong[Words(rows)];
        Array.Fill(w, ulong.MaxValue);
        Trim(w, rows);
        return w;
    }

    public static void Trim(ulong[] w, int rows)
    {
        var r = rows & 63;
        if (r != 0 && w.Length > 0) w[^1] &= (1UL << r) - 1;
    }

    public static bool Get(ulong[] w, int i) => (w[i >> 6] & (1UL << i)) != 0;

    public static void Set(ulong[] w, int i) => w[i >> 6] |= 1UL << i;

    public static void Clear(ulong[] w, int i) => w[i >> 6] &= ~(1UL << i);

    public static long Count(ulong[] w)
    {
        long n = 0;
        foreach (var x in w) n += BitOperations.PopCount(x);
        return n;
    }

    /// <summary>Rows where <paramref name="mask"/> is set take <paramref name="value"/>; the others keep <paramref name="bits"/>.</summary>
    public static void Override(ulong[] bits, ulong[]? mask, bool value)
    {
        if (mask is null) return;
        for (var i = 0; i < bits.Length; i++) bits[i] = value ? bits[i] | mask[i] : bits[i] & ~mask[i];
    }
}
