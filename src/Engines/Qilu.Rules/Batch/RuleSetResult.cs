namespace Qilu.Rules;

/// <summary>The outcome of <see cref="RuleSet.EvaluateAll"/>: for each rule, a bitset of the rows where it holds.</summary>
public sealed class RuleSetResult
{
    private readonly ulong[][] _bits;
    private readonly long[] _counts;
    private readonly RuleSet _set;

    internal RuleSetResult(RuleSet set, int rowCount, ulong[][] bits, TimeSpan elapsed)
    {
        _set = set;
        RowCount = rowCount;
        _bits = bits;
        _counts = [.. bits.Select(Qilu.Rules.Bits.Count)];
        Elapsed = elapsed;
    }

    /// <summary>Number of rules.</summary>
    public int RuleCount => _bits.Length;

    /// <summary>Number of entities.</summary>
    public int RowCount { get; }

    /// <summary>Wall time of the evaluation.</summary>
    public TimeSpan Elapsed { get; }

    /// <summary>Rule <paramref name="rule"/>'s bitset: bit <c>i % 64</c> of word <c>i / 64</c> is row <c>i</c> (JsonLogic truthiness).</summary>
    public ulong[] Bits(int rule) => _bits[rule];

    /// <summary>How many rows satisfy rule <paramref name="rule"/>.</summary>
    public long Count(int rule) => _counts[rule];

    /// <summary>Whether rule <paramref name="rule"/> holds for row <paramref name="row"/>.</summary>
    public bool IsTrue(int rule, int row) => Qilu.Rules.Bits.Get(_bits[rule], row);

    /// <summary>The rows that satisfy rule <paramref name="rule"/>, in order.</summary>
    public IEnumerable<int> Rows(int rule)
    {
        var bits = _bits[rule];
        for (var w = 0; w < bits.Length; w++)
        {
            var word = bits[w];
            while (word != 0)
            {
                yield return (w << 6) + System.Numerics.BitOperations.TrailingZeroCount(word);
                word &= word - 1;
            }
        }
    }

    /// <summary>How rule <paramref name="rule"/> was evaluated.</summary>
    public RuleEvaluationMode Mode(int rule) => _set.Mode(rule);

    /// <summary>Why rule <paramref name="rule"/> fell back to per-entity evaluation (null when columnar).</summary>
    public string? FallbackReason(int rule) => _set.FallbackReason(rule);

    /// <summary>How many rules were evaluated row by row.</summary>
    public int FallbackCount => Enumerable.Range(0, RuleCount).Count(i => Mode(i) == RuleEvaluationMode.CompiledFallback);
}
