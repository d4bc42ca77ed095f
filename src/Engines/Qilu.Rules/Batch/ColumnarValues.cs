using System.Text.Json.Nodes;
using Qilu.Rules.Semantics;
using Qilu.Rules.Syntax;

namespace Qilu.Rules;

/// <summary>A column-at-a-time value.</summary>
internal abstract class Vec;

/// <summary>Numbers per row; <see cref="Nulls"/> marks rows whose value is null.</summary>
internal sealed class NumVec(double[] values, ulong[]? nulls) : Vec
{
    public double[] Values { get; } = values;

    public ulong[]? Nulls { get; } = nulls;

    public bool IsNull(int i) => Nulls is not null && Bits.Get(Nulls, i);
}

/// <summary>Dates per row as day numbers; rules see them as <c>yyyy-MM-dd</c> strings. <see cref="Nulls"/> marks null rows.</summary>
internal sealed class DateVec(int[] days, ulong[]? nulls) : Vec
{
    public int[] Days { get; } = days;

    public ulong[]? Nulls { get; } = nulls;

    public bool IsNull(int i) => Nulls is not null && Bits.Get(Nulls, i);

    public string? Text(int i) => IsNull(i) ? null : Dates.ToText(Days[i]);
}

/// <summary>Booleans per row (never null): the value of a condition used as an operand.</summary>
internal sealed class BoolVec(ulong[] bits) : Vec
{
    public ulong[] Bits { get; } = bits;
}

/// <summary>A string or boolean column read row by row (absent rows give the <c>var</c> default).</summary>
internal sealed class ColumnVec(EntityColumn column, object? fallback) : Vec
{
    public object? Box(int i) => column.IsMissing(i) ? fallback : column switch
    {
        StringColumn s => s.Pool[s.Ids[i]],
        BooleanColumn b => Js.Box(Bits.Get(b.Values, i)),
        NumberColumn n => n.Values[i],
        DateColumn d => Dates.ToText(d.Days[i]),
        _ => throw new InvalidOperationException("Unsupported column."),
    };
}

/// <summary>Any runtime values per row (the result of an operator applied row by row).</summary>
internal sealed class ObjVec(object?[] values) : Vec
{
    public object?[] Values { get; } = values;
}

/// <summary>The same value for every row.</summary>
internal sealed class ConstVec(object? value) : Vec
{
    public object? Value { get; } = value;
}

/// <summary>Day numbers of a date or constant vector (null/invalid rows have none).</summary>
internal readonly struct DayVector
{
    private readonly DateVec? _dates;
    private readonly int? _constant;

    private DayVector(DateVec? dates, int? constant)
    {
        _dates = dates;
        _constant = constant;
    }

    public static DayVector Of(Vec v) => v switch
    {
        DateVec d => new DayVector(d, null),
        ConstVec c => new DayVector(null, Dates.Parse(c.Value)),
        _ => throw new InvalidOperationException("Not a date vector."),
    };

    public bool TryGet(int i, out int day)
    {
        if (_dates is not null)
        {
            day = _dates.Days[i];
            return !_dates.IsNull(i);
        }
        day = _constant ?? 0;
        return _constant is not null;
    }
}

/// <summary>The static kind of a value plan, known when the rule set is compiled.</summary>
internal enum VecKind
{
    Number,
    Date,
    Boolean,
    Constant,
    Other,
}

/// <summary>Row access shared by the generic (boxed, row-by-row) paths.</summary>
internal static class VecRows
{
    /// <summary>Row <paramref name="i"/>'s runtime value exactly as the interpreter would see it.</summary>
    public static object? Box(Vec v, int i) => v switch
    {
        NumVec n => n.IsNull(i) ? null : n.Values[i],
        DateVec d => d.Text(i),
        BoolVec b => Js.Box(Bits.Get(b.Bits, i)),
        ConstVec c => c.Value,
        ColumnVec c => c.Box(i),
        ObjVec o => o.Values[i],
        _ => throw new InvalidOperationException("Unknown vector."),
    };
}

/// <summary>A condition used as a value (booleans per row).</summary>
internal sealed class BoolPlan(TruthPlan truth) : ValuePlan(VecKind.Boolean)
{
    public override Vec Evaluate(BatchRun run) => new BoolVec(truth.Evaluate(run));
}

/// <summary>A value computed for every row at once.</summary>
internal abstract class ValuePlan(VecKind kind)
{
    public VecKind Kind { get; } = kind;

    public abstract Vec Evaluate(BatchRun run);
}

/// <summary>A value that reads no data: evaluated once per run with the compiled delegate (it may use <c>today</c>).</summary>
internal sealed class ConstPlan(RuleNode node) : ValuePlan(VecKind.Constant)
{
    private readonly ValueEvaluator _f = RuleCompiler.Value(node);

    public override Vec Evaluate(BatchRun run) => new ConstVec(_f(new JsonObject(), run.Context));
}

/// <summary><c>var</c> of a number column; absent rows take the literal default (a number) or are null.</summary>
internal sealed class NumberVarPlan(string column, double? fallback) : ValuePlan(VecKind.Number)
{
    public override Vec Evaluate(BatchRun run)
    {
        var col = run.Column<NumberColumn>(column);
        if (fallback is not { } f) return new NumVec(col.Values, col.Missing);
        var values = (double[])col.Values.Clone();
        for (var i = 0; i < values.Length; i++)
            if (col.IsMissing(i)) values[i] = f;
        return new NumVec(values, null);
    }
}

/// <summary><c>var</c> of a string or boolean column used as an operand (compared or computed row by row).</summary>
internal sealed class ColumnValuePlan(string column, object? fallback) : ValuePlan(VecKind.Other)
{
    public override Vec Evaluate(BatchRun run) =>
        new ColumnVec(run.Table.Column(column) ?? throw new InvalidOperationException($"The table has no column '{column}'."), fallback);
}

/// <summary>An operator applied row by row to the boxed values of planned operands (no JSON row is built).</summary>
internal sealed class RowScalarValuePlan(ValuePlan[] args, Func<object?[], object?> op) : ValuePlan(VecKind.Other)
{
    public override Vec Evaluate(BatchRun run)
    {
        var vectors = args.Select(a => a.Evaluate(run)).ToArray();
        var values = new object?[vectors.Length];
        var result = new object?[run.Rows];
        for (var i = 0; i < result.Length; i++)
        {
            for (var k = 0; k < vectors.Length; k++) values[k] = VecRows.Box(vectors[k], i);
            result[i] = op(values);
        }
        return new ObjVec(result);
    }
}

/// <summary><c>var</c> of a date column; absent rows take the literal default (a date) or are null.</summary>
internal sealed class DateVarPlan(string column, int? fallback) : ValuePlan(VecKind.Date)
{
    public override Vec Evaluate(BatchRun run)
    {
        var col = run.Column<DateColumn>(column);
        if (fallback is not { } f) return new DateVec(col.Days, col.Missing);
        var days = (int[])col.Days.Clone();
        for (var i = 0; i < days.Length; i++)
            if (col.IsMissing(i)) days[i] = f;
        return new DateVec(days, null);
    }
}

/// <summary>
/// <c>+ - * / % min max</c> over number vectors and constants, with JsonLogic's coercions: <c>+</c> and <c>*</c> use
/// parseFloat (null becomes NaN), the others ToNumber (null becomes 0). The result has no nulls.
/// </summary>
internal sealed class ArithmeticPlan(string op, ValuePlan[] args) : ValuePlan(VecKind.Number)
{
    public override Vec Evaluate(BatchRun run)
    {
        var rows = run.Rows;
        var parse = op is "+" or "*";
        var columns = args.Select(a => Coerce(a.Evaluate(run), rows, parse)).ToArray();
        var result = new double[rows];
        for (var i = 0; i < rows; i++)
        {
            double acc;
            switch (op)
            {
                case "+":
                    acc = 0;
                    foreach (var c in columns) acc = Js.AddStep(acc, c[i]);
                    break;
                case "*":
                    acc = columns[0][i];
                    for (var k = 1; k < columns.Length; k++) acc = Js.MultiplyStep(acc, columns[k][i]);
                    break;
                case "-":
                    acc = columns.Length == 1 ? -columns[0][i] : columns[0][i] - columns[1][i];
                    break;
                case "/":
                    acc = columns[0][i] / columns[1][i];
                    break;
                case "%":
                    acc = columns[0][i] % columns[1][i];
                    break;
                case "max":
                    acc = double.NegativeInfinity;
                    foreach (var c in columns) acc = Math.Max(acc, c[i]);
                    break;
                default:
                    acc = double.PositiveInfinity;
                    foreach (var c in columns) acc = Math.Min(acc, c[i]);
                    break;
            }
            result[i] = acc;
        }
        return new NumVec(result, null);
    }

    private static double[] Coerce(Vec v, int rows, bool parseFloat)
    {
        switch (v)
        {
            case ConstVec c:
                var k = parseFloat ? Js.ParseFloat(c.Value) : Js.ToNumber(c.Value);
                var constant = new double[rows];
                Array.Fill(constant, k);
                return constant;
            case BoolVec b:
                var flags = new double[rows];
                // parseFloat("true") is NaN; ToNumber(true) is 1.
                for (var i = 0; i < rows; i++) flags[i] = parseFloat ? double.NaN : Bits.Get(b.Bits, i) ? 1 : 0;
                return flags;
            case DateVec d:
                var dates = new double[rows];
                for (var i = 0; i < rows; i++) dates[i] = parseFloat ? Js.ParseFloat(d.Text(i)) : Js.ToNumber(d.Text(i));
                return dates;
            case NumVec n:
                var values = new double[rows];
                var nullValue = parseFloat ? double.NaN : 0;
                for (var i = 0; i < rows; i++)
                {
                    var x = n.Values[i];
                    values[i] = n.IsNull(i) ? nullValue : parseFloat && x == 0 ? 0 : x;
                }
                return values;
            default:
                var boxed = new double[rows];
                for (var i = 0; i < rows; i++)
                {
                    var x = VecRows.Box(v, i);
                    boxed[i] = parseFloat ? Js.ParseFloat(x) : Js.ToNumber(x);
                }
                return boxed;
        }
    }
}

/// <summary><c>age</c> and <c>days_between</c> over date vectors and constants; null where an input is not a date.</summary>
internal sealed class DateDifferencePlan(bool age, ValuePlan from, ValuePlan to) : ValuePlan(VecKind.Number)
{
    public override Vec Evaluate(BatchRun run)
    {
        var a = DayVector.Of(from.Evaluate(run));
        var b = DayVector.Of(to.Evaluate(run));
        var values = new double[run.Rows];
        var nulls = Bits.Zeros(run.Rows);
        for (var i = 0; i < values.Length; i++)
        {
            if (a.TryGet(i, out var x) && b.TryGet(i, out var y)) values[i] = age ? Dates.Age(x, y) : y - x;
            else Bits.Set(nulls, i);
        }
        return new NumVec(values, nulls);
    }
}

/// <summary><c>add_days</c> of a date vector and a number vector or constant; null when out of range.</summary>
internal sealed class AddDaysPlan(ValuePlan date, ValuePlan days) : ValuePlan(VecKind.Date)
{
    public override Vec Evaluate(BatchRun run)
    {
        var d = DayVector.Of(date.Evaluate(run));
        var n = days.Evaluate(run);
        var result = new int[run.Rows];
        var nulls = Bits.Zeros(run.Rows);
        for (var i = 0; i < result.Length; i++)
        {
            var count = n switch
            {
                NumVec nv => nv.IsNull(i) ? 0 : nv.Values[i],
                ConstVec c => Js.ToNumber(c.Value),
                _ => double.NaN,
            };
            if (d.TryGet(i, out var day) && Dates.AddDays(day, count) is { } r) result[i] = r;
            else Bits.Set(nulls, i);
        }
        return new DateVec(result, nulls);
    }
}

/// <summary><c>date</c> of a date vector is the vector itself (already canonical).</summary>
internal sealed class IdentityPlan(ValuePlan inner) : ValuePlan(inner.Kind)
{
    public override Vec Evaluate(BatchRun run) => inner.Evaluate(run);
}
