using System.Diagnostics;
using Qilu.Rules.Semantics;

namespace Qilu.Rules;

/// <summary>
/// Many rules compiled for evaluation over many entities at once (routing tables, eligibility screening, selection
/// pools). Each rule is planned column-at-a-time (one pass per distinct condition, combined as bitsets, like OpenFisca's
/// vectorised formulas); a rule with a part the planner cannot handle is evaluated row by row with its compiled
/// delegate, and <see cref="Mode"/> says so. Results equal the interpreter's on each row's JSON (property-tested).
/// </summary>
public sealed class RuleSet
{
    private readonly TruthPlan?[] _plans;
    private readonly CompiledRule[] _compiled;
    private readonly string?[] _reasons;

    private RuleSet(IReadOnlyList<RuleDocument> rules, TruthPlan?[] plans, string?[] reasons)
    {
        Rules = rules;
        _plans = plans;
        _reasons = reasons;
        _compiled = [.. rules.Select(RuleCompiler.Compile)];
    }

    /// <summary>The rules, in the order results are reported.</summary>
    public IReadOnlyList<RuleDocument> Rules { get; }

    /// <summary>
    /// Plans <paramref name="rules"/> against the column types of <paramref name="schema"/>. Rules are not validated
    /// here (validate with <see cref="RuleSchema.Validate"/> when they are saved); a path the schema does not declare
    /// simply reads as absent.
    /// </summary>
    public static RuleSet Compile(IReadOnlyList<RuleDocument> rules, RuleSchema schema)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(schema);
        var planner = new ColumnarPlanner(schema);
        var plans = new TruthPlan?[rules.Count];
        var reasons = new string?[rules.Count];
        for (var i = 0; i < rules.Count; i++)
        {
            plans[i] = planner.Plan(rules[i].Root);
            if (plans[i] is null) reasons[i] = planner.LastFailure ?? "not plannable";
        }
        return new RuleSet([.. rules], plans, reasons);
    }

    /// <summary>How rule <paramref name="rule"/> is evaluated.</summary>
    public RuleEvaluationMode Mode(int rule) => _plans[rule] is null ? RuleEvaluationMode.CompiledFallback : RuleEvaluationMode.Columnar;

    /// <summary>The first part of rule <paramref name="rule"/> that the columnar planner could not handle (JSON path and reason).</summary>
    public string? FallbackReason(int rule) => _reasons[rule];

    /// <summary>Evaluates every rule over every row of <paramref name="entities"/>.</summary>
    public RuleSetResult EvaluateAll(EntityTable entities, RuleContext? context = null)
    {
        ArgumentNullException.ThrowIfNull(entities);
        var started = Stopwatch.GetTimestamp();
        var run = new BatchRun(entities, context);
        var bits = new ulong[_plans.Length][];
        var columnar = Enumerable.Range(0, _plans.Length).Where(i => _plans[i] is not null).ToArray();
        Parallel.ForEach(columnar, i => bits[i] = _plans[i]!.Evaluate(run));

        var fallback = Enumerable.Range(0, _plans.Length).Where(i => _plans[i] is null).ToArray();
        if (fallback.Length > 0)
        {
            foreach (var i in fallback) bits[i] = Qilu.Rules.Bits.Zeros(entities.RowCount);
            // Chunks of whole 64-row words, so that threads never write the same word.
            const int chunkWords = 16;
            var words = Qilu.Rules.Bits.Words(entities.RowCount);
            Parallel.For(0, (words + chunkWords - 1) / chunkWords, chunk =>
            {
                var start = chunk * chunkWords * 64;
                var end = Math.Min(entities.RowCount, start + chunkWords * 64);
                for (var row = start; row < end; row++)
                {
                    var data = Js.FromRoot(entities.RowToJson(row));
                    foreach (var i in fallback)
                        if (_compiled[i].IsTrueValue(data, context)) Qilu.Rules.Bits.Set(bits[i], row);
                }
            });
        }

        // Identical rules share a cached bitset; give each rule its own so callers may modify them.
        var seen = new HashSet<ulong[]>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < bits.Length; i++)
            if (!seen.Add(bits[i])) bits[i] = (ulong[])bits[i].Clone();
        return new RuleSetResult(this, entities.RowCount, bits, Stopwatch.GetElapsedTime(started));
    }
}
