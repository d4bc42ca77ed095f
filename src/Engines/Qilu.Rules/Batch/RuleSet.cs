using System.Diagnostics;
using System.Runtime.ExceptionServices;
using Qilu.Rules.Semantics;
using Qilu.Rules.Syntax;

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

    private readonly TruthPlan?[] _prefilters;

    private RuleSet(IReadOnlyList<RuleDocument> rules, TruthPlan?[] plans, string?[] reasons, TruthPlan?[] prefilters)
    {
        Rules = rules;
        _plans = plans;
        _reasons = reasons;
        _prefilters = prefilters;
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
        var prefilters = new TruthPlan?[rules.Count];
        for (var i = 0; i < rules.Count; i++)
        {
            plans[i] = planner.Plan(rules[i].Root);
            if (plans[i] is not null) continue;
            reasons[i] = planner.LastFailure ?? "not plannable";
            // An 'and' is falsy wherever one conjunct is: the plannable conjuncts, evaluated by column, limit the rows
            // the compiled delegate has to see.
            if (rules[i].Root is Syntax.OpNode { Op: "and" } and)
            {
                var parts = and.Args.Select(planner.Plan).OfType<TruthPlan>().ToArray();
                if (parts.Length > 0) prefilters[i] = parts.Length == 1 ? parts[0] : new AndTruth(and.Key + "#prefilter", parts);
            }
        }
        return new RuleSet([.. rules], plans, reasons, prefilters);
    }

    /// <summary>How rule <paramref name="rule"/> is evaluated.</summary>
    public RuleEvaluationMode Mode(int rule) => _plans[rule] is null ? RuleEvaluationMode.CompiledFallback : RuleEvaluationMode.Columnar;

    /// <summary>The first part of rule <paramref name="rule"/> that the columnar planner could not handle (JSON path and reason).</summary>
    public string? FallbackReason(int rule) => _reasons[rule];

    /// <summary>Evaluates every rule over every row of <paramref name="entities"/>.</summary>
    public RuleSetResult EvaluateAll(EntityTable entities, RuleContext? context = null)
    {
        ArgumentNullException.ThrowIfNull(entities);
        if (context?.Today is null && Rules.Any(r => RuleAnalysis.UsesContext(r.Root)))
            throw new InvalidOperationException("A rule uses 'today' or 'age' without a reference date: pass a RuleContext with Today (the clock is never read).");
        try
        {
            return Run(entities, context);
        }
        catch (AggregateException e)
        {
            // Report what went wrong in a rule, not the parallel loop's wrapper.
            ExceptionDispatchInfo.Capture(e.Flatten().InnerExceptions[0]).Throw();
            throw;
        }
    }

    private RuleSetResult Run(EntityTable entities, RuleContext? context)
    {
        var started = Stopwatch.GetTimestamp();
        var run = new BatchRun(entities, context);
        var bits = new ulong[_plans.Length][];
        var columnar = Enumerable.Range(0, _plans.Length).Where(i => _plans[i] is not null).ToArray();
        Parallel.ForEach(columnar, i => bits[i] = _plans[i]!.Evaluate(run));

        var fallback = Enumerable.Range(0, _plans.Length).Where(i => _plans[i] is null).ToArray();
        if (fallback.Length > 0)
        {
            foreach (var i in fallback) bits[i] = Qilu.Rules.Bits.Zeros(entities.RowCount);
            var columns = ColumnsRead(entities, fallback);
            var filters = fallback.Select(i => _prefilters[i]?.Evaluate(run)).ToArray();
            // Chunks of whole 64-row words, so that threads never write the same word.
            const int chunkWords = 16;
            var words = Qilu.Rules.Bits.Words(entities.RowCount);
            Parallel.For(0, (words + chunkWords - 1) / chunkWords, chunk =>
            {
                var start = chunk * chunkWords * 64;
                var end = Math.Min(entities.RowCount, start + chunkWords * 64);
                for (var row = start; row < end; row++)
                {
                    object? data = null;
                    for (var k = 0; k < fallback.Length; k++)
                    {
                        if (filters[k] is { } filter && !Qilu.Rules.Bits.Get(filter, row)) continue;
                        data ??= Js.FromRoot(entities.RowToJsonSubset(row, columns));
                        if (_compiled[fallback[k]].IsTrueValue(data, context)) Qilu.Rules.Bits.Set(bits[fallback[k]], row);
                    }
                }
            });
        }

        // Identical rules share a cached bitset; give each rule its own so callers may modify them.
        var seen = new HashSet<ulong[]>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < bits.Length; i++)
            if (!seen.Add(bits[i])) bits[i] = (ulong[])bits[i].Clone();
        return new RuleSetResult(this, entities.RowCount, bits, Stopwatch.GetElapsedTime(started));
    }

    /// <summary>
    /// The columns the fallback rules can read: those on their literal paths (and below or above them). Building only
    /// these per row is what the row-by-row cost is made of; a rule with a computed path needs every column.
    /// </summary>
    private List<EntityColumn> ColumnsRead(EntityTable entities, int[] fallback)
    {
        var paths = new List<string>();
        foreach (var i in fallback)
        {
            if (RuleAnalysis.ExactDataPaths(Rules[i].Root) is not { } exact) return [.. entities.Columns];
            paths.AddRange(exact);
        }
        return [.. entities.Columns.Where(c => paths.Any(p => c.Name == p
            || c.Name.StartsWith(p + ".", StringComparison.Ordinal) || p.StartsWith(c.Name + ".", StringComparison.Ordinal)))];
    }
}
