using System.Text.Json.Nodes;
using Qilu.Rules.Semantics;
using Qilu.Rules.Syntax;

namespace Qilu.Rules;

/// <summary>
/// The plain reference interpreter: walks the rule tree for every evaluation. It is the yardstick the compiled and
/// columnar evaluators are tested against; use <see cref="RuleCompiler"/> or <see cref="RuleSet"/> in production paths.
/// </summary>
public static class RuleInterpreter
{
    /// <summary>Evaluates <paramref name="rule"/> over <paramref name="data"/>; NaN/Infinity results come back as null.</summary>
    public static JsonNode? Evaluate(RuleDocument rule, JsonNode? data, RuleContext? context = null)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return Js.ToNode(Eval(rule.Root, Js.FromRoot(data), context));
    }

    /// <summary>Whether <paramref name="rule"/>'s value is truthy (JsonLogic truthiness: NaN and infinities count as numbers).</summary>
    public static bool IsTrue(RuleDocument rule, JsonNode? data, RuleContext? context = null)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return Js.Truthy(Eval(rule.Root, Js.FromRoot(data), context));
    }

    internal static object? Eval(RuleNode node, object? data, RuleContext? ctx)
    {
        switch (node)
        {
            case LiteralNode lit:
                return lit.Value;
            case ArrayNode arr:
                var items = new object?[arr.Items.Length];
                for (var i = 0; i < items.Length; i++) items[i] = Eval(arr.Items[i], data, ctx);
                return items;
        }
        var op = (OpNode)node;
        var a = op.Args;
        switch (op.Op)
        {
            case "var":
                return a.Length == 0 ? Js.Var(data, null, null) : Js.Var(data, Eval(a[0], data, ctx), a.Length > 1 ? Eval(a[1], data, ctx) : null);
            case "missing":
                return Js.Missing(data, EvalAll(a, data, ctx));
            case "missing_some":
                return Js.MissingSome(data, Eval(a[0], data, ctx), Eval(a[1], data, ctx));
            case "if":
            case "?:":
                {
                    int i;
                    for (i = 0; i + 1 < a.Length; i += 2)
                        if (Js.Truthy(Eval(a[i], data, ctx))) return Eval(a[i + 1], data, ctx);
                    return i < a.Length ? Eval(a[i], data, ctx) : null;
                }
            case "==": return Js.Box(Js.LooseEquals(Eval(a[0], data, ctx), Eval(a[1], data, ctx)));
            case "===": return Js.Box(Js.StrictEquals(Eval(a[0], data, ctx), Eval(a[1], data, ctx)));
            case "!=": return Js.Box(!Js.LooseEquals(Eval(a[0], data, ctx), Eval(a[1], data, ctx)));
            case "!==": return Js.Box(!Js.StrictEquals(Eval(a[0], data, ctx), Eval(a[1], data, ctx)));
            case "!": return Js.Box(!Js.Truthy(Eval(a[0], data, ctx)));
            case "!!": return Js.Box(Js.Truthy(Eval(a[0], data, ctx)));
            case "or":
                {
                    object? v = null;
                    foreach (var arg in a)
                    {
                        v = Eval(arg, data, ctx);
                        if (Js.Truthy(v)) return v;
                    }
                    return v;
                }
            case "and":
                {
                    object? v = null;
                    foreach (var arg in a)
                    {
                        v = Eval(arg, data, ctx);
                        if (!Js.Truthy(v)) return v;
                    }
                    return v;
                }
            case "<": return Js.Box(Between(a, data, ctx, Cmp.Less));
            case "<=": return Js.Box(Between(a, data, ctx, Cmp.LessOrEqual));
            case ">": return Js.Box(Between(a, data, ctx, Cmp.Greater));
            case ">=": return Js.Box(Between(a, data, ctx, Cmp.GreaterOrEqual));
            case "max": return Js.MinMax(EvalAll(a, data, ctx), max: true);
            case "min": return Js.MinMax(EvalAll(a, data, ctx), max: false);
            case "+": return Js.Add(EvalAll(a, data, ctx));
            case "*": return Js.Multiply(EvalAll(a, data, ctx));
            case "-": return a.Length == 1 ? Js.Negate(Eval(a[0], data, ctx)) : Js.Subtract(Eval(a[0], data, ctx), Eval(a[1], data, ctx));
            case "/": return Js.Divide(Eval(a[0], data, ctx), Eval(a[1], data, ctx));
            case "%": return Js.Modulo(Eval(a[0], data, ctx), Eval(a[1], data, ctx));
            case "map":
                return Js.AsArray(Eval(a[0], data, ctx)).Select(x => Eval(a[1], x, ctx)).ToArray();
            case "filter":
                return Js.AsArray(Eval(a[0], data, ctx)).Where(x => Js.Truthy(Eval(a[1], x, ctx))).ToArray();
            case "reduce":
                {
                    var acc = a.Length > 2 ? Eval(a[2], data, ctx) : null;
                    foreach (var x in Js.AsArray(Eval(a[0], data, ctx))) acc = Eval(a[1], new ReduceScope(x, acc), ctx);
                    return acc;
                }
            case "all":
                {
                    var list = Js.AsArray(Eval(a[0], data, ctx));
                    return Js.Box(list.Length > 0 && list.All(x => Js.Truthy(Eval(a[1], x, ctx))));
                }
            case "none":
                return Js.Box(!Js.AsArray(Eval(a[0], data, ctx)).Any(x => Js.Truthy(Eval(a[1], x, ctx))));
            case "some":
                return Js.Box(Js.AsArray(Eval(a[0], data, ctx)).Any(x => Js.Truthy(Eval(a[1], x, ctx))));
            case "merge": return Js.Merge(EvalAll(a, data, ctx));
            case "in": return Js.Box(Js.In(Eval(a[0], data, ctx), Eval(a[1], data, ctx)));
            case "cat": return Js.Cat(EvalAll(a, data, ctx));
            case "substr":
                return Js.Substr(Eval(a[0], data, ctx), Eval(a[1], data, ctx), a.Length > 2 ? Eval(a[2], data, ctx) : null, a.Length > 2);
            case "starts_with": return Js.Box(Js.StartsWith(Eval(a[0], data, ctx), Eval(a[1], data, ctx)));
            case "date": return Dates.Date(Eval(a[0], data, ctx));
            case "today": return Dates.Today(ctx);
            case "add_days": return Dates.AddDays(Eval(a[0], data, ctx), Eval(a[1], data, ctx));
            case "days_between": return Dates.DaysBetween(Eval(a[0], data, ctx), Eval(a[1], data, ctx));
            case "age": return Dates.Age(Eval(a[0], data, ctx), a.Length > 1 ? Eval(a[1], data, ctx) : Dates.Today(ctx));
            case "before": return Js.Box(Dates.Compare(Eval(a[0], data, ctx), Eval(a[1], data, ctx), Cmp.Less));
            case "after": return Js.Box(Dates.Compare(Eval(a[0], data, ctx), Eval(a[1], data, ctx), Cmp.Greater));
            case "on_or_before": return Js.Box(Dates.Compare(Eval(a[0], data, ctx), Eval(a[1], data, ctx), Cmp.LessOrEqual));
            case "on_or_after": return Js.Box(Dates.Compare(Eval(a[0], data, ctx), Eval(a[1], data, ctx), Cmp.GreaterOrEqual));
            default:
                throw new InvalidOperationException("Operator not implemented: " + op.Op);
        }
    }

    private static object?[] EvalAll(IReadOnlyList<RuleNode> args, object? data, RuleContext? ctx)
    {
        var values = new object?[args.Count];
        for (var i = 0; i < values.Length; i++) values[i] = Eval(args[i], data, ctx);
        return values;
    }

    /// <summary>Two arguments: a op b. Three: a op b and b op c (JsonLogic's "between"; all three are evaluated).</summary>
    private static bool Between(IReadOnlyList<RuleNode> a, object? data, RuleContext? ctx, Cmp cmp)
    {
        var x = Eval(a[0], data, ctx);
        var y = Eval(a[1], data, ctx);
        if (a.Count == 2) return Js.Relational(x, y, cmp);
        var z = Eval(a[2], data, ctx);
        return Js.Relational(x, y, cmp) && Js.Relational(y, z, cmp);
    }
}
