namespace Qilu.Rules;

/// <summary>
/// Tight comparison loops writing bitsets a word at a time; the comparer is a struct type argument so the JIT
/// specialises and inlines each loop (no delegate call per row).
/// </summary>
internal static class Kernels
{
    public interface ICompare
    {
        static abstract bool Test(double a, double b);
    }

    public readonly struct Less : ICompare
    {
        public static bool Test(double a, double b) => a < b;
    }

    public readonly struct LessOrEqual : ICompare
    {
        public static bool Test(double a, double b) => a <= b;
    }

    public readonly struct Greater : ICompare
    {
        public static bool Test(double a, double b) => a > b;
    }

    public readonly struct GreaterOrEqual : ICompare
    {
        public static bool Test(double a, double b) => a >= b;
    }

    public readonly struct Equal : ICompare
    {
        public static bool Test(double a, double b) => a == b;
    }

    public static void Compare<T>(double[] values, double k, ulong[] bits, int rows) where T : struct, ICompare
    {
        for (var w = 0; w < bits.Length; w++)
        {
            ulong word = 0;
            var start = w << 6;
            var end = Math.Min(start + 64, rows);
            for (var i = start; i < end; i++)
                word |= (T.Test(values[i], k) ? 1UL : 0UL) << (i - start);
            bits[w] = word;
        }
    }

    public static void Compare<T>(int[] values, int k, ulong[] bits, int rows) where T : struct, ICompare
    {
        for (var w = 0; w < bits.Length; w++)
        {
            ulong word = 0;
            var start = w << 6;
            var end = Math.Min(start + 64, rows);
            for (var i = start; i < end; i++)
                word |= (T.Test(values[i], k) ? 1UL : 0UL) << (i - start);
            bits[w] = word;
        }
    }

    public static void Not(ulong[] bits, int rows)
    {
        for (var i = 0; i < bits.Length; i++) bits[i] = ~bits[i];
        Bits.Trim(bits, rows);
    }
}
