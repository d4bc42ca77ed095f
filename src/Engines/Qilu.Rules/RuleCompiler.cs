using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Qilu.Rules.Semantics;
using Qilu.Rules.Syntax;

namespace Qilu.Rules;

/// <summary>
/// Compiles a rule into closures once, so that evaluation does no tree walk and no operator dispatch. On top of the
/// plain translation it folds constant subtrees, pre-splits literal <c>var</c> paths, turns literal <c>in</c> lists
/// into hash sets, compares against numeric literals without boxing, and evaluates conditions as unboxed booleans.
/// The semantics are those of <see cref="RuleInterpreter"/> (property-tested).
/// </summary>
public static class RuleCompiler
{
    /// <summary>Compiles <paramref name="rule"/>.</summary>
    public static CompiledRule Compile(RuleDocument rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return new CompiledRule(rule, Value(rule.Root), Truth(rule.Root));
    }

    internal static ValueEvaluator Value(RuleNode node)
    {
        if (node is LiteralNode lit)
        {
            var v = lit.Value;
            return (_, _) => v;
        }
        if (RuleAnalysis.IsPure(node))
        {
            // No data, no context: the value is fixed now. Arrays are shared but never mutated by any operator.
            var c = ValueCore(node)(null, null);
            return (_, _) => c;
        }
        return ValueCore(node);
    }

    internal static TruthEvaluator Truth(RuleNode node)
    {
        if (RuleAnalysis.IsPure(node))
        {
            var c = Js.Truthy(ValueCore(node)(null, null));
            return c ? (_, _) => true : (_, _) => false;
        }
        return TruthCore(node);
    }

    private static ValueEvaluator[] Values(IEnumerable<RuleNode> nodes) => [.. nodes.Select(Value)];

    private static object?[] All(ValueEvaluator[] fs, object? d, RuleContext? c)
    {
        var values = new object?[fs.Length];
        for (var i = 0; i < fs.Length; i++) values[i] = fs[i](d, c);
        return values;
    }

    private static ValueEvaluator ValueCore(RuleNode node)
    {
        switch (node)
        {
            case LiteralNode lit:
                var v = lit.Value;
                return (_, _) => v;
            case ArrayNode arr:
                var items = Values(arr.Items);
                return (d, c) => All(items, d, c);
        }
        var op = (OpNode)node;
        var a = op.Args;
        switch (op.Op)
        {
            case "var": return Var(op);
            case "missing": return Missing(op);
            case "missing_some":
                {
                    var need = Js.ToNumber(((LiteralNode)a[0]).Value);
                    var keys = ((ArrayNode)a[1]).Items.Select(k => ((LiteralNode)k).Value).ToArray();
                    var paths = keys.Select(Js.SplitPath).ToArray();
                    return (d, _) =>
                    {
                        var missing = MissingKeys(d, keys, paths);
                        return keys.Length - missing.Length >= need ? Array.Empty<object?>() : missing;
                    };
                }
            case "if":
            case "?:":
                {
                    var pairs = a.Length / 2;
                    var conds = Enumerable.Range(0, pairs).Select(i => Truth(a[2 * i])).ToArray();
                    var thens = Enumerable.Range(0, pairs).Select(i => Value(a[2 * i + 1])).ToArray();
                    var otherwise = a.Length % 2 == 1 ? Value(a[^1]) : (_, _) => null;
                    return (d, c) =>
                    {
                        for (var i = 0; i < conds.Length; i++)
                            if (conds[i](d, c)) return thens[i](d, c);
                        return otherwise(d, c);
                    };
                }
            case "or":
            case "and":
                {
                    var fs = Values(a);
                    var isOr = op.Op == "or";
                    return (d, c) =>
                    {
                        object? r = null;
                        foreach (var f in fs)
                        {
                            r = f(d, c);
                            if (Js.Truthy(r) == isOr) return r;
                        }
                        return r;
                    };
                }
            case "+":
                {
                    var fs = Values(a);
                    return (d, c) =>
                    {
                        double sum = 0;
                        foreach (var f in fs) sum = Js.AddStep(sum, Js.ParseFloat(f(d, c)));
                        return sum;
                    };
                }
            case "*":
                {
                    var fs = Values(a);
                    return (d, c) =>
                    {
                        var product = Js.ParseFloat(fs[0](d, c));
                        for (var i = 1; i < fs.Length; i++) product = Js.MultiplyStep(product, Js.ParseFloat(fs[i](d, c)));
                        return product;
                    };
                }
            case "-":
                {
                    var x = Value(a[0]);
                    if (a.Length == 1) return (d, c) => Js.Negate(x(d, c));
                    var y = Value(a[1]);
                    return (d, c) => Js.Subtract(x(d, c), y(d, c));
                }
            case "/":
                {
                    var x = Value(a[0]);
                    var y = Value(a[1]);
                    return (d, c) => Js.Divide(x(d, c), y(d, c));
                }
            case "%":
                {
                    var x = Value(a[0]);
                    var y = Value(a[1]);
                    return (d, c) => Js.Modulo(x(d, c), y(d, c));
                }
            case "max":
            case "min":
                {
                    var fs = Values(a);
                    var max = op.Op == "max";
                    return (d, c) =>
                    {
                        var acc = max ? double.NegativeInfinity : double.PositiveInfinity;
                        foreach (var f in fs)
                        {
                            var n = Js.ToNumber(f(d, c));
                            acc = max ? Math.Max(acc, n) : Math.Min(acc, n);
                        }
                        return acc;
                    };
                }
            case "map":
                {
                    var list = Value(a[0]);
                    var body = Value(a[1]);
                    return (d, c) =>
                    {
                        var src = Js.AsArray(list(d, c));
                        var result = new object?[src.Length];
                        for (var i = 0; i < src.Length; i++) result[i] = body(src[i], c);
                        return result;
                    };
                }
            case "filter":
                {
                    var list = Value(a[0]);
                    var body = Truth(a[1]);
                    return (d, c) => Js.AsArray(list(d, c)).Where(x => body(x, c)).ToArray();
                }
            case "reduce":
                {
                    var list = Value(a[0]);
                    var body = Value(a[1]);
                    var initial = a.Length > 2 ? Value(a[2]) : (_, _) => null;
                    return (d, c) =>
                    {
                        var acc = initial(d, c);
                        foreach (var x in Js.AsArray(list(d, c))) acc = body(new ReduceScope(x, acc), c);
                        return acc;
                    };
                }
            case "merge":
                {
                    var fs = Values(a);
                    return (d, c) => Js.Merge(All(fs, d, c));
                }
            case "cat":
                {
                    var fs = Values(a);
                    return (d, c) => Js.Cat(All(fs, d, c));
                }
            case "substr":
                {
                    var s = Value(a[0]);
                    var start = Value(a[1]);
                    if (a.Length == 2) return (d, c) => Js.Substr(s(d, c), start(d, c), null, false);
                    var length = Value(a[2]);
                    return (d, c) => Js.Substr(s(d, c), start(d, c), length(d, c), true);
                }
            case "date":
                {
                    var x = Value(a[0]);
                    return (d, c) => Dates.Date(x(d, c));
                }
            case "today": return (_, c) => Dates.Today(c);
            case "add_days":
                {
                    var x = Value(a[0]);
                    var n = Value(a[1]);
                    return (d, c) => Dates.AddDays(x(d, c), n(d, c));
                }
            case "days_between":
                {
                    var x = Value(a[0]);
                    var y = Value(a[1]);
                    return (d, c) => Dates.DaysBetween(x(d, c), y(d, c));
                }
            case "age":
                {
                    var birth = Value(a[0]);
                    if (a.Length == 1) return (d, c) => Dates.Age(birth(d, c), Dates.Today(c));
                    var at = Value(a[1]);
                    return (d, c) => Dates.Age(birth(d, c), at(d, c));
                }
            default:
                {
                    // Every remaining operator yields a boolean.
                    var t = TruthCore(op);
                    return (d, c) => Js.Box(t(d, c));
                }
        }
    }

    private static TruthEvaluator TruthCore(RuleNode node)
    {
        if (node is not OpNode op)
        {
            var f = Value(node);
            return (d, c) => Js.Truthy(f(d, c));
        }
        var a = op.Args;
        switch (op.Op)
        {
            case "!":
                {
                    var x = Truth(a[0]);
                    return (d, c) => !x(d, c);
                }
            case "!!": return Truth(a[0]);
            case "and":
                {
                    var fs = a.Select(Truth).ToArray();
                    return (d, c) =>
                    {
                        foreach (var f in fs)
                            if (!f(d, c)) return false;
                        return true;
                    };
                }
            case "or":
                {
                    var fs = a.Select(Truth).ToArray();
                    return (d, c) =>
                    {
                        foreach (var f in fs)
                            if (f(d, c)) return true;
                        return false;
                    };
                }
            case "if":
            case "?:":
                {
                    var pairs = a.Length / 2;
                    var conds = Enumerable.Range(0, pairs).Select(i => Truth(a[2 * i])).ToArray();
                    var thens = Enumerable.Range(0, pairs).Select(i => Truth(a[2 * i + 1])).ToArray();
                    var otherwise = a.Length % 2 == 1 ? Truth(a[^1]) : (_, _) => false;
                    return (d, c) =>
                    {
                        for (var i = 0; i < conds.Length; i++)
                            if (conds[i](d, c)) return thens[i](d, c);
                        return otherwise(d, c);
                    };
                }
            case "==": return Equality(a, strict: false, negate: false);
            case "!=": return Equality(a, strict: false, negate: true);
            case "===": return Equality(a, strict: true, negate: false);
            case "!==": return Equality(a, strict: true, negate: true);
            case "<": return Relational(a, Cmp.Less);
            case "<=": return Relational(a, Cmp.LessOrEqual);
            case ">": return Relational(a, Cmp.Greater);
            case ">=": return Relational(a, Cmp.GreaterOrEqual);
            case "in": return In(a);
            case "starts_with":
                {
                    var x = Value(a[0]);
                    var p = Value(a[1]);
                    return (d, c) => Js.StartsWith(x(d, c), p(d, c));
                }
            case "all":
            case "none":
            case "some":
                {
                    var list = Value(a[0]);
                    var body = Truth(a[1]);
                    return op.Op switch
                    {
                        "all" => (d, c) =>
                        {
                            var src = Js.AsArray(list(d, c));
                            return src.Length > 0 && Array.TrueForAll(src, x => body(x, c));
                        },
                        "none" => (d, c) => !Array.Exists(Js.AsArray(list(d, c)), x => body(x, c)),
                        _ => (d, c) => Array.Exists(Js.AsArray(list(d, c)), x => body(x, c)),
                    };
                }
            case "before": return DateCompare(a, Cmp.Less);
            case "after": return DateCompare(a, Cmp.Greater);
            case "on_or_before": return DateCompare(a, Cmp.LessOrEqual);
            case "on_or_after": return DateCompare(a, Cmp.GreaterOrEqual);
            default:
                {
                    var f = ValueCore(op);
                    return (d, c) => Js.Truthy(f(d, c));
                }
        }
    }

    private static TruthEvaluator Equality(ImmutableArray<RuleNode> a, bool strict, bool negate)
    {
        // A numeric literal on either side: compare doubles directly when the other side is a number.
        if (a[0] is LiteralNode { Value: double } || a[1] is LiteralNode { Value: double })
        {
            var literalFirst = a[0] is LiteralNode { Value: double };
            var k = (double)((LiteralNode)(literalFirst ? a[0] : a[1])).Value!;
            object kBox = k;
            var other = Value(literalFirst ? a[1] : a[0]);
            return (d, c) =>
            {
                var v = other(d, c);
                var eq = v is double x ? x == k : strict ? false : Js.LooseEquals(v, kBox);
                return eq != negate;
            };
        }
        var f = Value(a[0]);
        var g = Value(a[1]);
        return strict
            ? (d, c) => Js.StrictEquals(f(d, c), g(d, c)) != negate
            : (d, c) => Js.LooseEquals(f(d, c), g(d, c)) != negate;
    }

    private static TruthEvaluator Relational(ImmutableArray<RuleNode> a, Cmp cmp)
    {
        if (a.Length == 3)
        {
            var x = Value(a[0]);
            var y = Value(a[1]);
            var z = Value(a[2]);
            return (d, c) =>
            {
                var vx = x(d, c);
                var vy = y(d, c);
                var vz = z(d, c);
                return Js.Relational(vx, vy, cmp) && Js.Relational(vy, vz, cmp);
            };
        }
        if (a[1] is LiteralNode { Value: double k })
        {
            object kBox = k;
            var x = Value(a[0]);
            return (d, c) => x(d, c) is var v && v is double n ? Js.CompareNumbers(n, k, cmp) : Js.Relational(v, kBox, cmp);
        }
        if (a[0] is LiteralNode { Value: double k0 })
        {
            object kBox = k0;
            var y = Value(a[1]);
            return (d, c) => y(d, c) is var v && v is double n ? Js.CompareNumbers(k0, n, cmp) : Js.Relational(kBox, v, cmp);
        }
        var f = Value(a[0]);
        var g = Value(a[1]);
        return (d, c) => f(d, c) is var l && g(d, c) is var r && l is double ln && r is double rn
            ? Js.CompareNumbers(ln, rn, cmp)
            : Js.Relational(l, r, cmp);
    }

    private static TruthEvaluator In(ImmutableArray<RuleNode> a)
    {
        var needle = Value(a[0]);
        if (a[1] is ArrayNode list && list.Items.All(i => i is LiteralNode))
        {
            var values = list.Items.Select(i => ((LiteralNode)i).Value).ToArray();
            var strings = values.OfType<string>().ToHashSet(StringComparer.Ordinal);
            var numbers = values.OfType<double>().Select(n => n == 0 ? 0d : n).ToHashSet();
            var hasNull = values.Any(v => v is null);
            var hasTrue = values.Any(v => v is true);
            var hasFalse = values.Any(v => v is false);
            return (d, c) => needle(d, c) switch
            {
                null => hasNull,
                string s => strings.Contains(s),
                double n => !double.IsNaN(n) && numbers.Contains(n == 0 ? 0d : n),
                bool b => b ? hasTrue : hasFalse,
                _ => false,
            };
        }
        var haystack = Value(a[1]);
        return (d, c) => Js.In(needle(d, c), haystack(d, c));
    }

    private static TruthEvaluator DateCompare(ImmutableArray<RuleNode> a, Cmp cmp)
    {
        var x = Value(a[0]);
        var y = Value(a[1]);
        if (a[1] is LiteralNode lit && Dates.Parse(lit.Value) is { } fixedDay)
            return (d, c) => Dates.Parse(x(d, c)) is { } day && Js.CompareNumbers(day, fixedDay, cmp);
        return (d, c) => Dates.Compare(x(d, c), y(d, c), cmp);
    }

    private static ValueEvaluator Var(OpNode op)
    {
        var a = op.Args;
        var fallback = a.Length > 1 ? Value(a[1]) : null;
        if (!op.TryGetLiteralVarPath(out var path))
        {
            var p = Value(a[0]);
            return (d, c) =>
            {
                // JsonLogic evaluates every argument before the operator runs, the default included.
                var f = fallback?.Invoke(d, c);
                var v = Js.Lookup(d, Js.SplitPath(p(d, c)));
                return ReferenceEquals(v, Js.NotFound) ? f : v;
            };
        }
        var segments = Js.SplitPath(path.Length == 0 ? null : path);
        if (segments is { Length: 1 })
        {
            // The common case (a top-level field): one dictionary probe, no path walk.
            var key = segments[0];
            if (fallback is null)
            {
                return (d, _) =>
                {
                    if (d is JsonObject o)
                        return o.TryGetPropertyValue(key, out var child) ? child is JsonObject ? child : Js.FromNode(child) : null;
                    var v = Js.Lookup(d, segments);
                    return ReferenceEquals(v, Js.NotFound) ? null : v;
                };
            }
            return (d, c) =>
            {
                var f = fallback(d, c);
                if (d is JsonObject o)
                    return o.TryGetPropertyValue(key, out var child) ? child is JsonObject ? child : Js.FromNode(child) : f;
                var v = Js.Lookup(d, segments);
                return ReferenceEquals(v, Js.NotFound) ? f : v;
            };
        }
        return (d, c) =>
        {
            var f = fallback?.Invoke(d, c);
            var v = Js.Lookup(d, segments);
            return ReferenceEquals(v, Js.NotFound) ? f : v;
        };
    }

    private static ValueEvaluator Missing(OpNode op)
    {
        var a = op.Args;
        object?[]? keys = null;
        if (a.All(k => k is LiteralNode)) keys = [.. a.Select(k => ((LiteralNode)k).Value)];
        else if (a is [ArrayNode only] && only.Items.All(k => k is LiteralNode)) keys = [.. only.Items.Select(k => ((LiteralNode)k).Value)];
        if (keys is not null)
        {
            var paths = keys.Select(Js.SplitPath).ToArray();
            return (d, _) => MissingKeys(d, keys, paths);
        }
        var fs = Values(a);
        return (d, c) => Js.Missing(d, All(fs, d, c));
    }

    private static object?[] MissingKeys(object? d, object?[] keys, string[]?[] paths)
    {
        List<object?>? missing = null;
        for (var i = 0; i < keys.Length; i++)
        {
            var v = Js.Lookup(d, paths[i]);
            if (v is null || ReferenceEquals(v, Js.NotFound) || v is string { Length: 0 }) (missing ??= []).Add(keys[i]);
        }
        return missing is null ? [] : [.. missing];
    }
}
