using System.Text.Json.Nodes;
using Qilu.Rules.Semantics;
using Qilu.SharedKernel.Results;

namespace Qilu.Rules.Syntax;

/// <summary>
/// Static checks of a rule against a <see cref="RuleSchema"/>: every data path must be declared, and operands whose
/// types are known (declared variables, literals, operator results) must suit their operator. Logic applied per array
/// element (<c>map</c>, <c>filter</c>, <c>all</c>…) reads the element, which the schema does not describe, so it is
/// checked for structure only.
/// </summary>
internal sealed class SchemaChecker(RuleSchema schema, List<Error> errors)
{
    private const string Number = "number", String = "string", Boolean = "boolean", Date = "date", Array = "array", Object = "object";

    private readonly record struct Info(string? Type, RuleVariable? Variable = null, LiteralNode? Literal = null);

    public void Check(RuleNode root) => Infer(root, scoped: false);

    private Info Infer(RuleNode node, bool scoped)
    {
        switch (node)
        {
            case LiteralNode lit:
                return new Info(lit.Value switch { null => null, double => Number, bool => Boolean, _ => String }, null, lit);
            case ArrayNode arr:
                foreach (var item in arr.Items) Infer(item, scoped);
                return new Info(Array);
        }
        var op = (OpNode)node;
        var a = op.Args;
        switch (op.Op)
        {
            case "var":
                {
                    if (a.Length > 1) Infer(a[1], scoped);
                    if (scoped) return new Info(null);
                    if (!op.TryGetLiteralVarPath(out var path))
                    {
                        Infer(a[0], scoped);
                        errors.Add(RuleErrors.DynamicVariable(a[0].Path));
                        return new Info(null);
                    }
                    if (path.Length == 0) return new Info(Object);
                    var (found, type, variable) = schema.Resolve(path);
                    if (!found)
                    {
                        errors.Add(RuleErrors.UnknownVariable(op.Path, path));
                        return new Info(null);
                    }
                    return new Info(type is null ? null : Name(type.Value), variable);
                }
            case "missing":
            case "missing_some":
                {
                    foreach (var arg in a) Infer(arg, scoped);
                    if (scoped) return new Info(Array);
                    foreach (var key in a.Skip(op.Op == "missing_some" ? 1 : 0).SelectMany(k => k is ArrayNode an ? an.Items : [k]))
                    {
                        if (key is LiteralNode { Value: string or double } lit && Js.ToJsString(lit.Value) is { Length: > 0 } p && !schema.Resolve(p).Found)
                            errors.Add(RuleErrors.UnknownVariable(key.Path, p));
                    }
                    return new Info(Array);
                }
            case "map":
            case "filter":
            case "reduce":
            case "all":
            case "none":
            case "some":
                {
                    Expect(op.Op, a[0], Infer(a[0], scoped), "an array", Array);
                    Infer(a[1], scoped: true);
                    if (a.Length > 2) Infer(a[2], scoped);
                    return new Info(op.Op is "map" or "filter" ? Array : op.Op == "reduce" ? null : Boolean);
                }
            case "+":
            case "-":
            case "*":
            case "/":
            case "%":
            case "min":
            case "max":
                foreach (var arg in a)
                {
                    var info = Infer(arg, scoped);
                    if (info.Literal is { Value: string s } && double.IsNaN(Js.StringToNumber(s)))
                        errors.Add(RuleErrors.TypeMismatch(arg.Path, op.Op, String, "a number"));
                    else if (info.Literal is null) Expect(op.Op, arg, info, "a number", Number);
                }
                return new Info(Number);
            case "==":
            case "===":
            case "!=":
            case "!==":
            case "<":
            case "<=":
            case ">":
            case ">=":
                {
                    var infos = a.Select(x => Infer(x, scoped)).ToArray();
                    for (var i = 0; i < infos.Length; i++)
                        for (var j = 0; j < infos.Length; j++)
                            if (i != j && Math.Abs(i - j) == 1) CheckComparison(op, a[j], infos[i], infos[j]);
                    return new Info(Boolean);
                }
            case "in":
                {
                    var needle = Infer(a[0], scoped);
                    var haystack = Infer(a[1], scoped);
                    Expect(op.Op, a[1], haystack, "a string or an array", String, Array, Date);
                    if (needle.Variable?.Enum is { } allowed && a[1] is ArrayNode list)
                        foreach (var item in list.Items.OfType<LiteralNode>()) CheckEnum(item, needle.Variable, allowed);
                    return new Info(Boolean);
                }
            case "starts_with":
                foreach (var arg in a) Expect(op.Op, arg, Infer(arg, scoped), "a string or a number", String, Number, Date);
                return new Info(Boolean);
            case "date":
            case "add_days":
            case "days_between":
            case "age":
            case "before":
            case "after":
            case "on_or_before":
            case "on_or_after":
                for (var i = 0; i < a.Length; i++)
                {
                    var info = Infer(a[i], scoped);
                    if (op.Op == "add_days" && i == 1) Expect(op.Op, a[i], info, "a number", Number);
                    else ExpectDate(op.Op, a[i], info);
                }
                return new Info(op.Op is "date" or "add_days" ? Date : op.Op is "days_between" or "age" ? Number : Boolean);
            case "today":
                return new Info(Date);
            default:
                foreach (var arg in a) Infer(arg, scoped);
                return new Info(op.Op switch
                {
                    "!" or "!!" => Boolean,
                    "cat" or "substr" => String,
                    "merge" => Array,
                    _ => null,
                });
        }
    }

    private void CheckComparison(OpNode op, RuleNode otherNode, Info self, Info other)
    {
        if (self.Variable is null || other.Literal is not { Value: not null } lit) return;
        var declared = Name(self.Variable.Type);
        var relational = Operators.IsRelational(op.Op);
        var bad = declared switch
        {
            Number => lit.Value is string s ? double.IsNaN(Js.StringToNumber(s)) || !relational : lit.Value is not double,
            String => relational ? lit.Value is bool : lit.Value is not string,
            Boolean => lit.Value is not bool || relational,
            Date => false,
            _ => true,
        };
        if (declared == Date && !Dates.IsCanonical(lit.Value))
        {
            errors.Add(lit.Value is string text ? RuleErrors.BadDateLiteral(otherNode.Path, text) : RuleErrors.TypeMismatch(otherNode.Path, op.Op, TypeOf(lit), "a date"));
            return;
        }
        if (bad)
        {
            errors.Add(RuleErrors.TypeMismatch(otherNode.Path, op.Op, TypeOf(lit), declared));
            return;
        }
        if (!relational && self.Variable.Enum is { } allowed) CheckEnum(lit, self.Variable, allowed);
    }

    private void CheckEnum(LiteralNode lit, RuleVariable variable, IReadOnlyList<JsonNode?> allowed)
    {
        var value = Js.ToNode(lit.Value);
        if (!allowed.Any(x => JsonNode.DeepEquals(Js.ToNode(Js.FromNode(x)), value)))
            errors.Add(RuleErrors.NotInEnum(lit.Path, variable.Name, value?.ToJsonString() ?? "null"));
    }

    private void Expect(string op, RuleNode node, Info info, string expected, params string[] accepted)
    {
        if (info.Type is null || accepted.Contains(info.Type)) return;
        errors.Add(RuleErrors.TypeMismatch(node.Path, op, info.Type, expected));
    }

    private void ExpectDate(string op, RuleNode node, Info info)
    {
        if (info.Literal is { } lit)
        {
            if (lit.Value is string s) { if (Dates.Parse(s) is null) errors.Add(RuleErrors.BadDateLiteral(node.Path, s)); }
            else if (lit.Value is not null) errors.Add(RuleErrors.TypeMismatch(node.Path, op, TypeOf(lit), "a date"));
            return;
        }
        Expect(op, node, info, "a date", Date, String);
    }

    private static string TypeOf(LiteralNode lit) => lit.Value switch { double => Number, bool => Boolean, null => "null", _ => String };

    private static string Name(RuleValueType t) => t switch
    {
        RuleValueType.Number => Number,
        RuleValueType.String => String,
        RuleValueType.Boolean => Boolean,
        RuleValueType.Date => Date,
        RuleValueType.Array => Array,
        _ => Object,
    };
}
