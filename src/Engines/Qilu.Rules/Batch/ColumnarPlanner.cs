using Qilu.Rules.Semantics;
using Qilu.Rules.Syntax;

namespace Qilu.Rules;

/// <summary>
/// Plans a rule for column-at-a-time evaluation, or says why it cannot. Identical sub-conditions (by canonical text)
/// get one plan, so a condition shared by many rules is evaluated once per run.
/// </summary>
internal sealed class ColumnarPlanner(RuleSchema schema)
{
    private readonly Dictionary<string, TruthPlan> _plans = new(StringComparer.Ordinal);

    public string? LastFailure { get; private set; }

    public TruthPlan? Plan(RuleNode root)
    {
        LastFailure = null;
        return Truth(root);
    }

    private TruthPlan? Fail(RuleNode node, string reason)
    {
        LastFailure ??= $"{node.Path}: {reason}";
        return null;
    }

    private ValuePlan? FailValue(RuleNode node, string reason)
    {
        LastFailure ??= $"{node.Path}: {reason}";
        return null;
    }

    private TruthPlan? Truth(RuleNode node)
    {
        if (_plans.TryGetValue(node.Key, out var cached)) return cached;
        var plan = TruthCore(node);
        if (plan is not null) _plans[node.Key] = plan;
        return plan;
    }

    private TruthPlan? TruthCore(RuleNode node)
    {
        var refs = RuleAnalysis.ExactDataPaths(node);
        if (refs is not null)
        {
            var distinct = refs.Distinct(StringComparer.Ordinal).ToList();
            if (distinct.Count == 0) return new ConstTruth(node);
            if (distinct.Count == 1 && schema.Find(distinct[0])?.Type is RuleValueType.String or RuleValueType.Boolean && IsLeaf(distinct[0]))
                return new DistinctTruth(node, distinct[0]);
        }
        if (node is not OpNode op) return Fail(node, "array value used as a condition");
        var a = op.Args;
        switch (op.Op)
        {
            case "and":
            case "or":
                {
                    var parts = new TruthPlan[a.Length];
                    for (var i = 0; i < a.Length; i++)
                        if ((parts[i] = Truth(a[i])!) is null) return null;
                    return op.Op == "and" ? new AndTruth(node.Key, parts) : new OrTruth(node, parts);
                }
            case "!":
                return Truth(a[0]) is { } inner ? new NotTruth(node, inner) : null;
            case "!!":
                return Truth(a[0]);
            case "if":
            case "?:":
                {
                    var pairs = a.Length / 2;
                    var conds = new TruthPlan[pairs];
                    var thens = new TruthPlan[pairs];
                    for (var i = 0; i < pairs; i++)
                    {
                        if ((conds[i] = Truth(a[2 * i])!) is null) return null;
                        if ((thens[i] = Truth(a[2 * i + 1])!) is null) return null;
                    }
                    TruthPlan? otherwise = null;
                    if (a.Length % 2 == 1 && (otherwise = Truth(a[^1])) is null) return null;
                    return new IfTruth(node, conds, thens, otherwise);
                }
            case "==":
            case "===":
            case "!=":
            case "!==":
            case "<":
            case "<=":
            case ">":
            case ">=":
                {
                    var values = new ValuePlan[a.Length];
                    for (var i = 0; i < a.Length; i++)
                        if ((values[i] = Value(a[i])!) is null) return null;
                    if (a.Length == 2) return new CompareTruth(node.Key, op.Op, values[0], values[1]);
                    // The between form: a op b and b op c.
                    return new AndTruth(node.Key, [
                        new CompareTruth(node.Key + "#1", op.Op, values[0], values[1]),
                        new CompareTruth(node.Key + "#2", op.Op, values[1], values[2])]);
                }
            case "before":
            case "after":
            case "on_or_before":
            case "on_or_after":
                {
                    var l = Value(a[0]);
                    var r = Value(a[1]);
                    if (l is null || r is null) return null;
                    var cmp = op.Op switch { "before" => Cmp.Less, "after" => Cmp.Greater, "on_or_before" => Cmp.LessOrEqual, _ => Cmp.GreaterOrEqual };
                    return new DateCompareTruth(node, cmp, l, r);
                }
            case "missing":
            case "missing_some":
                {
                    if (refs is null) return Fail(node, "computed missing keys");
                    var keys = refs.ToArray();
                    var columns = new string?[keys.Length];
                    for (var i = 0; i < keys.Length; i++)
                    {
                        if (schema.Find(keys[i]) is { } v && IsLeaf(v.Name) && v.Type is not (RuleValueType.Array or RuleValueType.Object))
                            columns[i] = v.Name;
                        else if (!Unrelated(keys[i])) return Fail(node, $"missing key '{keys[i]}' is inside, above or a JSON column");
                        else columns[i] = null;
                    }
                    var need = op.Op == "missing" ? -1 : Js.ToNumber(((LiteralNode)a[0]).Value);
                    return new MissingTruth(node, columns, need);
                }
            case "in":
            case "starts_with":
                {
                    var args = new ValuePlan[a.Length];
                    for (var i = 0; i < a.Length; i++)
                        if ((args[i] = Value(a[i])!) is null) return null;
                    Func<object?[], bool> f = op.Op == "in" ? v => Js.In(v[0], v[1]) : v => Js.StartsWith(v[0], v[1]);
                    return new RowScalarTruth(node, args, f);
                }
            default:
                {
                    var value = Value(node);
                    return value is null ? null : new ValueTruth(node, value);
                }
        }
    }

    /// <summary>True for operations that always yield a boolean, so that they can be used as boolean vectors.</summary>
    private static bool IsBoolean(RuleNode node) => node switch
    {
        LiteralNode { Value: bool } => true,
        OpNode { Op: "and" or "or" } op => op.Args.All(IsBoolean),
        OpNode { Op: "if" or "?:" } op => op.Args.Length % 2 == 1 && op.Args.Where((_, i) => i % 2 == 1 || i == op.Args.Length - 1).All(IsBoolean),
        OpNode op => Operators.IsComparison(op.Op) || Operators.IsDateComparison(op.Op)
            || op.Op is "!" or "!!" or "in" or "starts_with",
        _ => false,
    };

    /// <summary>A path that is no column, no parent of one and not inside one: always absent from a table row.</summary>
    private bool Unrelated(string path) => schema.Find(path) is null && !schema.Variables.Any(x =>
        x.Name.StartsWith(path + ".", StringComparison.Ordinal) || path.StartsWith(x.Name + ".", StringComparison.Ordinal));

    private bool IsLeaf(string name) => !schema.Variables.Any(x => x.Name.StartsWith(name + ".", StringComparison.Ordinal));

    private ValuePlan? Value(RuleNode node)
    {
        var refs = RuleAnalysis.ExactDataPaths(node);
        if (refs is { Count: 0 }) return new ConstPlan(node);
        if (node is not OpNode op) return FailValue(node, "array value");
        if (IsBoolean(node) && Truth(node) is { } truth) return new BoolPlan(truth);
        var a = op.Args;
        switch (op.Op)
        {
            case "var":
                {
                    if (!op.TryGetLiteralVarPath(out var path) || path.Length == 0) return FailValue(node, "computed variable path");
                    if (Unrelated(path)) return new ConstPlan(node);
                    var variable = schema.Find(path);
                    if (variable is null || !IsLeaf(path)) return FailValue(node, $"'{path}' is not a column");
                    object? fallback = null;
                    if (a.Length > 1)
                    {
                        if (a[1] is not LiteralNode lit) return FailValue(node, "computed default");
                        fallback = lit.Value;
                    }
                    switch (variable.Type)
                    {
                        case RuleValueType.Number when fallback is null or double:
                            return new NumberVarPlan(path, fallback as double?);
                        case RuleValueType.Date when fallback is null || Dates.IsCanonical(fallback):
                            return new DateVarPlan(path, fallback is null ? null : Dates.Parse(fallback));
                        case RuleValueType.String or RuleValueType.Boolean or RuleValueType.Number or RuleValueType.Date:
                            return new ColumnValuePlan(path, fallback);
                        default:
                            return FailValue(node, $"'{path}' ({variable.Type}) with this default is evaluated row by row");
                    }
                }
            case "+":
            case "-":
            case "*":
            case "/":
            case "%":
            case "min":
            case "max":
                {
                    var args = new ValuePlan[a.Length];
                    for (var i = 0; i < a.Length; i++)
                    {
                        if ((args[i] = Value(a[i])!) is null) return null;
                    }
                    return new ArithmeticPlan(op.Op, args);
                }
            case "date":
                {
                    var inner = Value(a[0]);
                    if (inner is null) return null;
                    return inner.Kind == VecKind.Date ? new IdentityPlan(inner) : new RowScalarValuePlan([inner], v => Dates.Date(v[0]));
                }
            case "age":
            case "days_between":
                {
                    var from = Value(a[0]);
                    var to = op.Op == "age" && a.Length == 1 ? new ConstPlan(new OpNode { Path = node.Path, Op = "today", Args = [] }) : Value(a[1]);
                    if (from is null || to is null) return null;
                    if (from.Kind is not (VecKind.Date or VecKind.Constant) || to.Kind is not (VecKind.Date or VecKind.Constant))
                        return op.Op == "age" ? new RowScalarValuePlan([from, to], v => Dates.Age(v[0], v[1])) : new RowScalarValuePlan([from, to], v => Dates.DaysBetween(v[0], v[1]));
                    return new DateDifferencePlan(op.Op == "age", from, to);
                }
            case "add_days":
                {
                    var date = Value(a[0]);
                    var days = Value(a[1]);
                    if (date is null || days is null) return null;
                    if (date.Kind is not (VecKind.Date or VecKind.Constant) || days.Kind is not (VecKind.Number or VecKind.Constant))
                        return new RowScalarValuePlan([date, days], v => Dates.AddDays(v[0], v[1]));
                    return new AddDaysPlan(date, days);
                }
            case "and":
            case "or":
            case "if":
            case "?:":
                {
                    // As values these return one of their operands; all operands are computed (no side effects), then chosen per row.
                    var args = new ValuePlan[a.Length];
                    for (var i = 0; i < a.Length; i++)
                        if ((args[i] = Value(a[i])!) is null) return null;
                    return new RowScalarValuePlan(args, op.Op switch
                    {
                        "and" => v => Choose(v, stopWhen: false),
                        "or" => v => Choose(v, stopWhen: true),
                        _ => IfValue,
                    });
                }
            default:
                return FailValue(node, $"operator '{op.Op}' is evaluated row by row");
        }
    }

    private static object? Choose(object?[] values, bool stopWhen)
    {
        object? r = null;
        foreach (var v in values)
        {
            r = v;
            if (Js.Truthy(v) == stopWhen) return r;
        }
        return r;
    }

    private static object? IfValue(object?[] v)
    {
        int i;
        for (i = 0; i + 1 < v.Length; i += 2)
            if (Js.Truthy(v[i])) return v[i + 1];
        return i < v.Length ? v[i] : null;
    }
}
