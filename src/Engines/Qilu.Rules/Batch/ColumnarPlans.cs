using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Qilu.Rules.Semantics;
using Qilu.Rules.Syntax;

namespace Qilu.Rules;

/// <summary>One <see cref="RuleSet.EvaluateAll"/> call: the table, the context and the bitsets already computed (shared by rules).</summary>
internal sealed class BatchRun(EntityTable table, RuleContext? context)
{
    public EntityTable Table { get; } = table;

    public RuleContext? Context { get; } = context;

    public int Rows => Table.RowCount;

    public ConcurrentDictionary<string, Lazy<ulong[]>> Cache { get; } = new(StringComparer.Ordinal);

    public T Column<T>(string name) where T : EntityColumn =>
        Table.Column(name) as T ?? throw new InvalidOperationException(
            $"The table has no {typeof(T).Name} '{name}' (the rule set was compiled against a different schema).");
}

/// <summary>A condition evaluated for every row at once into a bitset of truthiness. Results are cached per run by rule text.</summary>
internal abstract class TruthPlan(string key)
{
    public string Key { get; } = key;

    public ulong[] Evaluate(BatchRun run) => run.Cache.GetOrAdd(Key, _ => new Lazy<ulong[]>(() => Compute(run))).Value;

    protected abstract ulong[] Compute(BatchRun run);
}

/// <summary>A condition that reads no data: one evaluation per run (it may use the context, e.g. <c>today</c>).</summary>
internal sealed class ConstTruth(RuleNode node) : TruthPlan(node.Key)
{
    private readonly TruthEvaluator _f = RuleCompiler.Truth(node);

    protected override ulong[] Compute(BatchRun run) => _f(new JsonObject(), run.Context) ? Bits.Ones(run.Rows) : Bits.Zeros(run.Rows);
}

/// <summary>
/// A condition whose only input is one string or boolean column: evaluated once per distinct value with the compiled
/// delegate (so any operator works: <c>in</c>, <c>starts_with</c>, <c>substr</c>…), then mapped to rows by id.
/// </summary>
internal sealed class DistinctTruth(RuleNode node, string column) : TruthPlan(node.Key)
{
    private readonly TruthEvaluator _f = RuleCompiler.Truth(node);

    protected override ulong[] Compute(BatchRun run)
    {
        var col = run.Table.Column(column) ?? throw new InvalidOperationException($"The table has no column '{column}'.");
        var absent = _f(new JsonObject(), run.Context);
        var bits = Bits.Zeros(run.Rows);
        switch (col)
        {
            case StringColumn s:
                {
                    // Missing rows keep id 0 (overridden below), so the table needs a slot even for an empty pool.
                    var table = new bool[Math.Max(1, s.Pool.Count)];
                    for (var id = 0; id < s.Pool.Count; id++) table[id] = _f(Row(JsonValue.Create(s.Pool[id])), run.Context);
                    var ids = s.Ids;
                    Fill(bits, run.Rows, i => table[ids[i]]);
                    break;
                }
            case BooleanColumn b:
                {
                    var whenTrue = _f(Row(JsonValue.Create(true)), run.Context);
                    var whenFalse = _f(Row(JsonValue.Create(false)), run.Context);
                    for (var w = 0; w < bits.Length; w++) bits[w] = (b.Values[w] & (whenTrue ? ulong.MaxValue : 0)) | (~b.Values[w] & (whenFalse ? ulong.MaxValue : 0));
                    Bits.Trim(bits, run.Rows);
                    break;
                }
            default:
                throw new InvalidOperationException($"Column '{column}' is not a string or boolean column.");
        }
        Bits.Override(bits, col.Missing, absent);
        return bits;
    }

    private JsonObject Row(JsonNode value)
    {
        var segments = column.Split('.');
        var root = new JsonObject();
        var target = root;
        for (var i = 0; i < segments.Length - 1; i++)
        {
            var next = new JsonObject();
            target[segments[i]] = next;
            target = next;
        }
        target[segments[^1]] = value;
        return root;
    }

    internal static void Fill(ulong[] bits, int rows, Func<int, bool> row)
    {
        for (var w = 0; w < bits.Length; w++)
        {
            ulong word = 0;
            var start = w << 6;
            var end = Math.Min(start + 64, rows);
            for (var i = start; i < end; i++)
                if (row(i)) word |= 1UL << i;
            bits[w] = word;
        }
    }
}

internal sealed class AndTruth(string key, TruthPlan[] parts) : TruthPlan(key)
{
    protected override ulong[] Compute(BatchRun run)
    {
        var result = (ulong[])parts[0].Evaluate(run).Clone();
        foreach (var p in parts.Skip(1))
        {
            var b = p.Evaluate(run);
            for (var i = 0; i < result.Length; i++) result[i] &= b[i];
        }
        return result;
    }
}

internal sealed class OrTruth(RuleNode node, TruthPlan[] parts) : TruthPlan(node.Key)
{
    protected override ulong[] Compute(BatchRun run)
    {
        var result = (ulong[])parts[0].Evaluate(run).Clone();
        foreach (var p in parts.Skip(1))
        {
            var b = p.Evaluate(run);
            for (var i = 0; i < result.Length; i++) result[i] |= b[i];
        }
        return result;
    }
}

internal sealed class NotTruth(RuleNode node, TruthPlan inner) : TruthPlan(node.Key)
{
    protected override ulong[] Compute(BatchRun run)
    {
        var b = inner.Evaluate(run);
        var result = new ulong[b.Length];
        for (var i = 0; i < b.Length; i++) result[i] = ~b[i];
        Bits.Trim(result, run.Rows);
        return result;
    }
}

/// <summary><c>if</c> under truthiness: the first true condition's branch, else the last argument (or false).</summary>
internal sealed class IfTruth(RuleNode node, TruthPlan[] conditions, TruthPlan[] branches, TruthPlan? otherwise) : TruthPlan(node.Key)
{
    protected override ulong[] Compute(BatchRun run)
    {
        var result = otherwise is null ? Bits.Zeros(run.Rows) : (ulong[])otherwise.Evaluate(run).Clone();
        for (var k = conditions.Length - 1; k >= 0; k--)
        {
            var c = conditions[k].Evaluate(run);
            var t = branches[k].Evaluate(run);
            for (var i = 0; i < result.Length; i++) result[i] = (c[i] & t[i]) | (~c[i] & result[i]);
        }
        return result;
    }
}

/// <summary><c>missing</c> (and <c>missing_some</c>) with literal keys: per-key missing masks combined.</summary>
internal sealed class MissingTruth(RuleNode node, string?[] columns, double need) : TruthPlan(node.Key)
{
    // need < 0 means plain 'missing' (true when any key is missing); otherwise missing_some's threshold.
    protected override ulong[] Compute(BatchRun run)
    {
        var masks = columns.Select(c => MissingMask(run, c)).ToArray();
        if (need < 0)
        {
            var any = Bits.Zeros(run.Rows);
            foreach (var m in masks)
                for (var i = 0; i < any.Length; i++) any[i] |= m[i];
            return any;
        }
        var bits = Bits.Zeros(run.Rows);
        DistinctTruth.Fill(bits, run.Rows, row =>
        {
            var missing = 0;
            foreach (var m in masks)
                if (Bits.Get(m, row)) missing++;
            return masks.Length - missing < need && missing > 0;
        });
        return bits;
    }

    private static ulong[] MissingMask(BatchRun run, string? column)
    {
        if (column is null) return Bits.Ones(run.Rows);
        var col = run.Table.Column(column) ?? throw new InvalidOperationException($"The table has no column '{column}'.");
        if (col is not StringColumn s || s.IdOf("") is var empty && empty < 0) return col.Missing;
        var mask = (ulong[])col.Missing.Clone();
        for (var i = 0; i < run.Rows; i++)
            if (s.Ids[i] == empty && !col.IsMissing(i)) Bits.Set(mask, i);
        return mask;
    }
}

/// <summary>Truthiness of a number or date vector.</summary>
internal sealed class ValueTruth(RuleNode node, ValuePlan value) : TruthPlan(node.Key)
{
    protected override ulong[] Compute(BatchRun run)
    {
        var v = value.Evaluate(run);
        var bits = Bits.Zeros(run.Rows);
        switch (v)
        {
            case NumVec n:
                DistinctTruth.Fill(bits, run.Rows, i => n.Values[i] != 0 && !double.IsNaN(n.Values[i]));
                if (n.Nulls is not null) Bits.Override(bits, n.Nulls, false);
                break;
            case DateVec d:
                bits = Bits.Ones(run.Rows);
                if (d.Nulls is not null) Bits.Override(bits, d.Nulls, false);
                break;
            case ConstVec c:
                if (Js.Truthy(c.Value)) bits = Bits.Ones(run.Rows);
                break;
            case BoolVec b:
                bits = (ulong[])b.Bits.Clone();
                break;
            default:
                DistinctTruth.Fill(bits, run.Rows, i => Js.Truthy(VecRows.Box(v, i)));
                break;
        }
        return bits;
    }
}

/// <summary>Comparison (<c>==</c> … <c>&gt;=</c>) of two vectors with JavaScript semantics, typed where both sides allow it.</summary>
internal sealed class CompareTruth(string key, string op, ValuePlan left, ValuePlan right) : TruthPlan(key)
{
    protected override ulong[] Compute(BatchRun run)
    {
        var l = left.Evaluate(run);
        var r = right.Evaluate(run);
        var bits = Bits.Zeros(run.Rows);
        var rows = run.Rows;
        switch (l, r)
        {
            case (ConstVec a, ConstVec b):
                return Scalar(a.Value, b.Value) ? Bits.Ones(rows) : bits;
            case (NumVec a, ConstVec b):
                NumberVsConstant(bits, rows, a, b.Value, constantOnLeft: false);
                return bits;
            case (ConstVec a, NumVec b):
                NumberVsConstant(bits, rows, b, a.Value, constantOnLeft: true);
                return bits;
            case (NumVec a, NumVec b):
                {
                    var cmp = RelationalOf(op);
                    var negate = op is "!=" or "!==";
                    DistinctTruth.Fill(bits, rows, i =>
                    {
                        var an = a.IsNull(i);
                        var bn = b.IsNull(i);
                        if (!an && !bn)
                            return cmp is { } c ? Js.CompareNumbers(a.Values[i], b.Values[i], c) : (a.Values[i] == b.Values[i]) != negate;
                        return Scalar(an ? null : a.Values[i], bn ? null : b.Values[i]);
                    });
                    return bits;
                }
            case (DateVec a, ConstVec b):
                DateVsConstant(bits, rows, a, b.Value, constantOnLeft: false);
                return bits;
            case (ConstVec a, DateVec b):
                DateVsConstant(bits, rows, b, a.Value, constantOnLeft: true);
                return bits;
            case (DateVec a, DateVec b):
                {
                    var cmp = RelationalOf(op);
                    var negate = op is "!=" or "!==";
                    DistinctTruth.Fill(bits, rows, i =>
                    {
                        if (!a.IsNull(i) && !b.IsNull(i))
                            return cmp is { } c ? Js.CompareNumbers(a.Days[i], b.Days[i], c) : (a.Days[i] == b.Days[i]) != negate;
                        return Scalar(a.Text(i), b.Text(i));
                    });
                    return bits;
                }
            default:
                // Mixed kinds (a condition against a number, a date against a number…): row by row on boxed values.
                DistinctTruth.Fill(bits, rows, i => Scalar(VecRows.Box(l, i), VecRows.Box(r, i)));
                return bits;
        }
    }

    private bool Scalar(object? a, object? b) => op switch
    {
        "==" => Js.LooseEquals(a, b),
        "!=" => !Js.LooseEquals(a, b),
        "===" => Js.StrictEquals(a, b),
        "!==" => !Js.StrictEquals(a, b),
        _ => Js.Relational(a, b, RelationalOf(op)!.Value),
    };

    /// <summary>k op x is x (mirrored op) k.</summary>
    private static Cmp Mirror(Cmp cmp) => cmp switch
    {
        Cmp.Less => Cmp.Greater,
        Cmp.LessOrEqual => Cmp.GreaterOrEqual,
        Cmp.Greater => Cmp.Less,
        _ => Cmp.LessOrEqual,
    };

    private static Cmp? RelationalOf(string op) => op switch
    {
        "<" => Cmp.Less,
        "<=" => Cmp.LessOrEqual,
        ">" => Cmp.Greater,
        ">=" => Cmp.GreaterOrEqual,
        _ => null,
    };

    private void NumberVsConstant(ulong[] bits, int rows, NumVec v, object? c, bool constantOnLeft)
    {
        var nullResult = constantOnLeft ? Scalar(c, null) : Scalar(null, c);
        var values = v.Values;
        if (RelationalOf(op) is { } cmp)
        {
            // Number against anything compares numerically: ToNumber(ToPrimitive(c)).
            var k = Js.ToNumber(c);
            {
                switch (constantOnLeft ? Mirror(cmp) : cmp)
                {
                    case Cmp.Less: Kernels.Compare<Kernels.Less>(values, k, bits, rows); break;
                    case Cmp.LessOrEqual: Kernels.Compare<Kernels.LessOrEqual>(values, k, bits, rows); break;
                    case Cmp.Greater: Kernels.Compare<Kernels.Greater>(values, k, bits, rows); break;
                    default: Kernels.Compare<Kernels.GreaterOrEqual>(values, k, bits, rows); break;
                }
            }
        }
        else
        {
            var strict = op is "===" or "!==";
            var negate = op is "!=" or "!==";
            // A number equals c exactly when it equals c's number: loosely, c is coerced (null equals nothing);
            // strictly, c must be a number.
            double? k = strict ? c as double? : c is null ? null : Js.ToNumber(c);
            if (k is { } kk)
            {
                Kernels.Compare<Kernels.Equal>(values, kk, bits, rows);
                if (negate) Kernels.Not(bits, rows);
            }
            else if (negate) DistinctTruth.Fill(bits, rows, _ => true);
        }
        Bits.Override(bits, v.Nulls, nullResult);
    }

    private void DateVsConstant(ulong[] bits, int rows, DateVec v, object? c, bool constantOnLeft)
    {
        if (Dates.IsCanonical(c))
        {
            // Canonical yyyy-MM-dd strings order like their day numbers, and are equal exactly when the days are.
            var k = Dates.Parse(c)!.Value;
            var days = v.Days;
            if (RelationalOf(op) is { } cmp)
            {
                // k op day is day (mirrored op) k.
                switch (constantOnLeft ? Mirror(cmp) : cmp)
                {
                    case Cmp.Less: Kernels.Compare<Kernels.Less>(days, k, bits, rows); break;
                    case Cmp.LessOrEqual: Kernels.Compare<Kernels.LessOrEqual>(days, k, bits, rows); break;
                    case Cmp.Greater: Kernels.Compare<Kernels.Greater>(days, k, bits, rows); break;
                    default: Kernels.Compare<Kernels.GreaterOrEqual>(days, k, bits, rows); break;
                }
            }
            else
            {
                Kernels.Compare<Kernels.Equal>(days, k, bits, rows);
                if (op is "!=" or "!==") Kernels.Not(bits, rows);
            }
            Bits.Override(bits, v.Nulls, constantOnLeft ? Scalar(c, null) : Scalar(null, c));
            return;
        }
        DistinctTruth.Fill(bits, rows, i => constantOnLeft ? Scalar(c, v.Text(i)) : Scalar(v.Text(i), c));
    }
}

/// <summary><c>before</c>/<c>after</c>/<c>on_or_before</c>/<c>on_or_after</c>: false where either side is not a date.</summary>
internal sealed class DateCompareTruth(RuleNode node, Cmp cmp, ValuePlan left, ValuePlan right) : TruthPlan(node.Key)
{
    protected override ulong[] Compute(BatchRun run)
    {
        var lv = left.Evaluate(run);
        var rv = right.Evaluate(run);
        var bits = Bits.Zeros(run.Rows);
        if (lv is DateVec dv && rv is ConstVec cv && Dates.Parse(cv.Value) is { } fixedDay)
        {
            // The common case (a date column against a fixed date): a typed kernel, absent rows false.
            switch (cmp)
            {
                case Cmp.Less: Kernels.Compare<Kernels.Less>(dv.Days, fixedDay, bits, run.Rows); break;
                case Cmp.LessOrEqual: Kernels.Compare<Kernels.LessOrEqual>(dv.Days, fixedDay, bits, run.Rows); break;
                case Cmp.Greater: Kernels.Compare<Kernels.Greater>(dv.Days, fixedDay, bits, run.Rows); break;
                default: Kernels.Compare<Kernels.GreaterOrEqual>(dv.Days, fixedDay, bits, run.Rows); break;
            }
            Bits.Override(bits, dv.Nulls, false);
        }
        else if (lv is DateVec or ConstVec && rv is DateVec or ConstVec)
        {
            var l = DayVector.Of(lv);
            var r = DayVector.Of(rv);
            DistinctTruth.Fill(bits, run.Rows, i => l.TryGet(i, out var a) && r.TryGet(i, out var b) && Js.CompareNumbers(a, b, cmp));
        }
        else DistinctTruth.Fill(bits, run.Rows, i => Dates.Compare(VecRows.Box(lv, i), VecRows.Box(rv, i), cmp));
        return bits;
    }
}

/// <summary>A boolean operator (<c>in</c>, <c>starts_with</c>) over planned operands, applied row by row to boxed values.</summary>
internal sealed class RowScalarTruth(RuleNode node, ValuePlan[] args, Func<object?[], bool> op) : TruthPlan(node.Key)
{
    protected override ulong[] Compute(BatchRun run)
    {
        var vectors = args.Select(a => a.Evaluate(run)).ToArray();
        var bits = Bits.Zeros(run.Rows);
        if (vectors.All(v => v is ConstVec))
            return op([.. vectors.Select(v => ((ConstVec)v).Value)]) ? Bits.Ones(run.Rows) : bits;
        var values = new object?[vectors.Length];
        DistinctTruth.Fill(bits, run.Rows, i =>
        {
            for (var k = 0; k < vectors.Length; k++) values[k] = VecRows.Box(vectors[k], i);
            return op(values);
        });
        return bits;
    }
}
